import type { AccountFeatures, RecordEntity } from '@foresight/contracts';
import { defineProjection, ProjectionEvent } from '@foresight/projections';
import type {
  SourceCreated,
  SourceRemoved,
  SourceUnresolvable,
  SourceUpdated,
} from '../../record/domain/record.events';
import type { AccountFeaturesComputed } from '../../usage/domain/usage.events';

type Projected<E extends { type: string; data: unknown }> = ProjectionEvent<E['type'], E['data']>;

export type RecordsEvent =
  | Projected<SourceCreated>
  | Projected<SourceUpdated>
  | Projected<SourceRemoved>
  | Projected<SourceUnresolvable>
  | Projected<AccountFeaturesComputed>;

/** A record as it stands, for `GET /v1/records/:entity/:externalId`. */
export interface RecordDoc {
  recordId: string;
  entity: RecordEntity;
  /** The source that last sent it. */
  source: string;
  externalId: string;
  accountId: string;
  status: 'active' | 'removed' | 'unresolvable';
  /** The record as last received (kept after a removal, for the history it explains). */
  data: Record<string, unknown> | null;
  contentHash: string | null;
  lastChange: 'created' | 'updated' | 'removed' | 'unresolvable';
  changedFields: string[];
  reason: string | null;
  /** Content versions received (created and updated). */
  versions: number;
  createdAt: string;
  updatedAt: string;
  removedAt: string | null;
  /** Accounts: the features last computed from their usage; null before any usage. */
  features: AccountFeatures | null;
  featuresComputedAt: string | null;
}

/**
 * One document per record, keyed by record id. An account's document also takes its usage
 * stream's features: the account id is the account record's id, so both streams meet here.
 */
export const recordsProjection = defineProjection<RecordDoc, RecordsEvent>({
  name: 'ingestion-records',
  version: 1,
  collectionBase: 'ingestion_records',
  handles: [
    'SourceCreated',
    'SourceUpdated',
    'SourceRemoved',
    'SourceUnresolvable',
    'AccountFeaturesComputed',
  ],
  id: (e) => (e.type === 'AccountFeaturesComputed' ? e.data.accountId : e.data.recordId),
  evolve(doc, e) {
    if (e.type === 'AccountFeaturesComputed')
      return doc ? { ...doc, features: e.data.features, featuresComputedAt: e.data.computedAt } : null;
    const { recordId, key, accountId } = e.data;
    const base: RecordDoc = doc ?? {
      recordId,
      entity: key.entity,
      source: key.source,
      externalId: key.externalId,
      accountId,
      status: 'active',
      data: null,
      contentHash: null,
      lastChange: 'created',
      changedFields: [],
      reason: null,
      versions: 0,
      createdAt: e.occurredAt.toISOString(),
      updatedAt: e.occurredAt.toISOString(),
      removedAt: null,
      features: null,
      featuresComputedAt: null,
    };
    const common = { ...base, source: key.source, accountId, updatedAt: e.occurredAt.toISOString() };
    switch (e.type) {
      case 'SourceCreated':
      case 'SourceUpdated':
        return {
          ...common,
          status: 'active',
          data: { ...e.data.payload },
          contentHash: e.data.contentHash,
          lastChange: e.type === 'SourceCreated' ? 'created' : 'updated',
          changedFields: e.type === 'SourceUpdated' ? e.data.changedFields : [],
          reason: null,
          versions: base.versions + 1,
          removedAt: null,
        };
      case 'SourceRemoved':
        return {
          ...common,
          status: 'removed',
          lastChange: 'removed',
          changedFields: [],
          reason: e.data.reason,
          removedAt: e.data.removedAt,
        };
      case 'SourceUnresolvable':
        return {
          ...common,
          status: 'unresolvable',
          lastChange: 'unresolvable',
          changedFields: [],
          reason: e.data.reason,
        };
    }
  },
});
