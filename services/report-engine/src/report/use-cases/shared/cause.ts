import type { Envelope } from '@foresight/contracts';
import { context, propagation } from '@opentelemetry/api';

/** Who or what caused a command, copied onto the events it appends (and so onto what the relay publishes). */
export interface Cause {
  /** A user id or email, or `report-engine` for reactions. */
  actor: string;
  correlationId?: string;
  causationId?: string;
  traceparent?: string;
}

function activeTraceparent(): string | undefined {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier['traceparent'];
}

/** A reaction to a consumed event: same correlation, caused by that event, inside the consumer's span. */
export function causedBy(envelope: Envelope): Cause {
  return {
    actor: 'report-engine',
    correlationId: envelope.correlationId,
    causationId: envelope.eventId,
    traceparent: activeTraceparent() ?? envelope.traceparent,
  };
}

export function requestCause(actor: string, requestId: string): Cause {
  return { actor, correlationId: requestId, traceparent: activeTraceparent() };
}
