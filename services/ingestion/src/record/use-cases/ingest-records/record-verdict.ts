import { FieldError, RECORD_CLASSES, RecordEntity, UpstreamOp } from '@foresight/contracts';
import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';

/** One record as it came in, before any check. */
export interface IncomingRecord {
  op: UpstreamOp;
  /** The parsed JSON value (anything: it is checked here). */
  value: unknown;
  /** Why the value could not even be read (e.g. a Kafka message that is not JSON); `value` is then the raw text. */
  unreadable?: string;
  /** Position in the batch, or the Kafka offset. */
  index: number;
  /** Where exactly it came from (`api:<sync>#<index>`, `kafka:<topic>/<partition>@<offset>`): names its rejection. */
  origin: string;
}

export type RecordVerdict =
  | {
      ok: true;
      op: 'upsert';
      externalId: string;
      /** The validated record, nulls dropped (an absent and a null field mean the same: unknown). */
      payload: Record<string, unknown>;
      /** The account a contract, usage row or feedback item belongs to; null for an account. */
      accountExternalId: string | null;
    }
  | { ok: true; op: 'delete'; externalId: string; accountExternalId: null }
  | { ok: false; externalId: string | null; errors: FieldError[] };

const EXTERNAL_ID = /^[A-Za-z0-9][A-Za-z0-9_:@/-]{0,127}$/;

/**
 * Constraints that say what kind of value a field takes. When one fails, the others (min, max,
 * length) only repeat the same mistake in other words, so a field gets its type error alone.
 */
const TYPE_CONSTRAINTS = new Set([
  'isDefined',
  'isNumber',
  'isInt',
  'isString',
  'isBoolean',
  'isObject',
  'isArray',
  'isIso8601',
  'isEmail',
  'isIn',
  'nestedValidation',
]);

/** One clear message per field: "is required" when it is missing, else its type error, else the rest. */
function messagesOf(field: string, e: ValidationError): string[] {
  if (e.value === undefined || e.value === null) return [`${field} is required`];
  const failed = Object.entries(e.constraints ?? {});
  const typeErrors = failed.filter(([name]) => TYPE_CONSTRAINTS.has(name));
  return (typeErrors.length ? typeErrors : failed).map(([, message]) => message);
}

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = `${prefix}${e.property}`;
    const own = e.constraints ? [{ field, errors: messagesOf(field, e) }] : [];
    // A missing object has no fields of its own to report.
    if (e.value === undefined || e.value === null) return own;
    return [...own, ...flatten(e.children ?? [], `${field}.`)];
  });
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const str = (v: unknown): string | null =>
  typeof v === 'string' && v.length > 0 ? v.slice(0, 200).replaceAll('\u0000', '\uFFFD') : null;

function hasNul(v: unknown): boolean {
  if (typeof v === 'string') return v.includes('\u0000');
  if (Array.isArray(v)) return v.some(hasNul);
  if (isObject(v)) return Object.entries(v).some(([k, x]) => k.includes('\u0000') || hasNul(x));
  return false;
}

/**
 * How a record is named in results and rejections: its external id; a usage row, which has none,
 * by its account and period (`crm-42@2025-06-02T00:00:00Z`).
 */
export function displayIdOf(entity: RecordEntity, value: unknown): string | null {
  if (!isObject(value)) return null;
  if (entity === 'usage') {
    const account = str(value['accountExternalId']);
    const at = str(value['at']);
    return account && at ? `${account}@${at}` : account;
  }
  return str(value['externalId']);
}

function withoutNulls(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== null && v !== undefined));
}

/** Rules beyond the field schema: what a well-formed record can still get wrong. */
function semanticErrors(entity: RecordEntity, r: Record<string, unknown>): FieldError[] {
  const errors: FieldError[] = [];
  if (entity === 'contract' && typeof r['startDate'] === 'string' && typeof r['renewalDate'] === 'string')
    if (Date.parse(r['renewalDate']) <= Date.parse(r['startDate']))
      errors.push({ field: 'renewalDate', errors: ['renewalDate must be after startDate'] });
  if (entity === 'subscription' && typeof r['startDate'] === 'string' && typeof r['endDate'] === 'string')
    if (Date.parse(r['endDate']) <= Date.parse(r['startDate']))
      errors.push({ field: 'endDate', errors: ['endDate must be after startDate'] });
  if (entity === 'feedback') {
    const score = r['score'];
    if (r['channel'] === 'nps' && (score === undefined || score === null))
      errors.push({ field: 'score', errors: ['an nps answer needs a score from 0 to 10'] });
    if (r['channel'] === 'survey' && typeof score === 'number' && (score < 1 || score > 5))
      errors.push({ field: 'score', errors: ['a survey score (CSAT) must be from 1 to 5'] });
  }
  return errors;
}

/**
 * The per-record checks, identical for the REST batch API and the upstream topics: the record's
 * contract class (unknown fields refused, as everywhere at our edges), then the rules above. A
 * removal needs only the external id.
 */
export function verdictOf(entity: RecordEntity, record: IncomingRecord): RecordVerdict {
  const { value } = record;
  const externalId = displayIdOf(entity, value);
  const refuse = (field: string, message: string): RecordVerdict => ({
    ok: false,
    externalId,
    errors: [{ field, errors: [message] }],
  });
  if (record.unreadable) return refuse('(record)', record.unreadable);
  if (!isObject(value)) return refuse('(record)', 'a record must be a JSON object');
  // PostgreSQL's jsonb cannot hold U+0000; a record carrying one would fail its whole batch.
  if (hasNul(value)) return refuse('(record)', 'a record must not contain NUL characters');

  if (record.op === 'delete') {
    if (entity === 'usage') return refuse('(record)', 'usage rows cannot be removed; send corrected counts');
    const id = value['externalId'];
    if (typeof id !== 'string' || !EXTERNAL_ID.test(id))
      return refuse(
        'externalId',
        'externalId must be 1–128 letters, digits or _:@/- (starting with a letter or digit)',
      );
    return { ok: true, op: 'delete', externalId: id, accountExternalId: null };
  }

  const instance = plainToInstance(RECORD_CLASSES[entity] as new () => object, value);
  const errors = flatten(
    validateSync(instance, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true }),
  );
  errors.push(...semanticErrors(entity, value));
  if (errors.length) return { ok: false, externalId, errors };
  const payload = withoutNulls(value);
  return {
    ok: true,
    op: 'upsert',
    externalId: externalId ?? '',
    payload,
    accountExternalId: entity === 'account' ? null : (payload['accountExternalId'] as string),
  };
}

/** Longest raw record kept with a rejection: enough to see what was wrong, bounded for the read model. */
export const MAX_RAW_CHARS = 16_384;

/** The record as received, as JSON text: kept with its rejection, never parsed into a document's keys. */
export function rawOf(record: IncomingRecord): string {
  let raw: string;
  if (record.unreadable && typeof record.value === 'string') raw = record.value;
  else {
    try {
      raw = JSON.stringify(record.value) ?? 'null';
    } catch {
      raw = String(record.value);
    }
  }
  raw = raw.replaceAll('\u0000', '\uFFFD');
  return raw.length > MAX_RAW_CHARS ? `${raw.slice(0, MAX_RAW_CHARS)}…(truncated)` : raw;
}
