import type { FieldError, RecordEntity } from '@foresight/contracts';
import { Command } from '@foresight/domain';
import { SyncVia } from './sync.events';

export interface Rejection {
  rejectionId: string;
  index: number;
  externalId: string | null;
  errors: FieldError[];
  raw: string;
}

/** The outcome of one batch, written once when its records have been handled. */
export type CompleteSync = Command<
  'CompleteSync',
  {
    syncId: string;
    source: string;
    entity: RecordEntity;
    via: SyncVia;
    actor: string;
    received: number;
    accepted: number;
    unchanged: number;
    rejections: readonly Rejection[];
    startedAt: string;
    finishedAt: string;
    /** An uploaded file's summary: the file's name. */
    fileName?: string;
  }
>;

/** A long sync (an uploaded file) begins. */
export type StartSync = Command<
  'StartSync',
  {
    syncId: string;
    source: string;
    entity: RecordEntity;
    via: SyncVia;
    actor: string;
    fileName: string;
    bytes: number;
    startedAt: string;
  }
>;

/** A running sync reports its cumulative counts after a batch. */
export type RecordSyncProgress = Command<
  'RecordSyncProgress',
  {
    syncId: string;
    source: string;
    rowsRead: number;
    bytesRead: number;
    accepted: number;
    unchanged: number;
    rejected: number;
    batchSyncId: string | null;
    at: string;
  }
>;

export type SyncCommand = CompleteSync | StartSync | RecordSyncProgress;
