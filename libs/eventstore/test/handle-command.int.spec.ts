import { Command, Decider, DomainError, Event } from '@foresight/domain';
import { handle } from '../src/decider/handle-command';
import { EventStore, WrongExpectedVersion } from '../src/event-store.port';
import { PostgresEventStore } from '../src/postgres/postgres-event-store.adapter';
import { dropSchema, pgUrl, uniqueSchema } from './pg-test-support';

type Reserved = Event<'SeatsReserved', { seats: number; by: string }>;
type Reserve = Command<'Reserve', { seats: number; by: string }>;
type Venue = { reserved: number; capacity: number };

/** A venue with 10 seats: a reservation beyond capacity is refused. */
const venue: Decider<Venue, Reserve, Reserved> = {
  initialState: () => ({ reserved: 0, capacity: 10 }),
  decide: (command, state) => {
    if (state.reserved + command.data.seats > state.capacity)
      throw new DomainError('VENUE.FULL', `only ${state.capacity - state.reserved} seats left`, 'conflict');
    return command.data.seats === 0 ? [] : { type: 'SeatsReserved', data: command.data };
  },
  evolve: (state, event) => ({ ...state, reserved: state.reserved + event.data.seats }),
};

const reserve = (seats: number, by: string): Reserve => ({ type: 'Reserve', data: { seats, by } });
const metadata = { tenantId: 'tenant-a', actor: 'test' };

/**
 * The real store, with reads held until both callers have read once: the two decisions are then
 * made on the same state, so one append must conflict.
 */
function bothReadFirst(store: EventStore): EventStore {
  let waiting: (() => void) | undefined;
  let reads = 0;
  return {
    append: (...args) => store.append(...args),
    readAll: (...args) => store.readAll(...args),
    subscribeAll: (...args) => store.subscribeAll(...args),
    ping: () => store.ping(),
    close: () => store.close(),
    read: async (...args) => {
      const events = await store.read(...args);
      if (++reads <= 2) {
        if (waiting) waiting();
        else await new Promise<void>((resolve) => (waiting = resolve));
      }
      return events;
    },
  };
}

describe('handle (decider over the event store)', () => {
  const schema = uniqueSchema('es_handle');
  let store: PostgresEventStore;
  let n = 0;
  const stream = (): string => `venue-${n++}`;
  beforeAll(async () => {
    store = new PostgresEventStore(await pgUrl(), { schema });
  });
  afterAll(async () => {
    await store.close();
    await dropSchema(schema);
  });

  it('reads, decides, appends and returns the new state, revision and position', async () => {
    const s = stream();
    await handle(store, s, venue, reserve(2, 'ann'), { metadata });
    const result = await handle(store, s, venue, reserve(3, 'bob'), { metadata });
    expect(result).toMatchObject({
      events: [{ type: 'SeatsReserved', data: { seats: 3, by: 'bob' } }],
      newState: { reserved: 5 },
      nextRevision: 1,
      alreadyHandled: false,
    });
    const recorded = await store.read(s);
    expect(result.position).toBe(recorded[1]!.position);
    expect(recorded[1]!.metadata).toEqual(metadata);
  });

  it('retries a decision that lost a race, deciding again on the new state', async () => {
    const s = stream();
    const racing = bothReadFirst(store);
    const [a, b] = await Promise.all([
      handle(racing, s, venue, reserve(4, 'ann'), { metadata }),
      handle(racing, s, venue, reserve(4, 'bob'), { metadata }),
    ]);
    expect([a.nextRevision, b.nextRevision].sort()).toEqual([0, 1]);
    expect(Math.max(a.newState.reserved, b.newState.reserved)).toBe(8);
    expect((await store.read(s)).map((e) => (e.data as { by: string }).by).sort()).toEqual(['ann', 'bob']);
  });

  it('re-decides after a race and can then refuse: the rule holds against the real state', async () => {
    const s = stream();
    const racing = bothReadFirst(store);
    const outcomes = await Promise.allSettled([
      handle(racing, s, venue, reserve(6, 'ann'), { metadata }),
      handle(racing, s, venue, reserve(6, 'bob'), { metadata }),
    ]);
    const refused = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as unknown] : []));
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ code: 'VENUE.FULL' });
    expect(await store.read(s)).toHaveLength(1);
  });

  it('with retries: 0 the loser gets WrongExpectedVersion', async () => {
    const s = stream();
    const racing = bothReadFirst(store);
    const outcomes = await Promise.allSettled([
      handle(racing, s, venue, reserve(1, 'ann'), { metadata, retries: 0 }),
      handle(racing, s, venue, reserve(1, 'bob'), { metadata, retries: 0 }),
    ]);
    const rejected = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as unknown] : []));
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toBeInstanceOf(WrongExpectedVersion);
  });

  it("fails at once when the caller's expected revision is stale, appending nothing", async () => {
    const s = stream();
    await handle(store, s, venue, reserve(1, 'ann'), { metadata });
    await handle(store, s, venue, reserve(1, 'bob'), { metadata });
    await expect(handle(store, s, venue, reserve(1, 'cy'), { metadata, expected: 0 })).rejects.toMatchObject({
      expected: 0,
      actual: 1,
    });
    await expect(handle(store, s, venue, reserve(1, 'cy'), { metadata, expected: 1 })).resolves.toMatchObject(
      {
        nextRevision: 2,
      },
    );
    expect(await store.read(s)).toHaveLength(3);
  });

  it('an idempotency key makes a redelivered command a no-op', async () => {
    const s = stream();
    const first = await handle(store, s, venue, reserve(2, 'ann'), { metadata, idempotencyKey: 'msg-1' });
    const again = await handle(store, s, venue, reserve(2, 'ann'), { metadata, idempotencyKey: 'msg-1' });
    expect(again).toMatchObject({
      events: [],
      alreadyHandled: true,
      nextRevision: 0,
      newState: { reserved: 2 },
    });
    expect(again.position).toBe(first.position);
    await handle(store, s, venue, reserve(2, 'ann'), { metadata, idempotencyKey: 'msg-2' });
    expect(await store.read(s)).toHaveLength(2);
  });

  it('appends nothing when the decider decides nothing or refuses', async () => {
    const s = stream();
    await expect(handle(store, s, venue, reserve(0, 'ann'), { metadata })).resolves.toMatchObject({
      events: [],
      nextRevision: -1,
      position: undefined,
    });
    await expect(handle(store, s, venue, reserve(11, 'ann'), { metadata })).rejects.toMatchObject({
      code: 'VENUE.FULL',
    });
    expect(await store.read(s)).toEqual([]);
  });
});
