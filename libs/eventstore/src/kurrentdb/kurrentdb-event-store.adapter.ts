import { DomainError } from '@foresight/domain';
import type { AllStreamSubscription, KurrentDBClient, Position } from '@kurrent/kurrentdb-client';
import {
  assertValidExpected,
  assertValidStreamName,
  prepareAppend,
  PreparedEvent,
} from '../append-validation';
import {
  AllFilter,
  AllHandler,
  AppendResult,
  EventStore,
  ExpectedRevision,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeAllOptions,
  Subscription,
  WrongExpectedVersion,
} from '../event-store.port';
import {
  decodeCheckpoint,
  fromResolved,
  isAfter,
  matchesFilter,
  serverFilter,
  toActualRevision,
  toEventData,
  toStreamState,
} from './kurrentdb-mapping';

type ClientModule = typeof import('@kurrent/kurrentdb-client');

const DEFAULT_BATCH = 500;
const MAX_FAILURES = 10;

function hasType(err: unknown, type: string): boolean {
  return typeof err === 'object' && err !== null && (err as { type?: unknown }).type === type;
}

/**
 * KurrentDB (EventStoreDB's successor) behind the same port. The client, with its native bridge, is
 * loaded on first use, so services on the PostgreSQL adapter never load it.
 *
 * Idempotent append: KurrentDB's own id check is best-effort with expected `any`, so when the caller
 * chose the first event's id we look for it in the stream (reading backwards) before appending, and
 * again after a version conflict.
 */
export class KurrentDbEventStore implements EventStore {
  private connection: Promise<{ mod: ClientModule; client: KurrentDBClient }> | undefined;
  private readonly subscriptions = new Set<KurrentSubscription>();
  private closed = false;

  constructor(private readonly url: string) {}

  /** @internal */
  connect(): Promise<{ mod: ClientModule; client: KurrentDBClient }> {
    this.connection ??= import('@kurrent/kurrentdb-client').then((mod) => ({
      mod,
      client: mod.KurrentDBClient.connectionString(this.url.replace(/^esdb(\+discover)?:/, 'kurrentdb$1:')),
    }));
    return this.connection;
  }

  async append(
    stream: string,
    events: readonly NewEvent[],
    options: { expected?: ExpectedRevision } = {},
  ): Promise<AppendResult> {
    const expected = options.expected ?? 'any';
    assertValidExpected(stream, expected);
    const prepared = prepareAppend(stream, events, new Date());
    const { client } = await this.connect();
    if (prepared[0].callerId) {
      const replay = await this.findReplay(stream, prepared);
      if (replay) return replay;
    }
    try {
      const result = await client.appendToStream(stream, prepared.map(toEventData), {
        streamState: toStreamState(expected),
      });
      return { nextRevision: Number(result.nextExpectedRevision), position: result.position?.commit ?? -1n };
    } catch (err) {
      if (!hasType(err, 'wrong-expected-version')) throw err;
      if (prepared[0].callerId) {
        const replay = await this.findReplay(stream, prepared);
        if (replay) return replay;
      }
      throw new WrongExpectedVersion(
        stream,
        expected,
        toActualRevision((err as { actualState?: bigint | 'no_stream' }).actualState),
      );
    }
  }

  async read(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    assertValidStreamName(stream);
    const limit = checkLimit(options.limit);
    if (limit === 0) return [];
    const direction = options.direction ?? 'forwards';
    const { client } = await this.connect();
    const out: RecordedEvent[] = [];
    try {
      for await (const resolved of client.readStream(stream, {
        direction,
        fromRevision:
          options.from !== undefined ? BigInt(options.from) : direction === 'forwards' ? 'start' : 'end',
        maxCount: limit ?? Number.MAX_SAFE_INTEGER,
      })) {
        const event = fromResolved(resolved);
        if (event) out.push(event);
      }
    } catch (err) {
      if (hasType(err, 'stream-not-found')) return [];
      throw err;
    }
    return out;
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const limit = checkLimit(options.limit);
    if (limit === 0) return [];
    const after = options.after === undefined ? undefined : decodeCheckpoint(options.after);
    return this.readPage(after, limit ?? Number.MAX_SAFE_INTEGER, options.filter);
  }

  subscribeAll(
    options: SubscribeAllOptions,
    handler: AllHandler,
    onError: (err: Error) => void = (err) => console.error('[eventstore] subscription stopped:', err),
  ): Subscription {
    if (this.closed) throw new Error('Event store is closed');
    const after = options.after === undefined ? undefined : decodeCheckpoint(options.after);
    const batchSize = checkLimit(options.batchSize ?? DEFAULT_BATCH);
    if (!batchSize) throw new RangeError('batchSize must be a positive integer');
    const subscription = new KurrentSubscription(
      this,
      after,
      batchSize,
      options.filter,
      handler,
      onError,
      (s) => this.subscriptions.delete(s),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async ping(): Promise<void> {
    const { client } = await this.connect();
    for await (const _ of client.readAll({ maxCount: 1 })) break;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    if (this.connection) await (await this.connection).client.dispose();
  }

  /** @internal Events after `after` (exclusive), up to `limit`, ours only, matching the filter. */
  async readPage(
    after: Position | undefined,
    limit: number,
    filter: AllFilter | undefined,
  ): Promise<RecordedEvent[]> {
    const { client } = await this.connect();
    const out: RecordedEvent[] = [];
    // fromPosition is inclusive on reads; the event at `after` was already delivered.
    for await (const resolved of client.readAll({
      fromPosition: after ?? 'start',
      filter: serverFilter(filter),
    })) {
      const event = fromResolved(resolved);
      if (!event || !isAfter(decodeCheckpoint(event.checkpoint), after) || !matchesFilter(event, filter))
        continue;
      out.push(event);
      if (out.length >= limit) break;
    }
    return out;
  }

  /** The rule of the port: a replay is an append whose first id is already in the stream. */
  private async findReplay(stream: string, prepared: PreparedEvent[]): Promise<AppendResult | undefined> {
    const ids = new Set(prepared.map((e) => e.id));
    const firstId = prepared[0].id;
    let last: RecordedEvent | undefined;
    const { client } = await this.connect();
    try {
      for await (const resolved of client.readStream(stream, {
        direction: 'backwards',
        fromRevision: 'end',
      })) {
        const event = fromResolved(resolved);
        if (!event || !ids.has(event.id)) continue;
        last ??= event;
        if (event.id === firstId) return { nextRevision: last.revision, position: last.position };
      }
    } catch (err) {
      if (hasType(err, 'stream-not-found')) return undefined;
      throw err;
    }
    return undefined;
  }
}

function checkLimit(limit: number | undefined): number | undefined {
  if (limit === undefined) return undefined;
  if (!Number.isSafeInteger(limit) || limit < 0)
    throw new DomainError('EVENTSTORE.INVALID_LIMIT', `limit must be a non-negative integer, got ${limit}`);
  return limit;
}

/** Catch-up by readAll pages (handler per page), then live through subscribeToAll from the last position. */
class KurrentSubscription implements Subscription {
  readonly caughtUp: Promise<void>;
  private resolveCaughtUp!: () => void;
  private rejectCaughtUp!: (err: Error) => void;
  private isCaughtUp = false;
  private stopped = false;
  private live: AllStreamSubscription | undefined;
  private readonly done: Promise<void>;

  constructor(
    private readonly store: KurrentDbEventStore,
    private after: Position | undefined,
    private readonly batchSize: number,
    private readonly filter: AllFilter | undefined,
    private readonly handler: AllHandler,
    private readonly onError: (err: Error) => void,
    onEnd: (s: KurrentSubscription) => void,
  ) {
    this.caughtUp = new Promise<void>((resolve, reject) => {
      this.resolveCaughtUp = resolve;
      this.rejectCaughtUp = reject;
    });
    this.caughtUp.catch(() => undefined);
    this.done = this.run().finally(() => onEnd(this));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.live?.unsubscribe().catch(() => undefined);
    await this.done;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopped) {
      try {
        await this.catchUp();
        await this.followLive();
        failures = 0;
      } catch (err) {
        if (err instanceof HandlerFailed) return this.fail(err.cause);
        if (this.stopped) return;
        if (++failures >= MAX_FAILURES) return this.fail(err);
        await new Promise((r) => setTimeout(r, Math.min(100 * 2 ** failures, 5000)));
      }
    }
  }

  private async catchUp(): Promise<void> {
    while (!this.stopped) {
      const page = await this.store.readPage(this.after, this.batchSize, this.filter);
      if (this.stopped) return;
      if (page.length > 0) await this.deliver(page);
      if (page.length < this.batchSize) break;
    }
    if (!this.isCaughtUp && !this.stopped) {
      this.isCaughtUp = true;
      this.resolveCaughtUp();
    }
  }

  private async followLive(): Promise<void> {
    if (this.stopped) return;
    const { client } = await this.store.connect();
    this.live = client.subscribeToAll({
      fromPosition: this.after ?? 'start',
      filter: serverFilter(this.filter),
    });
    try {
      // stop() may have run while we were connecting, before there was a live stream to end.
      if (this.stopped) return;
      for await (const resolved of this.live) {
        if (this.stopped) break;
        const event = fromResolved(resolved);
        if (
          !event ||
          !isAfter(decodeCheckpoint(event.checkpoint), this.after) ||
          !matchesFilter(event, this.filter)
        )
          continue;
        await this.deliver([event]);
      }
    } finally {
      await this.live.unsubscribe().catch(() => undefined);
      this.live = undefined;
    }
  }

  private async deliver(events: RecordedEvent[]): Promise<void> {
    try {
      await this.handler(events);
    } catch (err) {
      throw new HandlerFailed(err);
    }
    this.after = decodeCheckpoint(events[events.length - 1].checkpoint);
  }

  private fail(err: unknown): void {
    const error = err instanceof Error ? err : new Error(String(err));
    this.stopped = true;
    if (!this.isCaughtUp) this.rejectCaughtUp(error);
    this.onError(error);
  }
}

class HandlerFailed extends Error {
  constructor(override readonly cause: unknown) {
    super('subscription handler failed');
  }
}

export function createKurrentDbEventStore(url: string): KurrentDbEventStore {
  return new KurrentDbEventStore(url);
}
