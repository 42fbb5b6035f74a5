import type { FieldError, RecordEntity } from '@foresight/contracts';
import { defineProjection, ProjectionEvent } from '@foresight/projections';
import type { RecordRejected, SyncVia } from '../domain/sync.events';

export type RejectionsEvent = ProjectionEvent<RecordRejected['type'], RecordRejected['data']>;

/** A pipeline error as `GET /v1/ingest/rejections` lists it. */
export interface RejectionDoc {
  rejectionId: string;
  syncId: string;
  source: string;
  entity: RecordEntity;
  via: SyncVia;
  index: number;
  externalId: string | null;
  errors: FieldError[];
  /** JSON text of the record as received: upstream keys (dots, `$`) never become document keys. */
  raw: string;
  rejectedAt: string;
}

export const rejectionsProjection = defineProjection<RejectionDoc, RejectionsEvent>({
  name: 'ingestion-rejections',
  version: 1,
  collectionBase: 'ingestion_rejections',
  handles: ['RecordRejected'],
  id: (e) => e.data.rejectionId,
  indexes: [
    { fields: { tenantId: 1, rejectedAt: -1, _id: -1 }, why: 'newest rejections first, paged by cursor' },
    {
      fields: { tenantId: 1, entity: 1, source: 1, rejectedAt: -1 },
      why: 'rejections of one entity (and source), newest first',
    },
  ],
  // The same input rejected twice (a redelivered upstream chunk read as another sync) stays one rejection.
  evolve: (doc, e) => doc ?? { ...e.data },
});
