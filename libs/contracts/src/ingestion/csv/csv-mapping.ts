/**
 * CSV rows → upstream records: the one mapping both the `foresight import` CLI and the ingestion
 * service's upload route use, so a file imports the same way whichever door it comes through.
 * Pure functions over already-split rows; the streaming parser lives with each caller.
 */

export const CSV_FIELD_TYPES = ['string', 'number', 'integer', 'date', 'datetime'] as const;
export type CsvFieldType = (typeof CSV_FIELD_TYPES)[number];

/** Where one record field comes from. Field names may be dotted (`actions.contacts`) for nested records. */
export type CsvFieldSource =
  | {
      /** The header name of the column. */
      column: string;
      /** Defaults to the field's type for the entity (see CSV_RECORD_FIELD_TYPES), else string. */
      type?: CsvFieldType;
      /** Cell values meaning "unknown" (besides the empty cell), e.g. HubSpot's unranked 16000001. */
      nullValues?: readonly string[];
      /** Multiplies a number (MRR × 12 = ARR); the result is rounded to cents. */
      multiply?: number;
    }
  | { value: string | number | boolean }
  /** `{COLUMN}` placeholders are replaced by the row's cells, e.g. `HubSpot company {id}`. */
  | { template: string };

export interface CsvMapping {
  entity: string;
  fields: Readonly<Record<string, CsvFieldSource>>;
}

export interface CsvFieldError {
  field: string;
  errors: string[];
}

export type CsvRowResult =
  | { ok: true; record: Record<string, unknown> }
  | { ok: false; record: Record<string, unknown>; errors: CsvFieldError[] };

/** Types of the known entities' fields, so `--map MRR=mrr` coerces to a number without saying so. */
export const CSV_RECORD_FIELD_TYPES: Readonly<Record<string, Readonly<Record<string, CsvFieldType>>>> = {
  account: {
    webRank: 'integer',
    closeDate: 'date',
    mrr: 'number',
    arr: 'number',
  },
  contract: { arr: 'number', startDate: 'datetime', renewalDate: 'datetime' },
  usage: {
    at: 'datetime',
    'actions.contacts': 'integer',
    'actions.companies': 'integer',
    'actions.deals': 'integer',
    'actions.email': 'integer',
    'users.contacts': 'integer',
    'users.companies': 'integer',
    'users.deals': 'integer',
    'users.email': 'integer',
  },
  feedback: { at: 'datetime', score: 'integer' },
  subscription: {
    seats: 'integer',
    limit: 'number',
    mrr: 'number',
    startDate: 'datetime',
    endDate: 'datetime',
  },
  intent_signal: { strength: 'number', detectedAt: 'datetime' },
};

/** HubSpot's placeholder for a site without a traffic rank: not a rank. */
const HUBSPOT_UNRANKED = '16000001';

const hubspotAccount = {
  externalId: { column: 'id' },
  name: { template: 'HubSpot company {id}' },
  industry: { column: 'INDUSTRY' },
  employeeRange: { column: 'EMPLOYEE_RANGE' },
  webRank: { column: 'ALEXA_RANK', type: 'integer', nullValues: [HUBSPOT_UNRANKED] },
} as const satisfies Record<string, CsvFieldSource>;

const usageColumns = (kind: 'ACTIONS' | 'USERS') => ({
  contacts: `${kind}_CRM_CONTACTS`,
  companies: `${kind}_CRM_COMPANIES`,
  deals: `${kind}_CRM_DEALS`,
  email: `${kind}_EMAIL`,
});

/**
 * Built-in mappings for the published HubSpot prospect-conversion files (`customers.csv`,
 * `noncustomers.csv`, `usage_actions.csv`), as libs/datagen reads them: ARR is MRR × 12,
 * timestamps are UTC, and the unranked placeholder is no rank.
 */
export const CSV_PRESETS: Readonly<Record<string, CsvMapping>> = {
  'hubspot-customers': {
    entity: 'account',
    fields: {
      ...hubspotAccount,
      lifecycle: { value: 'customer' },
      closeDate: { column: 'CLOSEDATE', type: 'date' },
      mrr: { column: 'MRR', type: 'number' },
      arr: { column: 'MRR', type: 'number', multiply: 12 },
    },
  },
  'hubspot-noncustomers': {
    entity: 'account',
    fields: { ...hubspotAccount, lifecycle: { value: 'prospect' } },
  },
  'hubspot-usage': {
    entity: 'usage',
    fields: {
      accountExternalId: { column: 'id' },
      at: { column: 'WHEN_TIMESTAMP', type: 'datetime' },
      ...Object.fromEntries(
        (['ACTIONS', 'USERS'] as const).flatMap((kind) =>
          Object.entries(usageColumns(kind)).map(([area, column]) => [
            `${kind.toLowerCase()}.${area}`,
            { column, type: 'integer' as const },
          ]),
        ),
      ),
    },
  },
};

const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}(\.[A-Za-z][A-Za-z0-9_]{0,63}){0,3}$/;

/**
 * `--map` pairs (`HEADER=field` or `HEADER=field:type`) as a mapping; a malformed pair or unknown
 * type is an error naming the pair.
 */
export function mappingFromPairs(entity: string, pairs: readonly string[]): CsvMapping {
  const fields: Record<string, CsvFieldSource> = {};
  for (const pair of pairs) {
    const eq = pair.lastIndexOf('=');
    const column = pair.slice(0, eq).trim();
    const [field = '', type] = pair
      .slice(eq + 1)
      .trim()
      .split(':');
    if (eq <= 0 || !column || !FIELD_NAME.test(field))
      throw new Error(`--map ${pair}: expected HEADER=field or HEADER=field:type (e.g. MRR=mrr)`);
    if (type !== undefined && !(CSV_FIELD_TYPES as readonly string[]).includes(type))
      throw new Error(`--map ${pair}: type must be one of ${CSV_FIELD_TYPES.join(', ')}`);
    fields[field] = type ? { column, type: type as CsvFieldType } : { column };
  }
  return { entity, fields };
}

/** Problems of a mapping against a file's header line: each mapped column that the file lacks. */
export function mappingProblems(mapping: CsvMapping, headers: readonly string[]): CsvFieldError[] {
  const have = new Set(headers);
  const problems: CsvFieldError[] = [];
  for (const [field, source] of Object.entries(mapping.fields)) {
    const columns =
      'column' in source
        ? [source.column]
        : 'template' in source
          ? [...source.template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] ?? '')
          : [];
    const missing = columns.filter((c) => !have.has(c));
    if (missing.length)
      problems.push({ field, errors: [`column ${missing.join(', ')} is not in the file's header line`] });
  }
  if (Object.keys(mapping.fields).length === 0)
    problems.push({ field: '(mapping)', errors: ['the mapping maps no column'] });
  return problems;
}

const show = (cell: string) => JSON.stringify(cell.length > 40 ? `${cell.slice(0, 40)}…` : cell);

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** ISO 8601 or the common `2020-06-01 00:00:00.000`; without a zone it is UTC. */
const DATETIME = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)(Z|[+-]\d{2}:?\d{2})?)?$/;

type Coerced = { value: unknown } | { error: string };

function coerce(cell: string, type: CsvFieldType): Coerced {
  switch (type) {
    case 'string':
      return { value: cell };
    case 'number':
    case 'integer': {
      const n = Number(cell);
      if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(cell) || !Number.isFinite(n))
        return { error: `must be a number, got ${show(cell)}` };
      if (type === 'integer' && !Number.isInteger(n))
        return { error: `must be a whole number, got ${show(cell)}` };
      return { value: n };
    }
    case 'date': {
      const m = DATETIME.exec(cell);
      if (!m || Number.isNaN(Date.parse(`${m[1]}T00:00:00Z`)))
        return { error: `must be a date like 2025-06-30, got ${show(cell)}` };
      return { value: DATE.test(cell) ? cell : toIso(m) };
    }
    case 'datetime': {
      const m = DATETIME.exec(cell);
      const iso = m ? toIso(m) : null;
      return iso
        ? { value: iso }
        : { error: `must be a date-time like 2025-06-30T12:00:00Z, got ${show(cell)}` };
    }
    default:
      return assertNeverType(type);
  }
}

function assertNeverType(type: never): never {
  throw new Error(`unknown CSV field type ${String(type)}`);
}

function toIso(m: RegExpExecArray): string | null {
  const zone = m[3] ? (m[3] === 'Z' ? 'Z' : m[3].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')) : 'Z';
  const ms = Date.parse(`${m[1]}T${m[2] ?? '00:00:00'}${zone}`);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    if (typeof next === 'object' && next !== null) node = next as Record<string, unknown>;
    else node = node[part] = {};
  }
  node[parts[parts.length - 1] ?? path] = value;
}

/**
 * One CSV row (cells by header name) as a record. Empty cells and `nullValues` leave the field out
 * (absent means unknown, as null does); a cell that does not read as its type is an error naming
 * the record field and the column. The record is what the service validates next, so a required
 * field left out is refused there, with the service's own message.
 */
export function mapCsvRow(mapping: CsvMapping, row: Readonly<Record<string, string>>): CsvRowResult {
  const record: Record<string, unknown> = {};
  const errors: CsvFieldError[] = [];
  const types = CSV_RECORD_FIELD_TYPES[mapping.entity] ?? {};
  for (const [field, source] of Object.entries(mapping.fields)) {
    if ('value' in source) {
      setPath(record, field, source.value);
      continue;
    }
    if ('template' in source) {
      setPath(
        record,
        field,
        source.template.replace(/\{([^}]+)\}/g, (_m, column: string) => (row[column] ?? '').trim()),
      );
      continue;
    }
    const cell = (row[source.column] ?? '').trim();
    if (cell === '' || source.nullValues?.includes(cell)) continue;
    const coerced = coerce(cell, source.type ?? types[field] ?? 'string');
    if ('error' in coerced) {
      errors.push({ field, errors: [`${field} (column ${source.column}) ${coerced.error}`] });
      continue;
    }
    const value =
      source.multiply !== undefined && typeof coerced.value === 'number'
        ? Math.round(coerced.value * source.multiply * 100) / 100
        : coerced.value;
    setPath(record, field, value);
  }
  return errors.length ? { ok: false, record, errors } : { ok: true, record };
}

/**
 * csv-parse options both callers use: the header line names the columns, and a row that cannot be
 * read (bad quoting, wrong column count) is skipped and reported instead of ending the import.
 */
export const CSV_PARSE_OPTIONS = {
  columns: true,
  bom: true,
  skip_empty_lines: true,
  skip_records_with_error: true,
  info: true,
} as const;

/** What a skipped row's parse error says, as a row error: its line and what was wrong. */
export function csvParseErrorOf(err: { code?: string; message: string; lines?: number }): {
  line: number | null;
  errors: CsvFieldError[];
} {
  const field =
    err.code === 'CSV_RECORD_INCONSISTENT_COLUMNS' || err.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH'
      ? '(columns)'
      : err.code?.includes('QUOTE')
        ? '(quoting)'
        : '(row)';
  return {
    line: typeof err.lines === 'number' ? err.lines : null,
    errors: [{ field, errors: [err.message] }],
  };
}

const MAX_MAPPED_FIELDS = 100;

/**
 * What is wrong with a mapping a person sends to be saved (`PUT …/mappings/:name`), each problem
 * naming its field (`fields.mrr.type`); empty when it is usable.
 */
export function csvMappingShapeProblems(fields: unknown): CsvFieldError[] {
  const problems: CsvFieldError[] = [];
  const bad = (field: string, message: string) => problems.push({ field, errors: [message] });
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) {
    bad('fields', 'fields must be an object of record field → source');
    return problems;
  }
  const entries = Object.entries(fields as Record<string, unknown>);
  if (entries.length === 0 || entries.length > MAX_MAPPED_FIELDS)
    bad('fields', `fields must map 1–${MAX_MAPPED_FIELDS} record fields`);
  for (const [field, source] of entries) {
    const at = `fields.${field}`;
    if (!FIELD_NAME.test(field)) bad(at, `${field} is not a record field name (letters, digits, _ and dots)`);
    if (typeof source !== 'object' || source === null || Array.isArray(source)) {
      bad(at, `${at} must be an object with column, value or template`);
      continue;
    }
    const s = source as Record<string, unknown>;
    const kinds = ['column', 'value', 'template'].filter((k) => k in s);
    if (kinds.length !== 1) {
      bad(at, `${at} must have exactly one of column, value or template`);
      continue;
    }
    const allowed = kinds[0] === 'column' ? ['column', 'type', 'nullValues', 'multiply'] : kinds;
    const extra = Object.keys(s).filter((k) => !allowed.includes(k));
    if (extra.length) bad(`${at}.${extra[0]}`, `${at}.${extra[0]} is not allowed with ${kinds[0]}`);
    if (
      kinds[0] === 'column' &&
      (typeof s['column'] !== 'string' || !s['column'] || s['column'].length > 200)
    )
      bad(`${at}.column`, `${at}.column must be a header name of 1–200 characters`);
    if (kinds[0] === 'template' && (typeof s['template'] !== 'string' || !/\{[^}]+\}/.test(s['template'])))
      bad(`${at}.template`, `${at}.template must name a column as {HEADER}`);
    if (kinds[0] === 'value' && !['string', 'number', 'boolean'].includes(typeof s['value']))
      bad(`${at}.value`, `${at}.value must be a string, number or boolean`);
    if ('type' in s && !(CSV_FIELD_TYPES as readonly unknown[]).includes(s['type']))
      bad(`${at}.type`, `${at}.type must be one of ${CSV_FIELD_TYPES.join(', ')}`);
    if (
      'nullValues' in s &&
      (!Array.isArray(s['nullValues']) ||
        s['nullValues'].length > 20 ||
        s['nullValues'].some((v) => typeof v !== 'string'))
    )
      bad(`${at}.nullValues`, `${at}.nullValues must be up to 20 strings`);
    if ('multiply' in s && (typeof s['multiply'] !== 'number' || !Number.isFinite(s['multiply'])))
      bad(`${at}.multiply`, `${at}.multiply must be a number`);
  }
  return problems;
}
