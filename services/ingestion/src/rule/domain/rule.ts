import type { FieldError, RecordEntity } from '@foresight/contracts';
import { assertNever } from '@foresight/domain';

export const RULE_KINDS = [
  'regex',
  'not_null',
  'range',
  'positive',
  'unique_in_tenant',
  'allowed_values',
] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

/** Values an `allowed_values` rule may list: what a record field can hold and be compared by equality. */
export type AllowedValue = string | number | boolean;

/** What a rule checks, by kind; only the parameters its kind needs. */
export type RuleCheck =
  | { kind: 'regex'; pattern: string }
  | { kind: 'not_null' }
  | { kind: 'range'; min: number | null; max: number | null }
  | { kind: 'positive' }
  | { kind: 'unique_in_tenant' }
  | { kind: 'allowed_values'; values: AllowedValue[] };

/** One tenant rule (seed 004 `validation_rules`): a check on one field of one entity's records. */
export type RuleSpec = {
  entity: RecordEntity;
  /** A field of the entity's record, or a dotted path into a nested one (`actions.email`). */
  field: string;
  /** Shown in the rejection instead of the generated one. */
  message: string | null;
  /** A disabled rule is kept (and versioned) but checks nothing. */
  enabled: boolean;
} & RuleCheck;

export type Rule = RuleSpec & { ruleId: string };

export const MAX_PATTERN_LENGTH = 1000;
export const MAX_ALLOWED_VALUES = 500;
export const MAX_MESSAGE_LENGTH = 500;

/**
 * The parameters that make a rule impossible to apply whatever the engine (min above max, nothing
 * allowed, a pattern too long to keep), named by their field. Regexes are compiled outside the
 * domain, by the engine that will run them.
 */
export function ruleParamErrors(spec: RuleSpec): FieldError[] {
  const errors: FieldError[] = [];
  const refuse = (field: string, message: string) => errors.push({ field, errors: [message] });
  if (spec.message !== null && spec.message.length > MAX_MESSAGE_LENGTH)
    refuse('message', `message must be at most ${MAX_MESSAGE_LENGTH} characters`);
  switch (spec.kind) {
    case 'regex':
      if (spec.pattern.length === 0) refuse('pattern', 'pattern must not be empty');
      if (spec.pattern.length > MAX_PATTERN_LENGTH)
        refuse('pattern', `pattern must be at most ${MAX_PATTERN_LENGTH} characters`);
      break;
    case 'range': {
      const { min, max } = spec;
      if (min === null && max === null) refuse('min', 'a range needs min, max or both');
      if (min !== null && !Number.isFinite(min)) refuse('min', 'min must be a finite number');
      if (max !== null && !Number.isFinite(max)) refuse('max', 'max must be a finite number');
      if (min !== null && max !== null && min > max)
        refuse('min', `min (${min}) must not be greater than max (${max})`);
      break;
    }
    case 'allowed_values':
      if (spec.values.length === 0) refuse('values', 'values must list at least one allowed value');
      if (spec.values.length > MAX_ALLOWED_VALUES)
        refuse('values', `values must list at most ${MAX_ALLOWED_VALUES} values`);
      if (new Set(spec.values).size !== spec.values.length) refuse('values', 'values must not repeat');
      break;
    case 'unique_in_tenant':
      // Usage rows are periods of an account, not records others can be compared with.
      if (spec.entity === 'usage') refuse('kind', 'unique_in_tenant does not apply to usage rows');
      break;
    case 'not_null':
    case 'positive':
      break;
    default:
      return assertNever(spec, 'rule kind');
  }
  return errors;
}

/** Same rule, same definition: a re-sent definition is a no-op. */
export function sameSpec(a: RuleSpec, b: RuleSpec): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

/** The rule's definition with keys in one order, so equal definitions compare (and hash) equal. */
export function canonical(spec: RuleSpec): Record<string, unknown> {
  const { entity, field, message, enabled, kind } = spec;
  const params: Record<string, unknown> = {};
  switch (spec.kind) {
    case 'regex':
      params['pattern'] = spec.pattern;
      break;
    case 'range':
      params['min'] = spec.min;
      params['max'] = spec.max;
      break;
    case 'allowed_values':
      params['values'] = [...spec.values];
      break;
    case 'not_null':
    case 'positive':
    case 'unique_in_tenant':
      break;
    default:
      return assertNever(spec, 'rule kind');
  }
  return { entity, field, kind, params, message, enabled };
}
