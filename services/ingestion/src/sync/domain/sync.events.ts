import type { FieldError, RecordEntity } from '@foresight/contracts';
import { Event } from '@foresight/domain';

/** How a batch arrived: the REST batch API, an upstream Kafka topic, or a CSV file uploaded (`POST /v1/ingest/uploads`). */
export type SyncVia = 'api' | 'kafka' | 'upload';
export const SYNC_VIAS = ['api', 'kafka', 'upload'] as const satisfies readonly SyncVia[];

export type SyncStatus = 'succeeded' | 'partial' | 'failed';

/** A pipeline error: a record refused with its reasons, kept with what was sent. */
export type RecordRejected = Event<
  'RecordRejected',
  {
    syncId: string;
    /** Stable per rejected input (batch + index, or topic + partition + offset): a redelivery lands on the same one. */
    rejectionId: string;
    source: string;
    entity: RecordEntity;
    via: SyncVia;
    /** Position in the batch (0-based); the offset for Kafka input. */
    index: number;
    externalId: string | null;
    errors: FieldError[];
    /** The record as received, as JSON text (possibly truncated): arbitrary keys never reach a document. */
    raw: string;
    rejectedAt: string;
  }
>;

export type SyncCompleted = Event<
  'SyncCompleted',
  {
    syncId: string;
    source: string;
    entity: RecordEntity;
    via: SyncVia;
    /** Who sent it: `key:<prefix>`, a user id, or `upstream` for Kafka input. */
    actor: string;
    received: number;
    /** Records that changed something (created, updated, removed, new usage). */
    accepted: number;
    /** Re-sends of what was already known: no event. */
    unchanged: number;
    rejected: number;
    status: SyncStatus;
    startedAt: string;
    finishedAt: string;
    durationMs: number;
    /** Set on an uploaded file's own summary (its batches are syncs of their own, without it). */
    fileName?: string;
  }
>;

/**
 * A long sync (an uploaded file) has begun: it is `running` until SyncCompleted, and its progress
 * can be read meanwhile. REST batches and upstream chunks are written whole and never start.
 */
export type SyncStarted = Event<
  'SyncStarted',
  {
    syncId: string;
    source: string;
    entity: RecordEntity;
    via: SyncVia;
    actor: string;
    /** The uploaded file's name as the client gave it, and its size. */
    fileName: string;
    bytes: number;
    startedAt: string;
  }
>;

/** Rows handled so far by a running sync; each is cumulative, so the latest one is the progress. */
export type SyncProgressed = Event<
  'SyncProgressed',
  {
    syncId: string;
    source: string;
    rowsRead: number;
    bytesRead: number;
    accepted: number;
    unchanged: number;
    rejected: number;
    /** The batch (itself a sync) this progress step sent. */
    batchSyncId: string | null;
    at: string;
  }
>;

export type SyncEvent = RecordRejected | SyncCompleted | SyncStarted | SyncProgressed;

export const SYNC_EVENT_TYPES = [
  'RecordRejected',
  'SyncCompleted',
  'SyncStarted',
  'SyncProgressed',
] as const satisfies readonly SyncEvent['type'][];
