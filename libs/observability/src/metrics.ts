import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The process's one Prometheus registry: `/metrics` serves it, and every platform lib records into
 * it through `metrics` below, so metric names and labels are defined once.
 */
export const registry = new Registry();

let defaultsOn = false;
/** Process metrics (CPU, memory, event-loop lag, GC); idempotent, called when `/metrics` is mounted. */
export function enableDefaultMetrics(): void {
  if (defaultsOn) return;
  defaultsOn = true;
  collectDefaultMetrics({ register: registry });
}

/**
 * Handler latencies from sub-millisecond cache hits to multi-second retries with backoff: the
 * buckets cover 1 ms – 10 s so p99 under the 100 ms read-model target stays readable.
 */
const DURATION_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export const metrics = {
  /** Messages a consumer group still has to read, per partition (log-end offset − committed offset). */
  consumerLag: new Gauge<'group' | 'topic' | 'partition'>({
    name: 'foresight_consumer_lag_messages',
    help: 'Messages not yet consumed by a consumer group, per topic partition',
    labelNames: ['group', 'topic', 'partition'],
    registers: [registry],
  }),
  /** Time from an event being recorded in the store to the relay publishing it, at the last relayed batch. */
  relayLag: new Gauge<'relay'>({
    name: 'foresight_relay_lag_seconds',
    help: 'Seconds between recording the last relayed event and publishing it to Kafka',
    labelNames: ['relay'],
    registers: [registry],
  }),
  /** One observation per handled message or use-case call; outcome: ok, error, retry or dlq. */
  handlerDuration: new Histogram<'handler' | 'outcome'>({
    name: 'foresight_handler_duration_seconds',
    help: 'Time spent in a message or command handler',
    labelNames: ['handler', 'outcome'],
    buckets: DURATION_BUCKETS,
    registers: [registry],
  }),
  dlqMessages: new Counter<'topic' | 'reason'>({
    name: 'foresight_dlq_messages_total',
    help: 'Messages sent to a dead-letter topic',
    labelNames: ['topic', 'reason'],
    registers: [registry],
  }),
  /** Time from an event being recorded to its read-model write landing, at the last applied batch. */
  projectionLag: new Gauge<'projection'>({
    name: 'foresight_projection_lag_seconds',
    help: 'Seconds between recording the last applied event and its read-model write',
    labelNames: ['projection'],
    registers: [registry],
  }),
  projectionEvents: new Counter<'projection'>({
    name: 'foresight_projection_events_total',
    help: '(event, document) pairs applied to read models; replays are skipped and not counted',
    labelNames: ['projection'],
    registers: [registry],
  }),
} as const;

export type Metrics = typeof metrics;

/** Times `work` into handlerDuration with outcome ok, or error when it throws (the error is rethrown). */
export async function timeHandler<T>(handler: string, work: () => Promise<T>): Promise<T> {
  const end = metrics.handlerDuration.startTimer({ handler });
  try {
    const result = await work();
    end({ outcome: 'ok' });
    return result;
  } catch (err) {
    end({ outcome: 'error' });
    throw err;
  }
}
