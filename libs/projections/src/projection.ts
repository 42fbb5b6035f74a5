import type { Envelope } from '@foresight/contracts';
import type { RecordedEvent } from '@foresight/eventstore';

/**
 * What a projection sees of an event, whichever way it arrived: from the service's own event store
 * (subscribeAll / readAll) or from another service's Kafka topic (the envelope carries the source
 * stream and revision). `stream` + `revision` is what makes every write idempotent.
 */
export interface ProjectionEvent<Type extends string = string, Data = unknown> {
  id: string;
  type: Type;
  data: Data;
  /** Source stream in the producer's event store; never contains '.' (it becomes a document key). */
  stream: string;
  /** 0-based revision within `stream`. */
  revision: number;
  tenantId: string;
  occurredAt: Date;
  /** Global order in the source store, when known; feeds the lag metric. */
  position?: bigint;
  /** Resume token of an event-store subscription; absent for Kafka input (the offset is the checkpoint). */
  checkpoint?: string;
}

export function fromRecordedEvent(e: RecordedEvent): ProjectionEvent {
  return {
    id: e.id,
    type: e.type,
    data: e.data,
    stream: e.stream,
    revision: e.revision,
    tenantId: e.metadata.tenantId,
    occurredAt: e.occurredAt,
    position: e.position,
    checkpoint: e.checkpoint,
  };
}

/**
 * An integration event from Kafka. Without its source stream and revision a read model cannot tell
 * a redelivery from a new fact, so such a message is refused rather than applied twice later.
 */
export function fromEnvelope(envelope: Envelope, payload: unknown): ProjectionEvent {
  if (envelope.stream === undefined || envelope.revision === undefined || Number.isNaN(envelope.revision))
    throw new Error(
      `event ${envelope.eventId} (${envelope.type}) has no source stream/revision; cannot project it idempotently`,
    );
  return {
    id: envelope.eventId,
    type: envelope.type,
    data: payload,
    stream: envelope.stream,
    revision: envelope.revision,
    tenantId: envelope.tenantId,
    occurredAt: new Date(envelope.occurredAt),
    position: envelope.position === undefined ? undefined : BigInt(envelope.position),
  };
}

/** One index of a read model; `why` names the query it serves (it is logged nowhere; it is for readers of the code). */
export interface ProjectionIndex {
  fields: Readonly<Record<string, 1 | -1>>;
  unique?: boolean;
  why: string;
}

/**
 * A pure read model: which events it reads, which document(s) each event touches, and how a document
 * evolves. `evolve` returning null deletes the document. Documents never see bookkeeping fields
 * (`_id`, `tenantId`, `_applied`, `_v`): the runner adds and strips them.
 */
export interface Projection<Doc extends object = object, E extends ProjectionEvent = ProjectionEvent> {
  name: string;
  /** Bump when the document shape changes: the new version builds beside the old one, then takes over. */
  version: number;
  /** Physical collections are `<collectionBase>_v<version>_<buildId>`, found through `projection_aliases`. */
  collectionBase: string;
  handles: readonly E['type'][];
  /** Document id(s) an event touches; ids must be unique across tenants (they include an entity id). */
  id(event: E): string | readonly string[];
  evolve(doc: Doc | null, event: E): Doc | null;
  /** Beyond `{ tenantId: 1 }`, which every read model gets. */
  indexes?: readonly ProjectionIndex[];
}

/** Keeps the literal event union when declaring a projection object. */
export function defineProjection<Doc extends object, E extends ProjectionEvent>(
  projection: Projection<Doc, E>,
): Projection<Doc, E> {
  return projection;
}

/** What every stored document carries besides the projection's own fields. */
export interface Bookkeeping {
  _id: string;
  tenantId: string;
  /** Last revision applied per source stream: an event at or below it is a replay and is skipped. */
  _applied: Record<string, number>;
  /** Incremented on every write; writes compare-and-set on it so concurrent writers never lose an update. */
  _v: number;
}

export type Stored<Doc extends object> = Doc & Bookkeeping;

export const BOOKKEEPING_FIELDS = ['_id', 'tenantId', '_applied', '_v'] as const;

export function checkpointKey(p: Pick<Projection, 'name' | 'version'>): string {
  return `${p.name}@v${p.version}`;
}
