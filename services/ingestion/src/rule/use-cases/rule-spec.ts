import { FieldError, RECORD_ENTITIES, RecordEntity } from '@foresight/contracts';
import { assertNever } from '@foresight/domain';
import { AllowedValue, RULE_KINDS, RuleKind, RuleSpec } from '../domain/rule';
import { invalidRule } from '../domain/rule-set.errors';
import { ruleSpecErrors } from '../evaluation/compile-rules';

/** A rule definition as a client or a job sends it: flat, with the parameters of its kind. */
export interface RuleSpecInput {
  entity: string;
  field: string;
  kind: string;
  pattern?: string | null;
  min?: number | null;
  max?: number | null;
  values?: readonly unknown[] | null;
  message?: string | null;
  enabled?: boolean | null;
}

const PARAMS_OF: Record<RuleKind, readonly ('pattern' | 'min' | 'max' | 'values')[]> = {
  regex: ['pattern'],
  not_null: [],
  range: ['min', 'max'],
  positive: [],
  unique_in_tenant: [],
  allowed_values: ['values'],
};

const isAllowedValue = (v: unknown): v is AllowedValue =>
  typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));

/**
 * The definition checked whole, whichever entry point it came through: entity and kind known, only
 * the parameters of its kind given, the field one the entity's records have, and everything the
 * rule needs to compile. Refused with RULE.INVALID naming every offending field.
 */
export function ruleSpecFrom(input: RuleSpecInput): RuleSpec {
  const errors: FieldError[] = [];
  const refuse = (field: string, message: string) => errors.push({ field, errors: [message] });
  if (!(RECORD_ENTITIES as readonly string[]).includes(input.entity))
    refuse('entity', `entity must be one of ${RECORD_ENTITIES.join(', ')}`);
  if (!(RULE_KINDS as readonly string[]).includes(input.kind))
    refuse('kind', `kind must be one of ${RULE_KINDS.join(', ')}`);
  if (errors.length) throw invalidRule(errors);

  const entity = input.entity as RecordEntity;
  const kind = input.kind as RuleKind;
  for (const param of ['pattern', 'min', 'max', 'values'] as const)
    if (input[param] !== undefined && input[param] !== null && !PARAMS_OF[kind].includes(param))
      refuse(param, `${param} does not apply to ${kind} rules`);
  const common = {
    entity,
    field: input.field,
    message: input.message ?? null,
    enabled: input.enabled ?? true,
  };
  let spec: RuleSpec;
  switch (kind) {
    case 'regex':
      if (typeof input.pattern !== 'string') refuse('pattern', 'a regex rule needs a pattern');
      spec = { ...common, kind, pattern: input.pattern ?? '' };
      break;
    case 'range':
      spec = { ...common, kind, min: input.min ?? null, max: input.max ?? null };
      break;
    case 'allowed_values': {
      const values = input.values ?? [];
      // One message per field: the count checks would only repeat this one.
      if (!values.every(isAllowedValue)) {
        refuse('values', 'values must be strings, finite numbers or booleans');
        throw invalidRule(errors);
      }
      spec = { ...common, kind, values: [...values] as AllowedValue[] };
      break;
    }
    case 'not_null':
    case 'positive':
    case 'unique_in_tenant':
      spec = { ...common, kind };
      break;
    default:
      return assertNever(kind, 'rule kind');
  }
  errors.push(...ruleSpecErrors(spec));
  if (errors.length) throw invalidRule(errors);
  return spec;
}
