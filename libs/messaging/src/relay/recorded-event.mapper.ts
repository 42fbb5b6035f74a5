import { contractOf, Envelope } from '@foresight/contracts';
import { categoryOf, RecordedEvent } from '@foresight/eventstore';
import { OutgoingMessage } from '../publisher/envelope.publisher';

/**
 * Where a stored event goes. `type`/`payload` let a service publish an integration event that is not
 * its domain event verbatim (a renamed type, a trimmed payload); `key` overrides the entity id.
 */
export interface Route {
  topic: string;
  key?: string;
  type?: string;
  payload?: unknown;
}

/** Undefined: the event stays inside the service (not every domain event is an integration event). */
export type RouteFn = (event: RecordedEvent) => Route | string | undefined;

/** Either a function, or a plain map of event type → topic. */
export type Routes = RouteFn | Readonly<Record<string, string>>;

export function toRouteFn(routes: Routes): (event: RecordedEvent) => Route | undefined {
  if (typeof routes === 'function')
    return (event) => {
      const r = routes(event);
      return typeof r === 'string' ? { topic: r } : r;
    };
  const map = new Map(Object.entries(routes));
  return (event) => {
    const topic = map.get(event.type);
    return topic === undefined ? undefined : { topic };
  };
}

/** Streams are `<category>-<id>`: the id is the entity, and the message key. */
export function entityIdOf(stream: string): string {
  const category = categoryOf(stream);
  return category.length === stream.length ? stream : stream.slice(category.length + 1);
}

export function envelopeOf(event: RecordedEvent, type: string, source: string): Envelope {
  const { metadata } = event;
  return {
    eventId: event.id,
    type,
    schemaVersion: contractOf(type)?.schemaVersion ?? 1,
    tenantId: metadata.tenantId,
    occurredAt: event.occurredAt.toISOString(),
    // An origin event starts its own correlation, so downstream effects can still be grouped.
    correlationId: metadata.correlationId ?? event.id,
    causationId: metadata.causationId ?? null,
    source,
    traceparent: metadata.traceparent,
    stream: event.stream,
    revision: event.revision,
    position: event.position.toString(),
  };
}

export function toOutgoing(event: RecordedEvent, route: Route, source: string): OutgoingMessage {
  return {
    key: route.key ?? entityIdOf(event.stream),
    envelope: envelopeOf(event, route.type ?? event.type, source),
    payload: route.payload === undefined ? event.data : route.payload,
  };
}
