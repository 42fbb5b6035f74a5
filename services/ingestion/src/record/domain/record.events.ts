import type { OutcomeFactName } from '@foresight/contracts';
import { Event } from '@foresight/domain';
import { RecordKey } from './record-key';

type Payload = Readonly<Record<string, unknown>>;

/** Every record event names the canonical account it belongs to: the relay keys messages by it. */
interface RecordRef {
  recordId: string;
  key: RecordKey;
  accountId: string;
}

export type SourceCreated = Event<
  'SourceCreated',
  RecordRef & { contentHash: string; payload: Payload; receivedAt: string }
>;

export type SourceUpdated = Event<
  'SourceUpdated',
  RecordRef & {
    contentHash: string;
    previousHash: string;
    /** Top-level fields that differ, so the report audit can tell a renamed account from a new score. */
    changedFields: string[];
    payload: Payload;
    receivedAt: string;
  }
>;

export type SourceRemoved = Event<'SourceRemoved', RecordRef & { reason: string | null; removedAt: string }>;

export type SourceUnresolvable = Event<
  'SourceUnresolvable',
  RecordRef & { reason: string; detectedAt: string }
>;

/**
 * A feedback record's content arrived or changed: recorded beside its Source_* event so that
 * voice-of-customer gets a FeedbackReceived of its own (the relay publishes one message per event).
 */
export type FeedbackCaptured = Event<
  'FeedbackCaptured',
  RecordRef & { feedback: Payload; receivedAt: string }
>;

/**
 * A business outcome the record's change implies (converted, contract renewed, subscription
 * upgraded, …), recorded beside its Source_* event so the relay publishes it as OutcomeObserved.
 */
export type OutcomeObserved = Event<
  'OutcomeObserved',
  RecordRef & {
    /** uuid v5 of the Source_* event's id and the fact: replays and redeliveries repeat it. */
    factId: string;
    fact: OutcomeFactName;
    amountBefore: number | null;
    amountAfter: number | null;
    effectiveAt: string;
    observedAt: string;
  }
>;

export type RecordEvent =
  SourceCreated | SourceUpdated | SourceRemoved | SourceUnresolvable | FeedbackCaptured | OutcomeObserved;

export const RECORD_EVENT_TYPES = [
  'SourceCreated',
  'SourceUpdated',
  'SourceRemoved',
  'SourceUnresolvable',
  'FeedbackCaptured',
  'OutcomeObserved',
] as const satisfies readonly RecordEvent['type'][];
