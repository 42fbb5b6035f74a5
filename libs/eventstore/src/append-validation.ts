import { v7 as uuidv7, validate as isUuid } from 'uuid';
import { EventMetadata, ExpectedRevision, InvalidAppend, NewEvent } from './event-store.port';

/**
 * `<category>-<id>`: the category is a plain identifier (it names topics, collections and filters);
 * the id may hold dashes (UUIDs) but never '.', whitespace or a leading '$' (KurrentDB system streams).
 */
const STREAM_NAME = /^[A-Za-z][A-Za-z0-9_]*-[^.$\s][^.\s]*$/;
const MAX_STREAM_NAME = 200;

export function assertValidStreamName(stream: string): void {
  if (typeof stream !== 'string' || stream.length > MAX_STREAM_NAME || !STREAM_NAME.test(stream))
    throw new InvalidAppend(
      'EVENTSTORE.INVALID_STREAM_NAME',
      `Invalid stream name ${JSON.stringify(stream)}: expected <category>-<id> (category letters, digits or '_'; ` +
        `id without '.' or whitespace; at most ${MAX_STREAM_NAME} characters)`,
      String(stream),
    );
}

export function assertValidExpected(stream: string, expected: ExpectedRevision): void {
  if (expected === 'any' || expected === 'no_stream' || expected === 'exists') return;
  if (typeof expected === 'number' && Number.isSafeInteger(expected) && expected >= -1) return;
  throw new InvalidAppend(
    'EVENTSTORE.INVALID_EVENT',
    `Invalid expected revision ${JSON.stringify(expected)} for ${stream}: use 'any', 'no_stream', 'exists' or an integer >= -1`,
    stream,
  );
}

/** What an adapter writes: every field resolved, so both adapters store exactly the same thing. */
export interface PreparedEvent {
  id: string;
  type: string;
  data: unknown;
  metadata: EventMetadata;
  occurredAt: Date;
  /** True when the caller chose the id; only such appends can be replays. */
  callerId: boolean;
}

/**
 * Checks a batch before any I/O and fills in ids and times. Data and metadata must be JSON: they
 * are stored as JSON by both adapters, so a Date in data comes back as a string.
 */
export function prepareAppend(stream: string, events: readonly NewEvent[], now: Date): PreparedEvent[] {
  assertValidStreamName(stream);
  if (!Array.isArray(events) || events.length === 0)
    throw new InvalidAppend(
      'EVENTSTORE.INVALID_EVENT',
      `Append to ${stream} needs at least one event`,
      stream,
    );
  const seen = new Set<string>();
  return events.map((event, index) => {
    const where = `event #${index} (${String(event?.type)}) appended to ${stream}`;
    if (typeof event?.type !== 'string' || event.type.length === 0 || event.type.startsWith('$'))
      throw new InvalidAppend(
        'EVENTSTORE.INVALID_EVENT',
        `${where}: type must be a non-empty string not starting with '$'`,
        stream,
      );
    const tenantId = event.metadata?.tenantId;
    if (typeof tenantId !== 'string' || tenantId.trim().length === 0)
      throw new InvalidAppend(
        'EVENTSTORE.MISSING_TENANT',
        `${where}: metadata.tenantId is required (every event belongs to a tenant)`,
        stream,
      );
    if (event.id !== undefined && !isUuid(event.id))
      throw new InvalidAppend(
        'EVENTSTORE.INVALID_EVENT',
        `${where}: id ${JSON.stringify(event.id)} is not a UUID`,
        stream,
      );
    if (event.data === undefined)
      throw new InvalidAppend(
        'EVENTSTORE.INVALID_EVENT',
        `${where}: data is required (use {} for none)`,
        stream,
      );
    const occurredAt = event.occurredAt ?? now;
    if (!(occurredAt instanceof Date) || Number.isNaN(occurredAt.getTime()))
      throw new InvalidAppend('EVENTSTORE.INVALID_EVENT', `${where}: occurredAt is not a valid Date`, stream);
    const id = (event.id ?? uuidv7()).toLowerCase();
    if (seen.has(id))
      throw new InvalidAppend(
        'EVENTSTORE.DUPLICATE_EVENT_ID',
        `${where}: id ${id} appears twice in the batch`,
        stream,
      );
    seen.add(id);
    return {
      id,
      type: event.type,
      data: event.data,
      metadata: event.metadata,
      occurredAt,
      callerId: event.id !== undefined,
    };
  });
}
