import type { RecordEntity } from '@foresight/contracts';
import { assertNever } from '@foresight/domain';
import { defineProjection, ProjectionEvent } from '@foresight/projections';
import type { SyncCompleted, SyncProgressed, SyncStarted, SyncStatus } from '../domain/sync.events';

export type UploadsEvent =
  | ProjectionEvent<SyncStarted['type'], SyncStarted['data']>
  | ProjectionEvent<SyncProgressed['type'], SyncProgressed['data']>
  | ProjectionEvent<SyncCompleted['type'], SyncCompleted['data']>;

/** An uploaded file's import, as `GET /v1/ingest/uploads/:id` shows its progress. */
export interface UploadDoc {
  uploadId: string;
  source: string;
  entity: RecordEntity;
  fileName: string;
  bytes: number;
  status: 'running' | SyncStatus;
  rowsRead: number;
  bytesRead: number;
  accepted: number;
  unchanged: number;
  rejected: number;
  batches: number;
  startedAt: string;
  finishedAt: string | null;
  durationMs: number | null;
}

/** Only syncs that started (uploads) have a document; every other SyncCompleted leaves none. */
export const uploadsProjection = defineProjection<UploadDoc, UploadsEvent>({
  name: 'ingestion-uploads',
  version: 1,
  collectionBase: 'ingestion_uploads',
  handles: ['SyncStarted', 'SyncProgressed', 'SyncCompleted'],
  id: (e) => e.data.syncId,
  evolve: (doc, e) => {
    switch (e.type) {
      case 'SyncStarted':
        return (
          doc ?? {
            uploadId: e.data.syncId,
            source: e.data.source,
            entity: e.data.entity,
            fileName: e.data.fileName,
            bytes: e.data.bytes,
            status: 'running',
            rowsRead: 0,
            bytesRead: 0,
            accepted: 0,
            unchanged: 0,
            rejected: 0,
            batches: 0,
            startedAt: e.data.startedAt,
            finishedAt: null,
            durationMs: null,
          }
        );
      case 'SyncProgressed':
        if (!doc) return null;
        return {
          ...doc,
          rowsRead: e.data.rowsRead,
          bytesRead: e.data.bytesRead,
          accepted: e.data.accepted,
          unchanged: e.data.unchanged,
          rejected: e.data.rejected,
          batches: doc.batches + (e.data.batchSyncId ? 1 : 0),
        };
      case 'SyncCompleted':
        if (!doc) return null;
        return {
          ...doc,
          status: e.data.status,
          rowsRead: e.data.received,
          bytesRead: doc.bytes,
          accepted: e.data.accepted,
          unchanged: e.data.unchanged,
          rejected: e.data.rejected,
          finishedAt: e.data.finishedAt,
          durationMs: e.data.durationMs,
        };
      default:
        return assertNever(e, 'uploads event');
    }
  },
});
