import type { MessagingMetric } from '@foresight/messaging';
import { metrics } from './metrics';

/**
 * Turns @foresight/messaging's reports into Prometheus metrics: pass it as the messaging module's
 * `onMetric`. Handler durations are labelled `<consumer group>:<event type>`.
 */
export function recordMessagingMetric(m: MessagingMetric): void {
  switch (m.name) {
    case 'relay.published':
      metrics.relayLag.set({ relay: m.relay }, m.lagMs / 1000);
      return;
    case 'consumer.handled':
      metrics.handlerDuration.observe(
        { handler: `${m.group}:${m.type}`, outcome: m.outcome },
        m.durationMs / 1000,
      );
      return;
    case 'consumer.lag':
      metrics.consumerLag.set({ group: m.group, topic: m.topic, partition: String(m.partition) }, m.lag);
      return;
    case 'dlq.produced':
      metrics.dlqMessages.inc({ topic: m.topic, reason: m.reason });
      return;
    case 'consumer.retry':
    case 'relay.leader':
      // Logged by the messaging lib; no metric family of their own yet.
      return;
  }
}
