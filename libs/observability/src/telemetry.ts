import { diag, DiagConsoleLogger, DiagLogLevel } from '@opentelemetry/api';
import type { Instrumentation } from '@opentelemetry/instrumentation';
import type { NodeSDK } from '@opentelemetry/sdk-node';
import type { SpanProcessor } from '@opentelemetry/sdk-trace-base';

/**
 * The SDK and instrumentations are loaded with a plain synchronous require, only when telemetry is
 * on: importing this lib for its metrics must cost nothing, and `instrument()` has to finish before
 * the next import of the caller (http, Nest, pg, kafkajs, mongoose) is evaluated, which rules out
 * an async import().
 */
function load<T>(id: string): T {
  return require(id) as T;
}

function disabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return /^(true|1)$/i.test(env['OTEL_SDK_DISABLED'] ?? '');
}

/** Probes and scrapes every few seconds would bury the request traces that matter. */
function isProbe(url: string | undefined): boolean {
  return !!url && (url.startsWith('/health') || url.startsWith('/metrics'));
}

let instrumentations: Instrumentation[] | undefined;

/**
 * Patches http, Nest, pg and mongoose as they load. Not kafkajs: @foresight/messaging makes its own
 * PRODUCER/CONSUMER spans parented on the envelope's traceparent (the relay publishes long after
 * the request), and the kafkajs instrumentation would overwrite that header with the relay loop's
 * context (instrumentation-kafkajs 0.32 `_startProducerSpan` injects `context.active()`). Must run before any of them is first
 * required: `@foresight/service-kit` calls it from the first line of its index, so a service's
 * main.ts gets it by importing service-kit first. Spans go nowhere until `startTelemetry` registers
 * a tracer provider (instrumentations resolve the global provider per span). Idempotent; does
 * nothing with OTEL_SDK_DISABLED=true.
 */
export function instrument(): void {
  if (instrumentations || disabled()) return;
  const { HttpInstrumentation } = load<typeof import('@opentelemetry/instrumentation-http')>(
    '@opentelemetry/instrumentation-http',
  );
  const { NestInstrumentation } = load<typeof import('@opentelemetry/instrumentation-nestjs-core')>(
    '@opentelemetry/instrumentation-nestjs-core',
  );
  const { PgInstrumentation } = load<typeof import('@opentelemetry/instrumentation-pg')>(
    '@opentelemetry/instrumentation-pg',
  );
  const { MongooseInstrumentation } = load<typeof import('@opentelemetry/instrumentation-mongoose')>(
    '@opentelemetry/instrumentation-mongoose',
  );
  instrumentations = [
    new HttpInstrumentation({
      ignoreIncomingRequestHook: (req) => isProbe(req.url),
      // The OTLP exporter's own POSTs would otherwise trace themselves.
      ignoreOutgoingRequestHook: (req) => String(req.path ?? '').startsWith('/v1/'),
    }),
    new NestInstrumentation(),
    // Span per query without the noise of pool connects; the statement text is the useful part.
    new PgInstrumentation({ requireParentSpan: true }),
    new MongooseInstrumentation(),
  ];
}

export interface TelemetryOptions {
  serviceName: string;
  /** Replaces the exporters (tests pass a SimpleSpanProcessor over an InMemorySpanExporter). */
  spanProcessors?: SpanProcessor[];
  env?: NodeJS.ProcessEnv;
}

export interface Telemetry {
  /** False with OTEL_SDK_DISABLED=true: nothing was started. */
  readonly enabled: boolean;
  /** True when spans and metrics leave the process (OTEL_EXPORTER_OTLP_ENDPOINT, or test processors). */
  readonly exporting: boolean;
  /** Flushes pending spans and metrics. */
  shutdown(): Promise<void>;
}

let running: { sdk: NodeSDK; telemetry: Telemetry } | undefined;

/** Flushes and stops the SDK started by `startTelemetry`, if any (on shutdown, after the app closed). */
export async function shutdownTelemetry(): Promise<void> {
  await running?.telemetry.shutdown();
}

/** Spans are recorded (so logs and Kafka headers carry real trace ids) but go nowhere. */
const discard: SpanProcessor = {
  onStart: () => undefined,
  onEnd: () => undefined,
  forceFlush: async () => undefined,
  shutdown: async () => undefined,
};

/**
 * Starts the OpenTelemetry SDK with the service name as resource. Traces and metrics are exported
 * over OTLP/HTTP only when OTEL_EXPORTER_OTLP_ENDPOINT is set; without it a tracer provider still
 * runs, so trace ids reach logs and propagate through HTTP and Kafka headers. Idempotent per process.
 */
export function startTelemetry(options: TelemetryOptions): Telemetry {
  const env = options.env ?? process.env;
  if (running) return running.telemetry;
  if (disabled(env)) return { enabled: false, exporting: false, shutdown: async () => undefined };
  if (env['OTEL_LOG_LEVEL'] === undefined) diag.setLogger(new DiagConsoleLogger(), DiagLogLevel.WARN);
  instrument();
  const { NodeSDK, metrics } = load<typeof import('@opentelemetry/sdk-node')>('@opentelemetry/sdk-node');
  const endpoint = env['OTEL_EXPORTER_OTLP_ENDPOINT'];
  let spanProcessors = options.spanProcessors;
  const metricReaders = [];
  if (!spanProcessors && endpoint) {
    const { BatchSpanProcessor } = load<typeof import('@opentelemetry/sdk-trace-base')>(
      '@opentelemetry/sdk-trace-base',
    );
    const { OTLPTraceExporter } = load<typeof import('@opentelemetry/exporter-trace-otlp-http')>(
      '@opentelemetry/exporter-trace-otlp-http',
    );
    spanProcessors = [new BatchSpanProcessor(new OTLPTraceExporter())];
  }
  if (endpoint) {
    const { OTLPMetricExporter } = load<typeof import('@opentelemetry/exporter-metrics-otlp-http')>(
      '@opentelemetry/exporter-metrics-otlp-http',
    );
    metricReaders.push(new metrics.PeriodicExportingMetricReader({ exporter: new OTLPMetricExporter() }));
  }
  const exporting = !!spanProcessors?.length;
  const sdk = new NodeSDK({
    serviceName: options.serviceName,
    instrumentations: instrumentations ?? [],
    spanProcessors: exporting ? spanProcessors : [discard],
    // Explicit empties: without them the SDK falls back to OTLP exporters aimed at localhost.
    metricReaders,
    logRecordProcessors: [],
  });
  sdk.start();
  const telemetry: Telemetry = {
    enabled: true,
    exporting,
    shutdown: async () => {
      if (running?.sdk !== sdk) return;
      running = undefined;
      await sdk.shutdown();
    },
  };
  running = { sdk, telemetry };
  return telemetry;
}
