import type { RecordEntity } from '@foresight/contracts';
import { defineProjection, ProjectionEvent } from '@foresight/projections';
import type { SyncCompleted, SyncStatus, SyncVia } from '../domain/sync.events';

export type SyncHistoryEvent = ProjectionEvent<SyncCompleted['type'], SyncCompleted['data']>;

/** One batch or upstream chunk, as `GET /v1/ingest/batches` lists it. */
export interface SyncDoc {
  syncId: string;
  source: string;
  entity: RecordEntity;
  via: SyncVia;
  actor: string;
  received: number;
  accepted: number;
  unchanged: number;
  rejected: number;
  status: SyncStatus;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  fileName?: string;
}

export const syncHistoryProjection = defineProjection<SyncDoc, SyncHistoryEvent>({
  name: 'ingestion-sync-history',
  version: 1,
  collectionBase: 'ingestion_sync_history',
  handles: ['SyncCompleted'],
  id: (e) => e.data.syncId,
  indexes: [
    { fields: { tenantId: 1, finishedAt: -1, _id: -1 }, why: 'newest syncs first, paged by cursor' },
    {
      fields: { tenantId: 1, entity: 1, source: 1, finishedAt: -1 },
      why: 'syncs of one entity (and source), newest first',
    },
  ],
  evolve: (_doc, e) => ({ ...e.data }),
});
