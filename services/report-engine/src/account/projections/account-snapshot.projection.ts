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
  contracts: Record<string, { arr: number; renewalDate: string; status: string; externalId?: string }>;
  /** Product subscriptions, keyed by record id (absent on documents written before subscriptions). */
  subscriptions?: Record<
    string,
    {
      product: string;
      plan: string | null;
      units: number | null;
      unitLimit: number | null;
      status: string;
      mrr: number | null;
    }
  >;
  /** The latest buyer-intent signal per type (absent on documents written before intents). */
  intents?: Record<string, { strength: number; detectedAt: string }>;
  updatedAt: string;
}

export type AccountRecordEvent =
  | ProjectionEvent<'RecordUpserted', RecordUpsertedPayload>
  | ProjectionEvent<'RecordRemoved', RecordRemovedPayload>
  | ProjectionEvent<'RecordUnresolvable', RecordUnresolvablePayload>;

/** The record entities this read model keeps; usage and feedback reach it as features and signals. */
export const SNAPSHOT_ENTITIES: readonly string[] = ['account', 'contract', 'subscription', 'intent_signal'];

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
    subscriptions: {},
    intents: {},
    updatedAt: at,
  };
}

function subscriptionsAfter(
  doc: AccountSnapshotDoc,
  e: AccountRecordEvent,
): NonNullable<AccountSnapshotDoc['subscriptions']> {
  const { [e.data.recordId]: _previous, ...others } = doc.subscriptions ?? {};
  if (e.type !== 'RecordUpserted') return e.type === 'RecordRemoved' ? others : (doc.subscriptions ?? {});
  const d = e.data.data;
  const product = text(d['product']);
  if (!product) return others;
  return {
    ...others,
    [e.data.recordId]: {
      product,
      plan: text(d['plan']),
      units: num(d['units']),
      unitLimit: num(d['unitLimit']),
      status: text(d['status']) ?? 'active',
      mrr: num(d['mrr']),
    },
  };
}

/** Keeps the newest signal of each type: an older one arriving late does not replace it. */
function intentsAfter(
  doc: AccountSnapshotDoc,
  e: AccountRecordEvent,
): NonNullable<AccountSnapshotDoc['intents']> {
  const intents = doc.intents ?? {};
  if (e.type !== 'RecordUpserted') return intents;
  const d = e.data.data;
  const type = text(d['type']);
  const strength = num(d['strength']);
  const detectedAt = text(d['detectedAt']);
  if (!type || strength === null || !detectedAt) return intents;
  const held = intents[type];
  if (held && Date.parse(held.detectedAt) > Date.parse(detectedAt)) return intents;
  return { ...intents, [type]: { strength, detectedAt } };
}

export const accountSnapshotProjection = defineProjection<AccountSnapshotDoc, AccountRecordEvent>({
  name: 'report-engine-account-snapshots',
  version: 1,
  collectionBase: 're_account_snapshots',
  handles: ['RecordUpserted', 'RecordRemoved', 'RecordUnresolvable'],
  id: (e) => e.data.accountId,
  evolve: (current, e) => {
    const { recordId, accountId, at } = e.data;
    // Compared as text: ingestion's entity list grows (subscription, intent_signal) ahead of this service.
    const entity: string = e.data.entity;
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
    if (entity === 'subscription') return { ...doc, subscriptions: subscriptionsAfter(doc, e) };
    if (entity === 'intent_signal') return { ...doc, intents: intentsAfter(doc, e) };
    const { [recordId]: _previous, ...others } = doc.contracts;
    if (e.type === 'RecordRemoved') return { ...doc, contracts: others };
    if (e.type === 'RecordUnresolvable') return doc;
    const d = e.data.data;
    const renewalDate = text(d['renewalDate']);
    const externalId = text(d['externalId']);
    const arr = num(d['arr']);
    if (!renewalDate || arr === null) return doc;
    return {
      ...doc,
      contracts: {
        ...others,
        [recordId]: {
          arr,
          renewalDate,
          status: text(d['status']) ?? 'active',
          ...(externalId ? { externalId } : {}),
        },
      },
    };
  },
});
