/**
 * The integration-event envelope. On Kafka it travels as message headers (the value is the payload
 * JSON, the key the entity id), so consumers route and deduplicate without parsing the body.
 */
export interface Envelope {
  /** UUIDv7: unique, and time-ordered for cheap dedup indexes. */
  eventId: string;
  type: string;
  schemaVersion: number;
  tenantId: string;
  /** ISO-8601 time the fact happened (domain time, not publish time). */
  occurredAt: string;
  /** Ties together everything caused by one upstream request. */
  correlationId: string;
  /** The event or request that directly caused this one; null for an origin. */
  causationId: string | null;
  /** Producing service. */
  source: string;
  /** W3C trace context, so one trace spans HTTP → Kafka → consumer → DB. */
  traceparent?: string;
  /** Source stream and revision in the producer's event store (lets read models apply each event once). */
  stream?: string;
  revision?: number;
  position?: string;
}

/** Header names: kebab-case, prefixed, so they never clash with a client library's own headers. */
export const HEADER = {
  eventId: 'fs-event-id',
  type: 'fs-type',
  schemaVersion: 'fs-schema-version',
  tenantId: 'fs-tenant-id',
  occurredAt: 'fs-occurred-at',
  correlationId: 'fs-correlation-id',
  causationId: 'fs-causation-id',
  source: 'fs-source',
  traceparent: 'traceparent',
  stream: 'fs-stream',
  revision: 'fs-revision',
  position: 'fs-position',
} as const satisfies Record<keyof Envelope, string>;

export function envelopeToHeaders(e: Envelope): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [field, header] of Object.entries(HEADER) as [keyof Envelope, string][]) {
    const value = e[field];
    if (value !== undefined && value !== null) headers[header] = String(value);
  }
  return headers;
}

export type EnvelopeResult = { ok: true; envelope: Envelope } | { ok: false; missing: string[] };

/** Reads an envelope back from headers (values may arrive as Buffers from the Kafka client). */
export function envelopeFromHeaders(raw: Record<string, unknown>): EnvelopeResult {
  const get = (h: string): string | undefined => {
    const v = raw[h];
    const one = Array.isArray(v) ? v[0] : v;
    return one === undefined || one === null
      ? undefined
      : Buffer.isBuffer(one)
        ? one.toString('utf8')
        : String(one);
  };
  const value = (field: keyof Envelope) => get(HEADER[field]);
  const [eventId, type, schemaVersion, tenantId, occurredAt, correlationId, source] = (
    ['eventId', 'type', 'schemaVersion', 'tenantId', 'occurredAt', 'correlationId', 'source'] as const
  ).map(value);
  const missing = Object.entries({
    eventId,
    type,
    schemaVersion,
    tenantId,
    occurredAt,
    correlationId,
    source,
  })
    .filter(([, v]) => !v)
    .map(([f]) => HEADER[f as keyof Envelope]);
  if (!eventId || !type || !schemaVersion || !tenantId || !occurredAt || !correlationId || !source)
    return { ok: false, missing };
  const revision = value('revision');
  return {
    ok: true,
    envelope: {
      eventId,
      type,
      schemaVersion: Number(schemaVersion),
      tenantId,
      occurredAt,
      correlationId,
      causationId: value('causationId') ?? null,
      source,
      traceparent: value('traceparent'),
      stream: value('stream'),
      revision: revision === undefined ? undefined : Number(revision),
      position: value('position'),
    },
  };
}
