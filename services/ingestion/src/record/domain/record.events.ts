import { Event } from '@foresight/domain';
import { RecordKey } from './record-key';

type Payload = Readonly<Record<string, unknown>>;

export type SourceCreated = Event<
  'SourceCreated',
  { recordId: string; key: RecordKey; contentHash: string; payload: Payload; receivedAt: string }
>;

export type SourceUpdated = Event<
  'SourceUpdated',
  {
    recordId: string;
    key: RecordKey;
    contentHash: string;
    previousHash: string;
    /** Top-level fields that differ, so the report audit can tell a renamed account from a new score. */
    changedFields: string[];
    payload: Payload;
    receivedAt: string;
  }
>;

export type SourceRemoved = Event<
  'SourceRemoved',
  { recordId: string; key: RecordKey; reason: string | null; removedAt: string }
>;

export type SourceUnresolvable = Event<
  'SourceUnresolvable',
  { recordId: string; key: RecordKey; reason: string; detectedAt: string }
>;

export type RecordEvent = SourceCreated | SourceUpdated | SourceRemoved | SourceUnresolvable;
