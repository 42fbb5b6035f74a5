import type { FieldError, RecordEntity } from '@foresight/contracts';
import { assertNever } from '@foresight/domain';
import { RE2JS } from 're2js';
import type { RuleViolation } from '../../record/use-cases/ingest-records/record-rules.port';
import { AllowedValue, Rule, ruleParamErrors, RuleSpec } from '../domain/rule';
import { recordFieldsOf } from './record-fields';

/**
 * Tenant patterns are untrusted: they run in re2js, a port of RE2 whose matching time is linear in
 * the input, so `(a+)+$` cannot backtrack. What RE2 cannot express (backreferences, lookarounds)
 * is refused when the rule is defined, never discovered while ingesting.
 */
export function compilePattern(pattern: string): RE2JS | string {
  try {
    return RE2JS.compile(pattern);
  } catch (err) {
    const why = err instanceof Error ? err.message.replace(/^error parsing regexp: /, '') : String(err);
    return `pattern is not a regular expression the linear-time engine (RE2) accepts: ${why}; backreferences and lookarounds are not supported`;
  }
}

const NUMERIC_KINDS = new Set(['range', 'positive']);

/**
 * Everything that keeps a definition from being applied, each naming its field: an unknown field
 * (with the fields it could be), a numeric check on a text field, a check on a whole nested object,
 * a pattern RE2 cannot compile, and the domain's own parameter checks.
 */
export function ruleSpecErrors(spec: RuleSpec): FieldError[] {
  const errors = [...ruleParamErrors(spec)];
  const fields = recordFieldsOf(spec.entity);
  const field = fields.get(spec.field);
  if (!field)
    errors.push({
      field: 'field',
      errors: [
        `${spec.entity} records have no field ${spec.field}; known fields: ${[...fields.keys()].join(', ')}`,
      ],
    });
  else if (field.type === 'object' && spec.kind !== 'not_null')
    errors.push({
      field: 'field',
      errors: [`${spec.field} is an object: name one of its fields, like ${spec.field}.<name>`],
    });
  else if (field.type !== 'number' && NUMERIC_KINDS.has(spec.kind))
    errors.push({ field: 'kind', errors: [`${spec.kind} needs a numeric field; ${spec.field} is not one`] });
  if (spec.kind === 'regex' && spec.pattern.length > 0) {
    const compiled = compilePattern(spec.pattern);
    if (typeof compiled === 'string') errors.push({ field: 'pattern', errors: [compiled] });
  }
  return errors;
}

/** One record as the rules see it: its external id (or display id) and its schema-valid payload. */
export interface RuleInput {
  externalId: string;
  payload: Readonly<Record<string, unknown>>;
}

type Check = (value: unknown) => string | null;

interface CompiledRule {
  rule: Rule;
  path: readonly string[];
  /** Null for unique_in_tenant, which needs other records' values. */
  check: Check | null;
}

/**
 * Values of unique_in_tenant rules already held by other records of the tenant: rule id → value key
 * (see `valueKey`) → external ids holding it.
 */
export type TakenValues = ReadonlyMap<string, ReadonlyMap<string, readonly string[]>>;

/** Values compare by type and content: `1` and `"1"` are different values. */
export const valueKey = (value: unknown): string => JSON.stringify(value);

const present = (v: unknown) => v !== undefined && v !== null;
const show = (v: AllowedValue) => (typeof v === 'string' ? `"${v}"` : String(v));

/** The value at a dotted path of a record; undefined where the path leaves the record. */
export function valueAt(payload: Readonly<Record<string, unknown>>, path: readonly string[]): unknown {
  let value: unknown = payload;
  for (const key of path) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function checkOf(rule: Rule): Check | null {
  const { field } = rule;
  switch (rule.kind) {
    case 'not_null':
      return (v) => (present(v) ? null : `${field} must not be null`);
    case 'regex': {
      const re = compilePattern(rule.pattern);
      if (typeof re === 'string') throw new Error(`rule ${rule.ruleId}: ${re}`);
      return (v) =>
        !present(v) || re.matcher(typeof v === 'string' ? v : JSON.stringify(v)).find()
          ? null
          : `${field} must match ${rule.pattern}`;
    }
    case 'range': {
      const { min, max } = rule;
      const bounds =
        min !== null && max !== null
          ? `between ${min} and ${max}`
          : min !== null
            ? `at least ${min}`
            : `at most ${String(max)}`;
      return (v) => {
        if (!present(v)) return null;
        if (typeof v !== 'number') return `${field} must be a number ${bounds}`;
        return (min !== null && v < min) || (max !== null && v > max) ? `${field} must be ${bounds}` : null;
      };
    }
    case 'positive':
      return (v) =>
        !present(v) || (typeof v === 'number' && v > 0) ? null : `${field} must be a number greater than 0`;
    case 'allowed_values': {
      const allowed = new Set<unknown>(rule.values);
      const list = rule.values.map(show).join(', ');
      return (v) => (!present(v) || allowed.has(v) ? null : `${field} must be one of ${list}`);
    }
    case 'unique_in_tenant':
      return null;
    default:
      return assertNever(rule, 'rule kind');
  }
}

/**
 * A tenant's enabled rules for one entity, compiled once (patterns included) and evaluated purely:
 * the values other records already hold come in as `TakenValues`, so the evaluator reads nothing.
 */
export class CompiledRuleSet {
  private readonly compiled: readonly CompiledRule[];

  constructor(
    readonly entity: RecordEntity,
    rules: readonly Rule[],
  ) {
    this.compiled = rules
      .filter((r) => r.enabled && r.entity === entity)
      .map((rule) => ({ rule, path: rule.field.split('.'), check: checkOf(rule) }));
  }

  get size(): number {
    return this.compiled.length;
  }

  /** unique_in_tenant rules and the distinct values the batch carries for each: what to look up. */
  uniqueLookups(records: readonly RuleInput[]): { rule: Rule; values: unknown[] }[] {
    return this.compiled
      .filter((c) => c.check === null)
      .map(({ rule, path }) => {
        const values = new Map<string, unknown>();
        for (const r of records) {
          const v = valueAt(r.payload, path);
          if (present(v)) values.set(valueKey(v), v);
        }
        return { rule, values: [...values.values()] };
      })
      .filter((l) => l.values.length > 0);
  }

  /**
   * Violations per record, in input order. A unique value is refused when another record of the
   * tenant holds it, or when an earlier record of the same batch (with another external id) does:
   * the first one in the batch wins, as it would have had the batch been sent one record at a time.
   */
  evaluate(records: readonly RuleInput[], taken: TakenValues = new Map()): RuleViolation[][] {
    const firstInBatch = new Map<string, string>();
    return records.map((record) => {
      const violations: RuleViolation[] = [];
      for (const { rule, path, check } of this.compiled) {
        const value = valueAt(record.payload, path);
        let error: string | null;
        if (check) error = check(value);
        else if (!present(value)) error = null;
        else {
          const key = valueKey(value);
          const others = (taken.get(rule.ruleId)?.get(key) ?? []).filter((id) => id !== record.externalId);
          const slot = `${rule.ruleId}|${key}`;
          const earlier = firstInBatch.get(slot);
          const clash =
            others[0] ?? (earlier !== undefined && earlier !== record.externalId ? earlier : null);
          // Only a record that may hold the value claims it for the rest of the batch.
          if (clash === null && earlier === undefined) firstInBatch.set(slot, record.externalId);
          error =
            clash === null
              ? null
              : `${rule.field} ${typeof value === 'string' ? `"${value}"` : valueKey(value)} is already used by ${rule.entity} ${clash}`;
        }
        if (error !== null)
          violations.push({ ruleId: rule.ruleId, field: rule.field, errors: [rule.message ?? error] });
      }
      return violations;
    });
  }
}
