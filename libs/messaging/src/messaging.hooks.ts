/**
 * What the messaging classes report. Deliberately tiny so `libs/observability` (Prometheus,
 * OpenTelemetry) can wire it without this lib depending on it; the default drops everything.
 */
export type MessagingMetric =
  /** After each relayed batch. `lagMs`: now minus the store's recordedAt of the batch's last event. */
  | {
      name: 'relay.published';
      relay: string;
      events: number;
      skipped: number;
      position: bigint;
      lagMs: number;
    }
  | { name: 'relay.leader'; relay: string; instance: string; leader: boolean }
  /** One handled message; `outcome` duplicate = short-circuited by the inbox. */
  | {
      name: 'consumer.handled';
      group: string;
      topic: string;
      type: string;
      outcome: 'ok' | 'duplicate' | 'skipped' | 'dead-lettered';
      durationMs: number;
      attempts: number;
    }
  /** Messages behind the partition's high watermark after a chunk was committed. */
  | { name: 'consumer.lag'; group: string; topic: string; partition: number; lag: number }
  | { name: 'consumer.retry'; group: string; topic: string; type: string; attempt: number; error: string }
  | { name: 'dlq.produced'; group: string; topic: string; reason: 'invalid' | 'handler-failed' };

export type MetricSink = (metric: MessagingMetric) => void;

/** Structured logging in pino's argument order, so a pino logger fits as is. */
export interface MessagingLogger {
  debug(fields: object, msg: string): void;
  info(fields: object, msg: string): void;
  warn(fields: object, msg: string): void;
  error(fields: object, msg: string): void;
}

const noop = () => undefined;

const line = (level: string, msg: string, fields: object) =>
  `${JSON.stringify({ level, msg, ...fields }, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))}\n`;

export const silentLogger: MessagingLogger = { debug: noop, info: noop, warn: noop, error: noop };

/** Warnings and errors to stderr as JSON lines; used when a caller passes no logger. */
export const stderrLogger: MessagingLogger = {
  debug: noop,
  info: noop,
  warn: (fields, msg) => process.stderr.write(line('warn', msg, fields)),
  error: (fields, msg) => process.stderr.write(line('error', msg, fields)),
};

export const dropMetrics: MetricSink = noop;

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
