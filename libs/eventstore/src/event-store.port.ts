/**
 * The one port every lifecycle is written through. Two adapters implement it (PostgreSQL, the
 * default; KurrentDB) and one contract suite proves they behave the same.
 *
 * Streams are named `<category>-<id>`; the category is everything before the first '-'. Stream names
 * never contain '.' (read models key documents by stream name, and Mongo-wire servers refuse dotted keys).
 */
import { DomainError } from '@foresight/domain';

/** Metadata every event carries; tenantId is mandatory so no event exists outside a tenant. */
export interface EventMetadata {
  tenantId: string;
  correlationId?: string;
  causationId?: string;
  /** Who caused it: a user id, an API key prefix, or a service name. */
  actor?: string;
  /** W3C trace context of the request that produced the event. */
  traceparent?: string;
  /** Anything else an adapter must round-trip untouched. */
  [key: string]: unknown;
}

export interface NewEvent<Type extends string = string, Data = unknown> {
  /** UUIDv7 chosen by the caller when the append must be idempotent (e.g. a reaction to a message); generated otherwise. */
  id?: string;
  type: Type;
  data: Data;
  metadata: EventMetadata;
  /** Defaults to the append time. Domain time comes from the command, not the clock. */
  occurredAt?: Date;
}

export interface RecordedEvent<Type extends string = string, Data = unknown> {
  id: string;
  stream: string;
  type: Type;
  data: Data;
  metadata: EventMetadata;
  /** 0-based position within the stream. */
  revision: number;
  /**
   * Position in the store's global log: never decreases along a stream or within one append, and
   * grows from one append to the next when they did not overlap in time. It is not a resume token:
   * appends committing concurrently may interleave (PostgreSQL orders readAll by commit visibility),
   * and KurrentDB events of one append may share a commit position. Resume with `checkpoint`.
   */
  position: bigint;
  /** Opaque resume token for readAll / subscribeAll: pass it as `after` to continue past this event. */
  checkpoint: string;
  occurredAt: Date;
  recordedAt: Date;
}

/**
 * `no_stream`: must not exist; `exists`: must exist; a number: the stream's current revision must equal
 * it (-1 means the same as `no_stream`, so `WrongExpectedVersion.actual` can be passed back as is).
 */
export type ExpectedRevision = 'any' | 'no_stream' | 'exists' | number;

export interface AppendResult {
  /** Revision of the last event appended (the stream's new current revision). */
  nextRevision: number;
  /** Global position of the last event appended. */
  position: bigint;
}

export interface ReadStreamOptions {
  /** Inclusive start revision (forwards) or inclusive upper revision (backwards). */
  from?: number;
  direction?: 'forwards' | 'backwards';
  limit?: number;
}

export interface AllFilter {
  /** Only events of streams in these categories. */
  categories?: readonly string[];
  /** Only events of these types. */
  types?: readonly string[];
}

export interface ReadAllOptions {
  /** Exclusive: start after this checkpoint; from the beginning when absent. */
  after?: string;
  limit?: number;
  filter?: AllFilter;
}

export interface SubscribeAllOptions {
  after?: string;
  filter?: AllFilter;
  /** Events per handler call during catch-up; live delivery may be smaller. */
  batchSize?: number;
}

export interface Subscription {
  /** Stops delivery; resolves when the in-flight handler call has finished. */
  stop(): Promise<void>;
  /** Resolves once the subscription has caught up with the store's end at least once. */
  readonly caughtUp: Promise<void>;
}

/**
 * Handler for subscribeAll: called with events in global order, one batch at a time; the next batch
 * waits for the returned promise. A thrown error stops the subscription (it is reported through `onError`).
 */
export type AllHandler = (events: readonly RecordedEvent[]) => Promise<void>;

export interface EventStore {
  /**
   * Appends all events or none, after checking `expected` (default 'any') against the stream.
   *
   * Idempotent by event id: when the FIRST event's id is already recorded in this stream, nothing is
   * written, `expected` is not checked, and the result names the stream's latest event whose id is in
   * the batch (the original append's result when the batch is the same). Callers reacting to a message
   * make the append idempotent by deriving the ids from the message id.
   *
   * Rejects with InvalidAppend (bad stream name, event without `metadata.tenantId`, malformed event)
   * before writing anything, and with WrongExpectedVersion when the revision check fails.
   */
  append(
    stream: string,
    events: readonly NewEvent[],
    options?: { expected?: ExpectedRevision },
  ): Promise<AppendResult>;
  /** Empty array for a stream that does not exist. */
  read(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** Catch-up from `after`, then live. */
  subscribeAll(
    options: SubscribeAllOptions,
    handler: AllHandler,
    onError?: (err: Error) => void,
  ): Subscription;
  /** Cheap connectivity check for readiness probes. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** A DomainError of kind `conflict`, so a request that loses the race gets 409 without extra mapping. */
export class WrongExpectedVersion extends DomainError {
  constructor(
    readonly stream: string,
    readonly expected: ExpectedRevision,
    /** The stream's actual current revision; -1 when it does not exist. */
    readonly actual: number,
  ) {
    super(
      'EVENTSTORE.WRONG_EXPECTED_VERSION',
      `Wrong expected version on ${stream}: expected ${String(expected)}, actual ${actual}`,
      'conflict',
      { stream, expected: String(expected), actual },
    );
    this.name = 'WrongExpectedVersion';
  }
}

export type InvalidAppendCode =
  | 'EVENTSTORE.INVALID_STREAM_NAME'
  | 'EVENTSTORE.MISSING_TENANT'
  | 'EVENTSTORE.INVALID_EVENT'
  | 'EVENTSTORE.DUPLICATE_EVENT_ID';

/**
 * An append (or read) refused before anything was written: bad stream name, an event without
 * `metadata.tenantId`, a malformed event, or an event id already recorded elsewhere.
 */
export class InvalidAppend extends DomainError {
  constructor(
    code: InvalidAppendCode,
    message: string,
    readonly stream: string,
  ) {
    super(code, message, code === 'EVENTSTORE.DUPLICATE_EVENT_ID' ? 'conflict' : 'invalid', { stream });
    this.name = 'InvalidAppend';
  }
}

export function categoryOf(stream: string): string {
  const dash = stream.indexOf('-');
  return dash === -1 ? stream : stream.slice(0, dash);
}

export function streamName(category: string, id: string): string {
  return `${category}-${id}`;
}
