import type { RecordedEvent } from '@foresight/eventstore';
import type { Route } from '@foresight/messaging';
import { recordRoute } from './record/integration/record.routes';
import { usageRoute } from './usage/integration/usage.routes';

/** Every integration event ingestion publishes, from its own streams through the relay. */
export function ingestionRoutes(event: RecordedEvent): Route | undefined {
  return recordRoute(event) ?? usageRoute(event);
}
