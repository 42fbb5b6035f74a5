import type { Envelope } from '@foresight/contracts';
import { context, propagation } from '@opentelemetry/api';
import { Cause } from './notification-streams';

function activeTraceparent(): string | undefined {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier['traceparent'];
}

/** A reaction to a consumed event: same correlation, caused by that event, inside the consumer's span. */
export function causedBy(envelope: Envelope): Cause {
  return {
    actor: 'notifications',
    correlationId: envelope.correlationId,
    causationId: envelope.eventId,
    traceparent: activeTraceparent() ?? envelope.traceparent,
  };
}
