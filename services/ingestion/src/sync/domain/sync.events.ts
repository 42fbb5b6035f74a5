import type { FieldError, RecordEntity } from '@foresight/contracts';
import { Event } from '@foresight/domain';

/** How a batch arrived: the REST batch API or an upstream Kafka topic. */
export type SyncVia = 'api' | 'kafka';

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
  }
>;

export type SyncEvent = RecordRejected | SyncCompleted;

export const SYNC_EVENT_TYPES = [
  'RecordRejected',
  'SyncCompleted',
] as const satisfies readonly SyncEvent['type'][];
