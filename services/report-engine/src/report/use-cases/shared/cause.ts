import type { Envelope } from '@foresight/contracts';
import { currentTraceparent } from '@foresight/observability';

/** Who or what caused a command, copied onto the events it appends (and so onto what the relay publishes). */
export interface Cause {
  /** A user id or email, or `report-engine` for reactions. */
  actor: string;
  correlationId?: string;
  causationId?: string;
  traceparent?: string;
}

/** A reaction to a consumed event: same correlation, caused by that event, inside the consumer's span. */
export function causedBy(envelope: Envelope): Cause {
  return {
    actor: 'report-engine',
    correlationId: envelope.correlationId,
    causationId: envelope.eventId,
    traceparent: currentTraceparent() ?? envelope.traceparent,
  };
}

export function requestCause(actor: string, requestId: string): Cause {
  return { actor, correlationId: requestId, traceparent: currentTraceparent() };
}
