import { defineProjection, ProjectionEvent } from '../../src';

/** A sample read model used by the specs and benchmarks: one document per account. */
export type AccountOpened = ProjectionEvent<'AccountOpened', { accountId: string; name: string }>;
export type UsageRecorded = ProjectionEvent<'UsageRecorded', { accountId: string; count: number }>;
/** Lives on its own `note-<id>` stream and touches several accounts: documents fed by many streams. */
export type NoteAdded = ProjectionEvent<'NoteAdded', { accountIds: string[]; text: string }>;
export type AccountClosed = ProjectionEvent<'AccountClosed', { accountId: string }>;
export type AccountActivityEvent = AccountOpened | UsageRecorded | NoteAdded | AccountClosed;

export interface AccountActivity {
  accountId: string;
  name: string;
  usageTotal: number;
  usageEvents: number;
  notes: number;
  lastActivityAt: string;
}

export const accountActivity = defineProjection<AccountActivity, AccountActivityEvent>({
  name: 'account-activity',
  version: 1,
  collectionBase: 'account_activity',
  handles: ['AccountOpened', 'UsageRecorded', 'NoteAdded', 'AccountClosed'],
  id: (e) => (e.type === 'NoteAdded' ? e.data.accountIds : e.data.accountId),
  // serves "busiest accounts of a tenant" (sorted by usage)
  indexes: [{ fields: { tenantId: 1, usageTotal: -1 }, why: 'busiest accounts of a tenant' }],
  evolve(doc, e) {
    const at = e.occurredAt.toISOString();
    switch (e.type) {
      case 'AccountOpened':
        return {
          accountId: e.data.accountId,
          name: e.data.name,
          usageTotal: 0,
          usageEvents: 0,
          notes: 0,
          lastActivityAt: at,
        };
      case 'UsageRecorded':
        // Usage can arrive before the account's opening (another stream); start a document for it.
        return {
          ...(doc ?? { accountId: e.data.accountId, name: '', usageTotal: 0, usageEvents: 0, notes: 0 }),
          usageTotal: (doc?.usageTotal ?? 0) + e.data.count,
          usageEvents: (doc?.usageEvents ?? 0) + 1,
          lastActivityAt: at,
        };
      case 'NoteAdded':
        return doc ? { ...doc, notes: doc.notes + 1, lastActivityAt: at } : null;
      case 'AccountClosed':
        return null;
    }
  },
});

let seq = 0;
/** Builds an event as a subscription or a Kafka consumer would hand it over. */
export function event<E extends AccountActivityEvent>(
  type: E['type'],
  data: E['data'],
  at: { stream: string; revision: number; tenantId?: string; occurredAt?: Date },
): E {
  return {
    id: `evt-${++seq}`,
    type,
    data,
    stream: at.stream,
    revision: at.revision,
    tenantId: at.tenantId ?? 'tenant-1',
    occurredAt: at.occurredAt ?? new Date(Date.UTC(2026, 0, 1, 0, 0, seq)),
  } as E;
}
