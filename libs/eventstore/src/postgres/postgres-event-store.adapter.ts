import { createHash } from 'node:crypto';
import { DomainError } from '@foresight/domain';
import { DatabaseError, Pool, PoolClient, PoolConfig, QueryConfig } from 'pg';
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
  categoryOf,
  EventMetadata,
  EventStore,
  ExpectedRevision,
  InvalidAppend,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeAllOptions,
  Subscription,
  WrongExpectedVersion,
} from '../event-store.port';
import { NotifyListener } from './notify-listener';
import { assertValidSchema, migrate } from './postgres-migrations';
import {
  AppendVariant,
  appendSql,
  conflictSql,
  EventRow,
  readAllSql,
  readAllVariant,
  readStreamSql,
} from './postgres-queries';
import { Cursor, Page, parseCheckpoint, PostgresSubscription } from './postgres-subscription';

export interface PostgresEventStoreOptions {
  /** PostgreSQL schema owning the tables; one per service (`es_identity`, ...). Default `eventstore`. */
  schema?: string;
  /** Pool size for appends and reads; subscriptions add one shared LISTEN connection. Default 5. */
  poolSize?: number;
  /** Fallback poll when no notification arrives (missed NOTIFY, listener reconnecting). Default 1000 ms. */
  pollIntervalMs?: number;
  applicationName?: string;
  /**
   * `in-transaction` (default): pg_notify inside the append, delivered exactly at commit, even if this
   * process dies right after. PostgreSQL serialises the commits of notifying transactions (a global
   * lock held through the WAL flush), which caps concurrent small appends; `after-commit` sends one
   * coalesced NOTIFY per burst from this process after its appends commit, keeping group commit, at
   * the price of a wake-up that a crash between commit and notify leaves to the polling fallback.
   * See bench/eventstore/append.bench.ts for the measured difference.
   */
  notify?: 'in-transaction' | 'after-commit';
  /**
   * Test-only: runs the append in an explicit transaction and awaits this after the append statement,
   * before COMMIT, so tests can hold transactions open and make commits interleave.
   */
  testHooks?: { beforeCommit?: (append: { stream: string; nextRevision: number }) => Promise<void> };
}

interface AppendRow {
  dup_revision: string | null;
  dup_position: string | null;
  revision: string | null;
  position: string | null;
  /** Set in `after-commit` mode when the append wrote: the transaction to announce. */
  notify_xid: string | null;
}

const START: Cursor = { xid: 0n, position: 0n };
const DEFAULT_BATCH = 500;

/**
 * The default event store: our own tables in a per-service PostgreSQL schema. See the README for
 * the visibility rule that lets readers follow the global order without ever skipping an event.
 */
export class PostgresEventStore implements EventStore {
  readonly schema: string;
  private readonly pool: Pool;
  private readonly channel: string;
  /** Names this schema's prepared statements: PostgreSQL cuts names at 63 bytes, long schemas would collide. */
  private readonly statementTag: string;
  private readonly listener: NotifyListener;
  private readonly subscriptions = new Set<PostgresSubscription>();
  private readonly pollIntervalMs: number;
  private readonly notifyInTransaction: boolean;
  private readonly commitNotifier: CoalescingNotifier;
  private migrated: Promise<void> | undefined;
  private closed = false;

  constructor(
    url: string,
    private readonly options: PostgresEventStoreOptions = {},
  ) {
    this.schema = options.schema ?? 'eventstore';
    assertValidSchema(this.schema);
    this.channel = `${this.schema}_events`;
    this.statementTag = createHash('sha256').update(this.schema).digest('hex').slice(0, 16);
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.notifyInTransaction = (options.notify ?? 'in-transaction') === 'in-transaction';
    const config: PoolConfig = {
      connectionString: url,
      application_name: options.applicationName ?? `foresight-eventstore:${this.schema}`,
    };
    this.pool = new Pool({ ...config, max: options.poolSize ?? 5, idleTimeoutMillis: 30_000 });
    // An idle client's socket error must not crash the process; the next query reports it.
    this.pool.on('error', () => undefined);
    this.listener = new NotifyListener(config, this.channel);
    this.commitNotifier = new CoalescingNotifier((xid) =>
      this.pool.query({
        name: `es-notify-${this.statementTag}`,
        text: 'SELECT pg_notify($1, $2)',
        values: [this.channel, xid],
      }),
    );
  }

  /** Applies pending schema migrations; runs once, and on first use if nobody called it. */
  migrate(): Promise<void> {
    this.migrated ??= migrate(this.pool, this.schema).then(
      () => undefined,
      (err: unknown) => {
        this.migrated = undefined;
        throw err;
      },
    );
    return this.migrated;
  }

  async append(
    stream: string,
    events: readonly NewEvent[],
    options: { expected?: ExpectedRevision } = {},
  ): Promise<AppendResult> {
    const expected = options.expected ?? 'any';
    assertValidExpected(stream, expected);
    const prepared = prepareAppend(stream, events, new Date());
    await this.migrate();
    const variant: AppendVariant =
      expected === -1 ? 'no_stream' : typeof expected === 'number' ? 'revision' : expected;
    const ids = prepared.map((e) => e.id);
    const query: QueryConfig = {
      name: `es-append-${variant}-${this.notifyInTransaction ? 'n' : 'c'}-${this.statementTag}`,
      text: appendSql(this.schema, variant, this.channel, this.notifyInTransaction),
      values: [
        stream,
        categoryOf(stream),
        prepared[0].metadata.tenantId,
        prepared.length,
        typeof expected === 'number' ? expected : null,
        ids,
        prepared.map((e) => e.type),
        prepared.map((e) => JSON.stringify(e.data)),
        prepared.map((e) => JSON.stringify(e.metadata)),
        prepared.map((e) => e.occurredAt),
      ],
    };
    let row: AppendRow;
    try {
      row = await this.runAppend(stream, query);
    } catch (err) {
      if (err instanceof DatabaseError && err.code === '23505' && err.constraint === 'events_event_id_unique')
        return this.afterDuplicateId(stream, prepared, err);
      throw err;
    }
    if (row.revision !== null && row.notify_xid !== null) this.commitNotifier.notify(BigInt(row.notify_xid));
    const replay = replayOf(row);
    if (replay) return replay;
    if (row.revision !== null && row.position !== null)
      return { nextRevision: Number(row.revision), position: BigInt(row.position) };
    // The revision check failed. A concurrent identical append may have won while we waited for the
    // stream lock: that is a replay, not a conflict.
    const conflict = await this.pool.query<{
      current: string | null;
      dup_revision: string | null;
      dup_position: string | null;
    }>({ name: `es-conflict-${this.statementTag}`, text: conflictSql(this.schema), values: [stream, ids] });
    const found = conflict.rows[0];
    const replayAfterAll = replayOf(found);
    if (replayAfterAll) return replayAfterAll;
    throw new WrongExpectedVersion(stream, expected, found.current === null ? -1 : Number(found.current));
  }

  async read(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    assertValidStreamName(stream);
    const direction = options.direction ?? 'forwards';
    const limit = checkLimit(options.limit);
    if (limit === 0) return [];
    await this.migrate();
    const from = options.from ?? (direction === 'forwards' ? 0 : Number.MAX_SAFE_INTEGER);
    const { rows } = await this.pool.query<EventRow>({
      name: `es-read-${direction}-${this.statementTag}`,
      text: readStreamSql(this.schema, direction),
      values: [stream, from, limit],
    });
    return rows.map(toRecorded);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const limit = checkLimit(options.limit);
    if (limit === 0) return [];
    const after = options.after === undefined ? START : parseCheckpoint(options.after);
    return (await this.readPage(after, limit, options.filter)).events;
  }

  subscribeAll(
    options: SubscribeAllOptions,
    handler: AllHandler,
    onError: (err: Error) => void = (err) => console.error('[eventstore] subscription stopped:', err),
  ): Subscription {
    if (this.closed) throw new Error('Event store is closed');
    const start = options.after === undefined ? START : parseCheckpoint(options.after);
    const batchSize = checkLimit(options.batchSize ?? DEFAULT_BATCH);
    if (!batchSize) throw new RangeError('batchSize must be a positive integer');
    const subscription = new PostgresSubscription(
      {
        readPage: (after, limit, filter) => this.readPage(after, limit, filter),
        listen: (callback) => this.listener.add(callback),
        pollIntervalMs: this.pollIntervalMs,
        onEnd: (s) => this.subscriptions.delete(s),
      },
      start,
      batchSize,
      options.filter,
      handler,
      onError,
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    await this.commitNotifier.drain();
    await this.listener.close();
    await this.pool.end();
  }

  private async readPage(after: Cursor, limit: number | null, filter: AllFilter | undefined): Promise<Page> {
    await this.migrate();
    const values: unknown[] = [after.xid.toString(), after.position.toString(), limit];
    if (filter?.categories) values.push(filter.categories);
    if (filter?.types) values.push(filter.types);
    const { rows } = await this.pool.query<EventRow & { horizon: string }>({
      name: `es-read-all-${readAllVariant(filter)}-${this.statementTag}`,
      text: readAllSql(this.schema, filter),
      values,
    });
    // The LEFT JOIN yields one row with NULL columns when the page is empty.
    const events = rows.filter((r) => r.position !== null).map(toRecorded);
    return { events, horizon: BigInt(rows[0].horizon) };
  }

  private async runAppend(stream: string, query: QueryConfig): Promise<AppendRow> {
    const beforeCommit = this.options.testHooks?.beforeCommit;
    if (!beforeCommit) return (await this.pool.query<AppendRow>(query)).rows[0];
    const client: PoolClient = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const row = (await client.query<AppendRow>(query)).rows[0];
      if (row.revision !== null) await beforeCommit({ stream, nextRevision: Number(row.revision) });
      await client.query('COMMIT');
      return row;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  /** A unique-id violation: a replay that raced us, or an id already used elsewhere. */
  private async afterDuplicateId(
    stream: string,
    prepared: PreparedEvent[],
    err: DatabaseError,
  ): Promise<AppendResult> {
    const ids = prepared.map((e) => e.id);
    const { rows } = await this.pool.query<{ dup_revision: string | null; dup_position: string | null }>({
      name: `es-conflict-${this.statementTag}`,
      text: conflictSql(this.schema),
      values: [stream, ids],
    });
    const replay = replayOf(rows[0]);
    if (replay) return replay;
    const where = await this.pool.query<{ event_id: string; stream_name: string }>(
      `SELECT event_id::text, stream_name FROM "${this.schema}".events WHERE event_id = ANY ($1::uuid[]) LIMIT 1`,
      [ids],
    );
    const hit = where.rows[0];
    throw new InvalidAppend(
      'EVENTSTORE.DUPLICATE_EVENT_ID',
      hit
        ? `Event id ${hit.event_id} is already recorded in ${hit.stream_name}; ${stream} cannot record it again`
        : `An event id of this batch is already recorded (${err.detail ?? err.message})`,
      stream,
    );
  }
}

/**
 * At most one NOTIFY in flight per store; appends committing meanwhile are announced together by the
 * next one (its payload is the highest transaction id, which is what subscribers compare).
 */
class CoalescingNotifier {
  private pending: bigint | undefined;
  private flushing: Promise<void> | undefined;

  constructor(private readonly send: (xid: string) => Promise<unknown>) {}

  notify(xid: bigint): void {
    if (this.pending === undefined || xid > this.pending) this.pending = xid;
    this.flushing ??= this.flush();
  }

  async drain(): Promise<void> {
    await this.flushing;
  }

  private async flush(): Promise<void> {
    while (this.pending !== undefined) {
      const xid = this.pending;
      this.pending = undefined;
      // A lost notification only delays subscribers until their next poll.
      await this.send(xid.toString()).catch(() => undefined);
    }
    this.flushing = undefined;
  }
}

/** The earlier append's result when the statement found the batch's first id in the stream. */
function replayOf(row: {
  dup_revision: string | null;
  dup_position: string | null;
}): AppendResult | undefined {
  if (row.dup_revision === null || row.dup_position === null) return undefined;
  return { nextRevision: Number(row.dup_revision), position: BigInt(row.dup_position) };
}

function checkLimit(limit: number | undefined): number | null {
  if (limit === undefined) return null;
  if (!Number.isSafeInteger(limit) || limit < 0)
    throw new DomainError('EVENTSTORE.INVALID_LIMIT', `limit must be a non-negative integer, got ${limit}`);
  return limit;
}

function toRecorded(row: EventRow): RecordedEvent {
  return {
    id: row.event_id,
    stream: row.stream_name,
    type: row.type,
    data: row.data,
    metadata: row.metadata as EventMetadata,
    revision: Number(row.revision),
    position: BigInt(row.position),
    checkpoint: `${row.xid}:${row.position}`,
    occurredAt: row.occurred_at,
    recordedAt: row.recorded_at,
  };
}

export function createPostgresEventStore(
  url: string,
  options?: PostgresEventStoreOptions,
): PostgresEventStore {
  return new PostgresEventStore(url, options);
}
