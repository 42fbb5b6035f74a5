import { Command } from '@foresight/domain';
import { RecordKey } from './record-key';

/** A validated record from a sync, the batch API or a CSV import. */
export type ReceiveRecord = Command<
  'ReceiveRecord',
  { key: RecordKey; payload: Readonly<Record<string, unknown>>; at: string }
>;

/**
 * The upstream system no longer has the record. `onlyIfKnown`: the caller addresses a record it
 * believes exists (REST DELETE), so one never received is refused rather than recorded as removed.
 */
export type RemoveRecord = Command<
  'RemoveRecord',
  { key: RecordKey; reason?: string | null; onlyIfKnown?: boolean; at: string }
>;

/** Identity resolution cannot map the record to one canonical account. */
export type MarkUnresolvable = Command<'MarkUnresolvable', { key: RecordKey; reason: string; at: string }>;

export type RecordCommand = ReceiveRecord | RemoveRecord | MarkUnresolvable;
