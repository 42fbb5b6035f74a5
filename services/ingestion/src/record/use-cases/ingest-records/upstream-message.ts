import {
  HEADER,
  RECORD_ENTITIES,
  RecordEntity,
  upstreamTopic,
  UPSTREAM_OP_HEADER,
} from '@foresight/contracts';
import type { IncomingRecord } from './record-verdict';

/** What an upstream topic carries: its source and entity come from its name, `upstream.<source>.<entity>`. */
export interface UpstreamTopic {
  source: string;
  entity: RecordEntity;
}

export function upstreamTopicsFor(sources: readonly string[]): Map<string, UpstreamTopic> {
  const topics = new Map<string, UpstreamTopic>();
  for (const source of sources)
    for (const entity of RECORD_ENTITIES) topics.set(upstreamTopic(source, entity), { source, entity });
  return topics;
}

/** A Kafka message as the broker port hands it over. */
export interface UpstreamKafkaMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: Buffer | null;
  headers: Record<string, string>;
}

export type UpstreamMessage =
  /** Nothing a tenant could be told about (no tenant, unknown operation): to `<topic>.dlq` for operators. */
  { kind: 'dead'; reason: string } | { kind: 'record'; tenantId: string; record: IncomingRecord };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Reads one upstream message: no Foresight envelope, just the record JSON, the tenant in
 * `fs-tenant-id` and optionally `fs-op: delete`. A null value (a Kafka tombstone) removes the record
 * named by the message key. Whatever is wrong with the record itself is left for the same
 * per-record checks as the REST API, so it becomes a rejection the tenant can see.
 */
export function readUpstreamMessage(message: UpstreamKafkaMessage): UpstreamMessage {
  const tenantId = message.headers[HEADER.tenantId];
  if (!tenantId) return { kind: 'dead', reason: `missing header ${HEADER.tenantId}` };
  if (!UUID.test(tenantId)) return { kind: 'dead', reason: `header ${HEADER.tenantId} is not a tenant id` };
  const opHeader = message.headers[UPSTREAM_OP_HEADER];
  if (opHeader !== undefined && opHeader !== 'upsert' && opHeader !== 'delete')
    return {
      kind: 'dead',
      reason: `header ${UPSTREAM_OP_HEADER} must be upsert or delete, got ${opHeader.slice(0, 40)}`,
    };

  const base = {
    index: Number(message.offset),
    origin: `kafka:${message.topic}/${message.partition}@${message.offset}`,
  };
  if (message.value === null || message.value.length === 0) {
    const record: IncomingRecord = message.key
      ? { ...base, op: 'delete', value: { externalId: message.key } }
      : {
          ...base,
          op: 'delete',
          value: null,
          unreadable: 'an empty message needs the record external id as its key',
        };
    return { kind: 'record', tenantId, record };
  }
  const text = message.value.toString('utf8');
  const op = opHeader ?? 'upsert';
  try {
    return { kind: 'record', tenantId, record: { ...base, op, value: JSON.parse(text) as unknown } };
  } catch (err) {
    return {
      kind: 'record',
      tenantId,
      record: { ...base, op, value: text, unreadable: `not valid JSON: ${(err as Error).message}` },
    };
  }
}
