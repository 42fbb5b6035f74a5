import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseCsvRecords } from './csv';
import { Account, EMPLOYEE_RANGES, EmployeeRange, UsageEvent } from './dataset';

/** HubSpot's placeholder for a site with no traffic rank. */
const UNRANKED = 16_000_001;
const FILES = ['customers.csv', 'noncustomers.csv', 'usage_actions.csv'] as const;

export interface HubspotData {
  available: true;
  dir: string;
  /** customers.csv → lifecycle 'customer'; noncustomers.csv → 'prospect'. Ids as in the files. */
  accounts: Account[];
  usage: UsageEvent[];
  /** The published label: 1 for customers.csv rows. */
  isCustomer: ReadonlyMap<string, boolean>;
}

export interface HubspotUnavailable {
  available: false;
  dir: string;
  reason: string;
}

/**
 * The data set lives outside the repository (it is not ours to redistribute): `../shared/data/hubspot`
 * next to the repo root, or wherever FORESIGHT_HUBSPOT_DIR points.
 */
export function defaultHubspotDir(from = process.cwd()): string {
  const override = process.env['FORESIGHT_HUBSPOT_DIR'];
  if (override) return resolve(override);
  let dir = resolve(from);
  while (!existsSync(join(dir, 'nx.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return resolve(dir, '..', 'shared', 'data', 'hubspot');
}

function number(value: string | undefined): number | null {
  if (value === undefined || value.trim() === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

function employeeRange(value: string | undefined): EmployeeRange | null {
  const v = (value ?? '').trim();
  return (EMPLOYEE_RANGES as readonly string[]).includes(v) ? (v as EmployeeRange) : null;
}

function account(row: Record<string, string>, lifecycle: Account['lifecycle']): Account {
  const rank = number(row['ALEXA_RANK']);
  const mrr = lifecycle === 'customer' ? number(row['MRR']) : null;
  return {
    id: row['id'] ?? '',
    name: `HubSpot company ${row['id']}`,
    domain: null,
    industry: row['INDUSTRY']?.trim() || null,
    employeeRange: employeeRange(row['EMPLOYEE_RANGE']),
    webRank: rank === null || rank >= UNRANKED ? null : rank,
    lifecycle,
    closeDate: lifecycle === 'customer' ? row['CLOSEDATE']?.trim() || null : null,
    mrr,
    arr: mrr === null ? null : Math.round(mrr * 12 * 100) / 100,
    ownerEmail: null,
  };
}

function usage(row: Record<string, string>): UsageEvent {
  const n = (column: string) => number(row[column]) ?? 0;
  // "2020-06-01 00:00:00.000" is UTC in the published files.
  const at = new Date(`${(row['WHEN_TIMESTAMP'] ?? '').trim().replace(' ', 'T')}Z`).toISOString();
  return {
    accountId: row['id'] ?? '',
    at,
    actions: {
      contacts: n('ACTIONS_CRM_CONTACTS'),
      companies: n('ACTIONS_CRM_COMPANIES'),
      deals: n('ACTIONS_CRM_DEALS'),
      email: n('ACTIONS_EMAIL'),
    },
    users: {
      contacts: n('USERS_CRM_CONTACTS'),
      companies: n('USERS_CRM_COMPANIES'),
      deals: n('USERS_CRM_DEALS'),
      email: n('USERS_EMAIL'),
    },
  };
}

/**
 * Reads the published HubSpot prospect-conversion files into our shapes. Duplicate ids (three in
 * noncustomers.csv) keep their first row. A missing folder or file is a normal answer, not an error:
 * tests and demos skip with the reason.
 */
export function readHubspot(dir = defaultHubspotDir()): HubspotData | HubspotUnavailable {
  const missing = FILES.filter((f) => !existsSync(join(dir, f)));
  if (missing.length > 0) {
    return {
      available: false,
      dir,
      reason: `HubSpot data set not available: ${missing.join(', ')} missing in ${dir}`,
    };
  }
  const read = (file: string) => parseCsvRecords(readFileSync(join(dir, file), 'utf8'));
  const accounts: Account[] = [];
  const isCustomer = new Map<string, boolean>();
  for (const [file, lifecycle] of [
    ['customers.csv', 'customer'],
    ['noncustomers.csv', 'prospect'],
  ] as const) {
    for (const row of read(file)) {
      const a = account(row, lifecycle);
      if (!a.id || isCustomer.has(a.id)) continue;
      accounts.push(a);
      isCustomer.set(a.id, lifecycle === 'customer');
    }
  }
  return { available: true, dir, accounts, usage: read('usage_actions.csv').map(usage), isCustomer };
}
