import type { Envelope } from '@foresight/contracts';
import { currentTraceparent } from '@foresight/observability';
import { Cause } from './notification-streams';

/** A reaction to a consumed event: same correlation, caused by that event, inside the consumer's span. */
export function causedBy(envelope: Envelope): Cause {
  return {
    actor: 'notifications',
    correlationId: envelope.correlationId,
    causationId: envelope.eventId,
    traceparent: currentTraceparent() ?? envelope.traceparent,
  };
}
