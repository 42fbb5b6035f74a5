import { NewEvent, RecordedEvent, WrongExpectedVersion } from '../src/event-store.port';
import { PostgresEventStore } from '../src/postgres/postgres-event-store.adapter';
import { parseCheckpoint } from '../src/postgres/postgres-subscription';
import { dropSchema, eventually, pgUrl, sleep, uniqueSchema } from './pg-test-support';

const ev = (type: string, data: Record<string, unknown> = {}): NewEvent => ({
  type,
  data,
  metadata: { tenantId: 'tenant-a' },
});

describe('PostgreSQL event store under concurrency', () => {
  const schema = uniqueSchema('es_conc');
  const stores: PostgresEventStore[] = [];
  let url: string;
  const open = (options: ConstructorParameters<typeof PostgresEventStore>[1] = {}): PostgresEventStore => {
    const store = new PostgresEventStore(url, { schema, ...options });
    stores.push(store);
    return store;
  };
  beforeAll(async () => {
    url = await pgUrl();
    await open({ poolSize: 1 }).migrate();
  });
  afterAll(async () => {
    await Promise.all(stores.map((s) => s.close()));
    await dropSchema(schema);
  });

  it('20 concurrent appends with the same expected revision: one wins, 19 get WrongExpectedVersion', async () => {
    const store = open({ poolSize: 20 });
    await store.append('race-1', [ev('Created')]);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => store.append('race-1', [ev('Raced', { i })], { expected: 0 })),
    );
    const won = outcomes.filter((o) => o.status === 'fulfilled');
    const lost = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as unknown] : []));
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(19);
    for (const err of lost) {
      expect(err).toBeInstanceOf(WrongExpectedVersion);
      expect(err).toMatchObject({ expected: 0, actual: 1 });
    }
    expect((await store.read('race-1')).map((e) => e.type)).toEqual(['Created', 'Raced']);
  });

  it("20 concurrent 'no_stream' creates of one stream: exactly one creates it", async () => {
    const store = open({ poolSize: 20 });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        store.append('create-1', [ev('Created', { i })], { expected: 'no_stream' }),
      ),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(await store.read('create-1')).toHaveLength(1);
  });

  it('8 writers, 10,000 events, commits out of position order: a subscriber started first sees each event once, in stream order', async () => {
    const TOTAL = 10_000;
    const WRITERS = 8;
    // Each append holds its transaction open 0-5 ms after writing, so a later position often commits
    // before an earlier one: exactly what a reader ordering by position alone would skip.
    const writer = open({ poolSize: WRITERS, testHooks: { beforeCommit: () => sleep(Math.random() * 5) } });
    const reader = open({ poolSize: 2 });
    const seen: RecordedEvent[] = [];
    const sub = reader.subscribeAll({ batchSize: 500, filter: { categories: ['load'] } }, async (events) => {
      seen.push(...events);
    });
    await sub.caughtUp;

    const streams = Array.from({ length: 400 }, (_, i) => `load-${i}`);
    const completionOrder: bigint[] = [];
    let remaining = TOTAL;
    await Promise.all(
      Array.from({ length: WRITERS }, async (_, w) => {
        while (remaining > 0) {
          const n = Math.min(remaining, 1 + Math.floor(Math.random() * 5));
          remaining -= n;
          const stream = streams[Math.floor(Math.random() * streams.length)]!;
          const batch = Array.from({ length: n }, (_, i) => ev('Loaded', { w, i }));
          completionOrder.push((await writer.append(stream, batch)).position);
        }
      }),
    );
    await eventually(() => expect(seen.length).toBeGreaterThanOrEqual(TOTAL), 30_000);
    await sleep(200);
    await sub.stop();

    expect(seen).toHaveLength(TOTAL);
    expect(new Set(seen.map((e) => e.id)).size).toBe(TOTAL);
    const nextRevision = new Map<string, number>();
    for (const e of seen) {
      expect(e.revision).toBe(nextRevision.get(e.stream) ?? 0);
      nextRevision.set(e.stream, e.revision + 1);
    }
    for (let i = 1; i < seen.length; i++) {
      const a = parseCheckpoint(seen[i - 1]!.checkpoint);
      const b = parseCheckpoint(seen[i]!.checkpoint);
      expect(b.xid > a.xid || (b.xid === a.xid && b.position > a.position)).toBe(true);
    }
    // The scenario really happened: appends finished out of position order, and the subscriber
    // received some events after events with higher positions.
    expect(completionOrder.some((p, i) => i > 0 && p < completionOrder[i - 1]!)).toBe(true);
    expect(seen.some((e, i) => i > 0 && e.position < seen[i - 1]!.position)).toBe(true);
  });
});
