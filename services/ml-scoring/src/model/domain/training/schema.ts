import type { FieldError } from '@foresight/contracts';
import type { TrainingSample } from './types';

const MAX_ERRORS = 20;

/**
 * Structural check of a training set before anything is fitted: ids present, labels 0/1, values
 * finite numbers, strings or null, and each feature of one kind (numbers or strings) across rows —
 * a feature that is a number in one row and a string in another is an upstream bug, not a category.
 * Errors name the sample index and field; the list is capped so a broken set does not flood a reply.
 */
export function validateTrainingSet(samples: readonly TrainingSample[]): FieldError[] {
  const errors: FieldError[] = [];
  const push = (field: string, message: string) => {
    if (errors.length < MAX_ERRORS) errors.push({ field, errors: [message] });
  };
  if (samples.length === 0) push('samples', 'the training set is empty');
  const kinds = new Map<string, { kind: 'number' | 'string'; first: number }>();
  samples.forEach((s, i) => {
    if (typeof s.id !== 'string' || s.id.trim() === '')
      push(`samples[${i}].id`, 'id must be a non-empty string');
    if (s.label !== 0 && s.label !== 1) push(`samples[${i}].label`, 'label must be 0 or 1');
    if (s.features === null || typeof s.features !== 'object') {
      push(`samples[${i}].features`, 'features must be an object');
      return;
    }
    for (const [name, value] of Object.entries(s.features)) {
      if (value === null) continue;
      const kind = typeof value;
      if (kind !== 'number' && kind !== 'string') {
        push(`samples[${i}].features.${name}`, 'a feature value must be a number, a string or null');
        continue;
      }
      if (kind === 'number' && !Number.isFinite(value)) {
        push(`samples[${i}].features.${name}`, 'a numeric feature must be finite (use null for missing)');
        continue;
      }
      const seen = kinds.get(name);
      if (!seen) kinds.set(name, { kind: kind as 'number' | 'string', first: i });
      else if (seen.kind !== kind)
        push(
          `samples[${i}].features.${name}`,
          `is a ${kind} here but a ${seen.kind} in sample ${seen.first}`,
        );
    }
  });
  return errors;
}
