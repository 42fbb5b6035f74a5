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
  }
>;

export type SyncCommand = CompleteSync;
