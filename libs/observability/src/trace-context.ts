import { context, isSpanContextValid, propagation, ROOT_CONTEXT, trace } from '@opentelemetry/api';

/**
 * W3C `traceparent` of the active span, to stamp on event metadata at append time: the relay
 * publishes later, from its own loop, and must continue the trace of the request, not start one.
 */
export function currentTraceparent(): string | undefined {
  if (!trace.getSpan(context.active())) return undefined;
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier['traceparent'];
}

/**
 * Runs `work` as a continuation of the trace in `traceparent` (from event metadata or an envelope).
 * Kafka instrumentation links batch-consumed messages instead of parenting them; a handler wrapped
 * in this joins the producer's trace. Without a traceparent, `work` runs in the current context.
 */
export function withTraceparent<T>(traceparent: string | undefined, work: () => T): T {
  if (!traceparent) return work();
  const parent = propagation.extract(ROOT_CONTEXT, { traceparent });
  return context.with(parent, work);
}

/** Log fields of the active span; used as a pino mixin so every line can be joined to its trace. */
export function traceLogFields(): { trace_id?: string; span_id?: string; trace_flags?: string } {
  const span = trace.getSpan(context.active());
  if (!span || !isSpanContextValid(span.spanContext())) return {};
  const { traceId, spanId, traceFlags } = span.spanContext();
  return { trace_id: traceId, span_id: spanId, trace_flags: `0${traceFlags.toString(16)}` };
}
