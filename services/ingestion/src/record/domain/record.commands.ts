import { Command } from '@foresight/domain';
import { RecordKey } from './record-key';

/**
 * The id the change's Source_* event is stored under, chosen by the caller (derived from where the
 * record came from): the outcome facts the change implies take their ids from it.
 */
interface ChangeRef {
  changeId: string;
}

/** A validated record from a sync, the batch API or a CSV import. */
export type ReceiveRecord = Command<
  'ReceiveRecord',
  ChangeRef & { key: RecordKey; payload: Readonly<Record<string, unknown>>; at: string }
>;

/**
 * The upstream system no longer has the record. `onlyIfKnown`: the caller addresses a record it
 * believes exists (REST DELETE), so one never received is refused rather than recorded as removed,
 * and one another source holds is refused too. `resolveSource`: the caller named no source, so the
 * removal takes the source of the record it removes (the key's source is ignored).
 */
export type RemoveRecord = Command<
  'RemoveRecord',
  ChangeRef & {
    key: RecordKey;
    reason?: string | null;
    onlyIfKnown?: boolean;
    resolveSource?: boolean;
    at: string;
  }
>;

/** Identity resolution cannot map the record to one canonical account. */
export type MarkUnresolvable = Command<'MarkUnresolvable', { key: RecordKey; reason: string; at: string }>;

export type RecordCommand = ReceiveRecord | RemoveRecord | MarkUnresolvable;
