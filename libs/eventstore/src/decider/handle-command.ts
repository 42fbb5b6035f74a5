import type { Command, Decider, Event } from '@foresight/domain';
import { v5 as uuidv5 } from 'uuid';
import {
  EventMetadata,
  EventStore,
  ExpectedRevision,
  NewEvent,
  RecordedEvent,
  WrongExpectedVersion,
} from '../event-store.port';

/** Namespace of the event ids derived from an idempotency key (UUIDv5), fixed forever. */
const EVENT_ID_NAMESPACE = '6f1c9a52-5a0e-4d4b-9a43-3c1f0e7d2b18';

export interface HandleOptions {
  /** Copied onto every appended event; tenantId is required by the store. */
  metadata: EventMetadata;
  /**
   * The revision the caller last saw (e.g. from an If-Match header). A stream that moved since fails
   * at once with WrongExpectedVersion, without retries: the caller decided on a stale view.
   */
  expected?: ExpectedRevision;
  /** Re-reads and re-decides this many times when another writer appended in between. Default 3. */
  retries?: number;
  /**
   * Makes the command idempotent, e.g. the id of the message being reacted to: event ids are derived
   * from it, and when the stream already holds the first of them nothing is decided or appended.
   */
  idempotencyKey?: string;
  /** Stored as each event's occurredAt; default: the append time. */
  occurredAt?: Date;
}

export interface HandleResult<State, Evt> {
  /** The events this call appended; empty when the decider decided nothing or the key was already handled. */
  events: Evt[];
  newState: State;
  /** The stream's revision after the call; -1 when the stream still does not exist. */
  nextRevision: number;
  /** Global position of the stream's last event, when it has one. */
  position: bigint | undefined;
  /** True when `idempotencyKey` had already been handled. */
  alreadyHandled: boolean;
}

export function eventIdFor(idempotencyKey: string, index: number): string {
  return uuidv5(`${idempotencyKey}#${index}`, EVENT_ID_NAMESPACE);
}

function satisfies(expected: ExpectedRevision, current: number): boolean {
  if (expected === 'any') return true;
  if (expected === 'no_stream') return current === -1;
  if (expected === 'exists') return current >= 0;
  return expected === current;
}

/**
 * Read → fold → decide → append with the read revision as the expected one. A concurrent append makes
 * the append fail; the whole cycle then runs again on the new state, up to `retries` times, so the
 * decision is always made on the state it is appended after.
 */
export async function handle<State, Cmd extends Command, Evt extends Event>(
  store: EventStore,
  stream: string,
  decider: Decider<State, Cmd, Evt>,
  command: Cmd,
  options: HandleOptions,
): Promise<HandleResult<State, Evt>> {
  const retries = options.retries ?? 3;
  for (let attempt = 0; ; attempt++) {
    const recorded = await store.read(stream);
    const state = recorded.reduce((s, e) => decider.evolve(s, asDomainEvent<Evt>(e)), decider.initialState());
    const last = recorded[recorded.length - 1];
    const current = last ? last.revision : -1;
    const position = last?.position;

    if (options.expected !== undefined && !satisfies(options.expected, current))
      throw new WrongExpectedVersion(stream, options.expected, current);
    if (options.idempotencyKey !== undefined) {
      const firstId = eventIdFor(options.idempotencyKey, 0);
      if (recorded.some((e) => e.id === firstId))
        return { events: [], newState: state, nextRevision: current, position, alreadyHandled: true };
    }

    const decided = decider.decide(command, state);
    const events = Array.isArray(decided) ? decided : [decided];
    if (events.length === 0)
      return { events: [], newState: state, nextRevision: current, position, alreadyHandled: false };

    const toAppend: NewEvent[] = events.map((event, index) => ({
      id: options.idempotencyKey !== undefined ? eventIdFor(options.idempotencyKey, index) : undefined,
      type: event.type,
      data: event.data,
      metadata: options.metadata,
      occurredAt: options.occurredAt,
    }));
    try {
      const result = await store.append(stream, toAppend, { expected: current });
      return {
        events,
        newState: events.reduce(decider.evolve, state),
        nextRevision: result.nextRevision,
        position: result.position,
        alreadyHandled: false,
      };
    } catch (err) {
      const callerPinned = options.expected !== undefined && options.expected !== 'any';
      if (!(err instanceof WrongExpectedVersion) || callerPinned || attempt >= retries) throw err;
    }
  }
}

function asDomainEvent<Evt extends Event>(event: RecordedEvent): Evt {
  // Stored events were produced by this decider's own type; upcasting, when needed, belongs here.
  return { type: event.type, data: event.data } as unknown as Evt;
}
