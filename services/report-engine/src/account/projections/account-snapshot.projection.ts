import type {
  RecordRemovedPayload,
  RecordUnresolvablePayload,
  RecordUpsertedPayload,
} from '@foresight/contracts';
import { defineProjection, ProjectionEvent } from '@foresight/projections';

/**
 * One account as its source records describe it: the account record's fields the reports show, and
 * its contracts (renewal dates, ARR). Fed from ingestion.records.v1 (keyed by account id, so one
 * consumer writes each document); only the fields report-engine reads are kept.
 */
export interface AccountSnapshotDoc {
  accountId: string;
  name: string | null;
  ownerEmail: string | null;
  lifecycle: string | null;
  industry: string | null;
  employeeRange: string | null;
  arr: number | null;
  mrr: number | null;
  gone: 'removed' | 'unresolvable' | null;
  /** Keyed by the contract's record id. */
  contracts: Record<string, { arr: number; renewalDate: string; status: string }>;
  updatedAt: string;
}

export type AccountRecordEvent =
  | ProjectionEvent<'RecordUpserted', RecordUpsertedPayload>
  | ProjectionEvent<'RecordRemoved', RecordRemovedPayload>
  | ProjectionEvent<'RecordUnresolvable', RecordUnresolvablePayload>;

/** The record entities this read model keeps; usage and feedback reach it as features and signals. */
export const SNAPSHOT_ENTITIES: readonly string[] = ['account', 'contract'];

const text = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function empty(accountId: string, at: string): AccountSnapshotDoc {
  return {
    accountId,
    name: null,
    ownerEmail: null,
    lifecycle: null,
    industry: null,
    employeeRange: null,
    arr: null,
    mrr: null,
    gone: null,
    contracts: {},
    updatedAt: at,
  };
}

export const accountSnapshotProjection = defineProjection<AccountSnapshotDoc, AccountRecordEvent>({
  name: 'report-engine-account-snapshots',
  version: 1,
  collectionBase: 're_account_snapshots',
  handles: ['RecordUpserted', 'RecordRemoved', 'RecordUnresolvable'],
  id: (e) => e.data.accountId,
  evolve: (current, e) => {
    const { entity, recordId, accountId, at } = e.data;
    if (!SNAPSHOT_ENTITIES.includes(entity)) return current;
    const doc = { ...(current ?? empty(accountId, at)), updatedAt: at };
    if (entity === 'account') {
      if (e.type === 'RecordRemoved') return { ...doc, gone: 'removed' };
      if (e.type === 'RecordUnresolvable') return { ...doc, gone: 'unresolvable' };
      const d = e.data.data;
      const owner = text(d['ownerEmail']);
      return {
        ...doc,
        name: text(d['name']),
        ownerEmail: owner ? owner.toLowerCase() : null,
        lifecycle: text(d['lifecycle']),
        industry: text(d['industry']),
        employeeRange: text(d['employeeRange']),
        arr: num(d['arr']),
        mrr: num(d['mrr']),
        gone: null,
      };
    }
    const { [recordId]: _previous, ...others } = doc.contracts;
    if (e.type === 'RecordRemoved') return { ...doc, contracts: others };
    if (e.type === 'RecordUnresolvable') return doc;
    const d = e.data.data;
    const renewalDate = text(d['renewalDate']);
    const arr = num(d['arr']);
    if (!renewalDate || arr === null) return doc;
    return {
      ...doc,
      contracts: { ...others, [recordId]: { arr, renewalDate, status: text(d['status']) ?? 'active' } },
    };
  },
});
