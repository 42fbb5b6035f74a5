import { DomainError } from '@foresight/domain';
import type {
  AllStreamResolvedEvent,
  AppendStreamState,
  CurrentStreamState,
  Filter,
  JSONEventData,
  Position,
  ResolvedEvent,
} from '@kurrent/kurrentdb-client';
import type { PreparedEvent } from '../append-validation';
import { AllFilter, categoryOf, EventMetadata, ExpectedRevision, RecordedEvent } from '../event-store.port';

/**
 * Pure translations between the port and the KurrentDB client, kept apart from I/O so they are
 * unit-tested here even where no KurrentDB server runs.
 */

/** KurrentDB has no occurred-at field; it travels in metadata under this key and is removed on read. */
export const OCCURRED_AT_KEY = 'occurredAt';

export function toStreamState(expected: ExpectedRevision): AppendStreamState {
  if (expected === 'any') return 'any';
  if (expected === 'no_stream' || expected === -1) return 'no_stream';
  if (expected === 'exists') return 'stream_exists';
  return BigInt(expected);
}

/** The port reports a missing stream as -1. */
export function toActualRevision(state: CurrentStreamState | undefined): number {
  return typeof state === 'bigint' ? Number(state) : -1;
}

export function encodeCheckpoint(position: Position): string {
  return `${position.commit}:${position.prepare}`;
}

export function decodeCheckpoint(checkpoint: string): Position {
  const match = /^(\d{1,20}):(\d{1,20})$/.exec(checkpoint);
  if (!match)
    throw new DomainError(
      'EVENTSTORE.INVALID_CHECKPOINT',
      `Invalid checkpoint ${JSON.stringify(checkpoint)}: pass a RecordedEvent.checkpoint of this store`,
    );
  return { commit: BigInt(match[1]), prepare: BigInt(match[2]) };
}

/** $all is ordered by (commit, prepare). */
export function isAfter(position: Position, after: Position | undefined): boolean {
  if (!after) return true;
  return (
    position.commit > after.commit || (position.commit === after.commit && position.prepare > after.prepare)
  );
}

export function toEventData(event: PreparedEvent): JSONEventData {
  return {
    id: event.id,
    contentType: 'application/json',
    type: event.type,
    data: event.data as JSONEventData['data'],
    metadata: { ...event.metadata, [OCCURRED_AT_KEY]: event.occurredAt.toISOString() },
  };
}

/**
 * Our events only: system streams and types (`$...`), link events and non-JSON records are skipped.
 * Stream reads on servers older than 22.6 carry no position; those events get position -1.
 */
export function fromResolved(resolved: ResolvedEvent | AllStreamResolvedEvent): RecordedEvent | undefined {
  const event = resolved.event;
  if (!event || !event.isJson) return undefined;
  if (event.streamId.startsWith('$') || event.type.startsWith('$')) return undefined;
  const raw = (event.metadata ?? {}) as Record<string, unknown>;
  const { [OCCURRED_AT_KEY]: occurredAt, ...metadata } = raw;
  const position = event.position ?? { commit: -1n, prepare: -1n };
  return {
    id: event.id,
    stream: event.streamId,
    type: event.type,
    data: event.data,
    metadata: metadata as EventMetadata,
    revision: Number(event.revision),
    position: position.commit,
    checkpoint: encodeCheckpoint(position),
    occurredAt: typeof occurredAt === 'string' ? new Date(occurredAt) : event.created,
    recordedAt: event.created,
  };
}

const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The server-side filter for readAll / subscribeToAll. KurrentDB takes one filter (stream name OR
 * event type), so with both the category one runs on the server and `matchesFilter` checks types.
 * Without a filter, system events are excluded on the server.
 */
export function serverFilter(filter: AllFilter | undefined): Filter {
  if (filter?.categories)
    return {
      filterOn: 'streamName',
      regex: `^(?:${filter.categories.map(escapeRegex).join('|')})-`,
      checkpointInterval: 1,
    };
  if (filter?.types)
    return {
      filterOn: 'eventType',
      regex: `^(?:${filter.types.map(escapeRegex).join('|')})$`,
      checkpointInterval: 1,
    };
  return { filterOn: 'eventType', regex: '^[^$]', checkpointInterval: 1 };
}

export function matchesFilter(event: RecordedEvent, filter: AllFilter | undefined): boolean {
  if (filter?.categories && !filter.categories.includes(categoryOf(event.stream))) return false;
  if (filter?.types && !filter.types.includes(event.type)) return false;
  return true;
}
