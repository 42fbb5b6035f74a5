import {
  contractOf,
  DeadLetterReason,
  dlqOf,
  DLQ_HEADER,
  Envelope,
  envelopeFromHeaders,
  HEADER,
  parse,
} from '@foresight/contracts';
import { propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { performance } from 'node:perf_hooks';
import {
  Broker,
  IncomingBatch,
  IncomingRecord,
  OutgoingRecord,
  RawConsumer,
  RawProducer,
} from '../broker/broker.port';
import { dropMetrics, errorMessage, MessagingLogger, MetricSink, stderrLogger } from '../messaging.hooks';
import { tracer } from '../publisher/envelope.publisher';
import { Inbox } from './inbox.store';
import { DEFAULT_RETRY, delayBefore, RetryPolicy } from './retry.policy';

export interface ConsumedEvent<P = unknown> {
  envelope: Envelope;
  /** Validated against the type's contract: an instance of its payload class. */
  payload: P;
  key: string | null;
  topic: string;
  partition: number;
  offset: string;
  /** 1 on the first delivery to the handler, 2 on its first retry, … */
  attempt: number;
}

/**
 * Must be idempotent by construction (see README): a message can reach it twice after a crash
 * between its effect and the inbox write. A thrown error is retried, then dead-lettered.
 */
export type EventHandler<P = unknown> = (event: ConsumedEvent<P>) => Promise<void>;

export interface HandlerRegistration {
  type: string;
  handle: EventHandler;
  /** Defaults to the topic of the type's contract. */
  topic?: string;
}

export interface ConsumerOptions {
  broker: Broker;
  /** `<service>.<consumer>`: each consumer keeps its own offsets and inbox. */
  groupId: string;
  handlers: readonly HandlerRegistration[];
  inbox: Inbox;
  retry?: Partial<RetryPolicy>;
  /** A new group starts at the topics' beginning, so a consumer added later still sees every event. */
  fromBeginning?: boolean;
  /** See RawConsumer.start: 'end' skips the history a brand-new group would otherwise replay. */
  newGroupStart?: 'beginning' | 'end';
  /** Partitions handled at once; order within a partition (so per key) is kept either way. */
  partitionsConcurrently?: number;
  /** Records per inbox lookup, inbox write and offset commit. */
  chunkSize?: number;
  /** See `Broker.consumer`; default 10 s. */
  sessionTimeoutMs?: number;
  /** Inbox entries older than this are pruned hourly; longer than any redelivery the topics' retention allows. */
  inboxRetentionMs?: number;
  logger?: MessagingLogger;
  onMetric?: MetricSink;
}

type Classified =
  | { kind: 'skip'; type: string }
  | { kind: 'invalid'; error: string; type: string }
  | { kind: 'valid'; envelope: Envelope; payload: unknown; handle: EventHandler };

type Outcome =
  | { kind: 'done'; attempts: number }
  | { kind: 'failed'; attempts: number; error: string }
  | { kind: 'aborted' };

const MAX_ERROR_CHARS = 2000;

/**
 * Consumes the topics of its handlers as one consumer group.
 *
 * Per chunk of a partition's batch: validate each record at the edge (a missing envelope header or
 * a payload that fails its contract goes straight to `<topic>.dlq`, no retry); claim the chunk's
 * event ids in the inbox at once (ids delivered before and completed are skipped); run the handler
 * of each new event in order, retrying with backoff and dead-lettering once the attempts are spent;
 * then mark the handled ids complete and only then commit the offset. Records of types without a handler are passed over and committed.
 */
export class EventConsumer {
  private readonly raw: RawConsumer;
  private readonly deadLetters: RawProducer;
  private readonly byType = new Map<string, EventHandler>();
  private readonly topics: string[];
  private readonly retry: RetryPolicy;
  private readonly logger: MessagingLogger;
  private readonly onMetric: MetricSink;
  private stopping = false;
  private started = false;
  private pruneTimer?: NodeJS.Timeout;
  private readonly sleepers = new Set<() => void>();

  constructor(private readonly options: ConsumerOptions) {
    const topics = new Set<string>();
    for (const h of options.handlers) {
      if (this.byType.has(h.type)) throw new Error(`${options.groupId}: two handlers for ${h.type}`);
      const topic = h.topic ?? contractOf(h.type)?.topic;
      if (!topic)
        throw new Error(`${options.groupId}: no topic for ${h.type} (no contract defines it; pass topic)`);
      this.byType.set(h.type, h.handle);
      topics.add(topic);
    }
    this.topics = [...topics];
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.logger = options.logger ?? stderrLogger;
    this.onMetric = options.onMetric ?? dropMetrics;
    this.raw = options.broker.consumer(options.groupId, { sessionTimeoutMs: options.sessionTimeoutMs });
    this.deadLetters = options.broker.producer();
  }

  get groupId(): string {
    return this.options.groupId;
  }

  get subscribedTopics(): readonly string[] {
    return this.topics;
  }

  async start(): Promise<void> {
    this.stopping = false;
    await this.deadLetters.connect();
    await this.raw.start({
      topics: this.topics,
      fromBeginning: this.options.fromBeginning ?? true,
      newGroupStart: this.options.newGroupStart,
      partitionsConcurrently: this.options.partitionsConcurrently ?? 1,
      onBatch: (batch) => this.onBatch(batch),
    });
    this.started = true;
    const retention = this.options.inboxRetentionMs ?? 14 * 24 * 3600_000;
    this.pruneTimer = setInterval(() => void this.prune(retention), 3600_000);
    this.pruneTimer.unref();
  }

  /** Lets the handler call in flight finish (and its offset be committed), then leaves the group. */
  async stop(): Promise<void> {
    this.stopping = true;
    clearInterval(this.pruneTimer);
    for (const wake of this.sleepers) wake();
    await this.raw.stop();
    if (this.started) await this.deadLetters.disconnect();
    this.started = false;
  }

  private async prune(retentionMs: number) {
    try {
      await this.options.inbox.prune(this.options.groupId, new Date(Date.now() - retentionMs));
    } catch (err) {
      this.logger.warn({ group: this.options.groupId, err: errorMessage(err) }, 'inbox prune failed');
    }
  }

  private async onBatch(batch: IncomingBatch): Promise<void> {
    const chunkSize = this.options.chunkSize ?? 500;
    try {
      for (let i = 0; i < batch.records.length; i += chunkSize) {
        if (!this.active(batch)) return;
        const complete = await this.onChunk(batch, batch.records.slice(i, i + chunkSize));
        if (!complete) return;
      }
    } catch (err) {
      // Infrastructure (inbox, dead-letter produce, commit): the client restarts and redelivers the batch.
      this.logger.error(
        {
          group: this.options.groupId,
          topic: batch.topic,
          partition: batch.partition,
          err: errorMessage(err),
        },
        'batch failed; it will be redelivered',
      );
      throw err;
    }
  }

  private active(batch: IncomingBatch): boolean {
    return !this.stopping && batch.isActive();
  }

  /** False when it stopped early (shutdown or revoked partition); what was done is committed either way. */
  private async onChunk(batch: IncomingBatch, records: readonly IncomingRecord[]): Promise<boolean> {
    const group = this.options.groupId;
    const classified = records.map((record) => ({ record, item: this.classify(record) }));
    const ids = classified.flatMap(({ item }) => (item.kind === 'valid' ? [item.envelope.eventId] : []));
    const claimedBefore = await this.options.inbox.claim(group, ids);
    // Claimed before but never completed: the earlier delivery died mid-effect; handle it again.
    const seen = claimedBefore.size
      ? await this.options.inbox.completed(group, [...claimedBefore])
      : new Set<string>();
    const handled: string[] = [];
    const dead: OutgoingRecord[] = [];
    let lastDone: string | undefined;
    let complete = true;
    let rebalancing: unknown;

    for (const { record, item } of classified) {
      // Stopping or revoked: the handler in flight has finished; leave the rest for the next owner.
      if (!this.active(batch)) {
        complete = false;
        break;
      }
      if (item.kind === 'skip') {
        this.handled(record.topic, item.type, 'skipped', 0, 0);
      } else if (item.kind === 'invalid') {
        this.logger.warn(
          { group, topic: record.topic, offset: record.offset, error: item.error },
          'invalid message',
        );
        dead.push(this.deadLetter(record, 'invalid', item.error, 0));
        this.handled(record.topic, item.type, 'dead-lettered', 0, 0);
        this.onMetric({ name: 'dlq.produced', group, topic: record.topic, reason: 'invalid' });
      } else if (seen.has(item.envelope.eventId)) {
        this.handled(record.topic, item.envelope.type, 'duplicate', 0, 0);
      } else {
        const started = performance.now();
        const outcome = await this.run(batch, record, item);
        const ms = performance.now() - started;
        if (outcome.kind === 'aborted') {
          complete = false;
          break;
        }
        if (outcome.kind === 'done') {
          handled.push(item.envelope.eventId);
          // A relay re-send can put both copies of an event into one chunk.
          seen.add(item.envelope.eventId);
          this.handled(record.topic, item.envelope.type, 'ok', ms, outcome.attempts);
        } else {
          this.logger.error(
            {
              group,
              topic: record.topic,
              offset: record.offset,
              type: item.envelope.type,
              error: outcome.error,
            },
            'handler failed after all attempts; dead-lettered',
          );
          dead.push(this.deadLetter(record, 'handler-failed', outcome.error, outcome.attempts));
          this.handled(record.topic, item.envelope.type, 'dead-lettered', ms, outcome.attempts);
          this.onMetric({ name: 'dlq.produced', group, topic: record.topic, reason: 'handler-failed' });
        }
      }
      lastDone = record.offset;
      try {
        // Throttled by the client to its heartbeat interval, so cheap to call per message.
        await batch.heartbeat();
      } catch (err) {
        // A rebalance began: keep what is done, then let the client rejoin.
        rebalancing = err;
        break;
      }
    }

    // Dead letters before the offset: a crash before the commit only redelivers. The inbox completion
    // runs beside the commit (it is on every message's path): one lost to a crash only means a later
    // re-send of these events runs their idempotent handlers again instead of being skipped.
    if (dead.length) await this.deadLetters.send([{ topic: dlqOf(batch.topic), records: dead }]);
    const completing = this.options.inbox.complete(group, handled);
    if (lastDone !== undefined) {
      try {
        await batch.commit(lastDone);
      } catch (err) {
        rebalancing ??= err;
      }
      const lag = Number(BigInt(batch.highWatermark) - BigInt(lastDone) - 1n);
      this.onMetric({ name: 'consumer.lag', group, topic: batch.topic, partition: batch.partition, lag });
    }
    await completing;
    if (rebalancing !== undefined) throw rebalancing;
    return complete;
  }

  private classify(record: IncomingRecord): Classified {
    const read = envelopeFromHeaders(record.headers);
    const type = record.headers[HEADER.type] ?? '(unknown)';
    if (!read.ok)
      return { kind: 'invalid', type, error: `missing envelope headers: ${read.missing.join(', ')}` };
    const handle = this.byType.get(read.envelope.type);
    if (!handle) return { kind: 'skip', type };
    const parsed = parse(read.envelope.type, record.value?.toString('utf8') ?? '');
    if (!parsed.ok) {
      const fields = parsed.errors.map((e) => `${e.field}: ${e.errors.join(', ')}`).join('; ');
      return { kind: 'invalid', type, error: `invalid payload: ${fields}` };
    }
    return { kind: 'valid', envelope: read.envelope, payload: parsed.value, handle };
  }

  private async run(
    batch: IncomingBatch,
    record: IncomingRecord,
    item: Extract<Classified, { kind: 'valid' }>,
  ): Promise<Outcome> {
    const parent = propagation.extract(ROOT_CONTEXT, record.headers);
    let lastError = '';
    for (let attempt = 1; attempt <= this.retry.attempts; attempt++) {
      if (attempt > 1) {
        this.onMetric({
          name: 'consumer.retry',
          group: this.options.groupId,
          topic: record.topic,
          type: item.envelope.type,
          attempt,
          error: lastError,
        });
        await this.pause(batch, delayBefore(attempt, this.retry));
        // Shutting down mid-backoff: leave the record uncommitted; the next owner retries it afresh.
        if (!this.active(batch)) return { kind: 'aborted' };
      }
      try {
        await tracer.startActiveSpan(
          `process ${record.topic}`,
          {
            kind: SpanKind.CONSUMER,
            attributes: {
              'messaging.system': 'kafka',
              'messaging.destination.name': record.topic,
              'messaging.message.id': item.envelope.eventId,
              'messaging.consumer.group.name': this.options.groupId,
            },
          },
          parent,
          async (span) => {
            try {
              await item.handle({
                envelope: item.envelope,
                payload: item.payload,
                key: record.key,
                topic: record.topic,
                partition: record.partition,
                offset: record.offset,
                attempt,
              });
            } catch (err) {
              span.setStatus({ code: SpanStatusCode.ERROR, message: errorMessage(err) });
              throw err;
            } finally {
              span.end();
            }
          },
        );
        return { kind: 'done', attempts: attempt };
      } catch (err) {
        lastError = errorMessage(err);
      }
    }
    return { kind: 'failed', attempts: this.retry.attempts, error: lastError };
  }

  /** Sleeps between attempts, heartbeating so the group does not think this member died. */
  private async pause(batch: IncomingBatch, ms: number): Promise<void> {
    const until = performance.now() + ms;
    while (!this.stopping && performance.now() < until) {
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          this.sleepers.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, Math.min(1000, until - performance.now()));
        this.sleepers.add(wake);
      });
      await batch.heartbeat().catch(() => undefined);
    }
  }

  private deadLetter(
    record: IncomingRecord,
    reason: DeadLetterReason,
    error: string,
    attempts: number,
  ): OutgoingRecord {
    return {
      key: record.key,
      value: record.value,
      headers: {
        ...record.headers,
        [DLQ_HEADER.reason]: reason,
        [DLQ_HEADER.error]: error.slice(0, MAX_ERROR_CHARS),
        [DLQ_HEADER.attempts]: String(attempts),
        [DLQ_HEADER.topic]: record.topic,
        [DLQ_HEADER.partition]: String(record.partition),
        [DLQ_HEADER.offset]: record.offset,
        [DLQ_HEADER.group]: this.options.groupId,
        [DLQ_HEADER.failedAt]: new Date().toISOString(),
      },
    };
  }

  private handled(
    topic: string,
    type: string,
    outcome: 'ok' | 'duplicate' | 'skipped' | 'dead-lettered',
    ms: number,
    attempts: number,
  ) {
    this.onMetric({
      name: 'consumer.handled',
      group: this.options.groupId,
      topic,
      type,
      outcome,
      durationMs: ms,
      attempts,
    });
  }
}
