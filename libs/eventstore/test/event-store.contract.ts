import { DomainError } from '@foresight/domain';
import { randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import {
  EventStore,
  InvalidAppend,
  NewEvent,
  RecordedEvent,
  WrongExpectedVersion,
} from '../src/event-store.port';

/**
 * The behaviour every adapter must share. Each test writes to categories (and event types) unique to
 * this run, so it holds on a store other runs write to at the same time (KurrentDB has no schemas).
 */
export function eventStoreContract(
  open: () => Promise<EventStore>,
  close: (store: EventStore) => Promise<void>,
): void {
  const run = randomBytes(4).toString('hex');
  let counter = 0;
  const category = (base = 'c'): string => `${base}${run}n${counter++}`;
  const stream = (cat = category()): string => `${cat}-${uuidv7()}`;
  const ev = (
    type: string,
    data: Record<string, unknown> = {},
    metadata: Record<string, unknown> = {},
  ): NewEvent => ({
    type,
    data,
    metadata: { tenantId: 'tenant-a', ...metadata },
  });

  let store: EventStore;
  beforeAll(async () => {
    store = await open();
  });
  afterAll(async () => {
    await close(store);
  });

  async function eventually<T>(check: () => T | Promise<T>, timeoutMs = 10_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        return await check();
      } catch (err) {
        if (Date.now() > deadline) throw err;
        await new Promise((r) => setTimeout(r, 20));
      }
    }
  }

  async function wrongVersion(p: Promise<unknown>): Promise<WrongExpectedVersion> {
    const err = await p.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(WrongExpectedVersion);
    return err as WrongExpectedVersion;
  }

  describe('append with an expected revision', () => {
    it("'no_stream' creates a stream once; a second create conflicts with the actual revision", async () => {
      const s = stream();
      await expect(store.append(s, [ev('A'), ev('B')], { expected: 'no_stream' })).resolves.toMatchObject({
        nextRevision: 1,
      });
      const err = await wrongVersion(store.append(s, [ev('C')], { expected: 'no_stream' }));
      expect(err).toMatchObject({ stream: s, expected: 'no_stream', actual: 1 });
      expect(err).toBeInstanceOf(DomainError);
      expect(err.kind).toBe('conflict');
      expect((await store.read(s)).map((e) => e.type)).toEqual(['A', 'B']);
    });

    it("'exists' refuses a missing stream and appends to an existing one", async () => {
      const s = stream();
      expect(await wrongVersion(store.append(s, [ev('A')], { expected: 'exists' }))).toMatchObject({
        actual: -1,
      });
      expect(await store.read(s)).toEqual([]);
      await store.append(s, [ev('A')]);
      await expect(store.append(s, [ev('B')], { expected: 'exists' })).resolves.toMatchObject({
        nextRevision: 1,
      });
    });

    it('a number must equal the current revision; -1 means no stream', async () => {
      const s = stream();
      expect(await wrongVersion(store.append(s, [ev('A')], { expected: 0 }))).toMatchObject({ actual: -1 });
      await expect(store.append(s, [ev('A')], { expected: -1 })).resolves.toMatchObject({ nextRevision: 0 });
      await expect(store.append(s, [ev('B'), ev('C')], { expected: 0 })).resolves.toMatchObject({
        nextRevision: 2,
      });
      const stale = await wrongVersion(store.append(s, [ev('D')], { expected: 0 }));
      expect(stale).toMatchObject({ expected: 0, actual: 2 });
      await expect(store.append(s, [ev('D')], { expected: stale.actual })).resolves.toMatchObject({
        nextRevision: 3,
      });
      expect((await store.read(s)).map((e) => [e.type, e.revision])).toEqual([
        ['A', 0],
        ['B', 1],
        ['C', 2],
        ['D', 3],
      ]);
    });

    it("'any' (the default) creates and appends without a check", async () => {
      const s = stream();
      await expect(store.append(s, [ev('A')], { expected: 'any' })).resolves.toMatchObject({
        nextRevision: 0,
      });
      await expect(store.append(s, [ev('B'), ev('C')])).resolves.toMatchObject({ nextRevision: 2 });
    });

    it("returns the last event's revision and global position", async () => {
      const s = stream();
      const result = await store.append(s, [ev('A'), ev('B')]);
      const events = await store.read(s);
      expect(result).toEqual({ nextRevision: 1, position: events[1]!.position });
    });
  });

  describe('read a stream', () => {
    let s: string;
    beforeAll(async () => {
      s = stream();
      for (let i = 0; i < 5; i++) await store.append(s, [ev(`E${i}`, { i })]);
    });

    it('reads forwards, from a revision, with a limit', async () => {
      expect((await store.read(s)).map((e) => e.revision)).toEqual([0, 1, 2, 3, 4]);
      expect((await store.read(s, { from: 2 })).map((e) => e.revision)).toEqual([2, 3, 4]);
      expect((await store.read(s, { from: 1, limit: 2 })).map((e) => e.revision)).toEqual([1, 2]);
      expect(await store.read(s, { from: 5 })).toEqual([]);
    });

    it('reads backwards, from a revision, with a limit', async () => {
      expect((await store.read(s, { direction: 'backwards' })).map((e) => e.revision)).toEqual([
        4, 3, 2, 1, 0,
      ]);
      expect((await store.read(s, { direction: 'backwards', limit: 1 })).map((e) => e.type)).toEqual(['E4']);
      expect(
        (await store.read(s, { direction: 'backwards', from: 2, limit: 2 })).map((e) => e.revision),
      ).toEqual([2, 1]);
    });

    it('returns an empty list for a stream that does not exist', async () => {
      expect(await store.read(stream())).toEqual([]);
    });
  });

  describe('metadata and data', () => {
    it('round-trip ids, types, data, tenant and the other metadata, and times', async () => {
      const s = stream();
      const id = uuidv7();
      const occurredAt = new Date('2026-03-04T05:06:07.089Z');
      const data = {
        name: 'Acme',
        nested: { list: [1, 'two', null, { deep: true }] },
        score: 0.25,
        empty: {},
      };
      const metadata = {
        tenantId: 'tenant-b',
        correlationId: 'corr-1',
        causationId: 'cause-1',
        actor: 'user-7',
        traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
        custom: { source: 'crm', tags: ['x'] },
      };
      const before = Date.now();
      await store.append(s, [{ id, type: 'AccountImported', data, metadata, occurredAt }]);
      const [recorded] = await store.read(s);
      expect(recorded).toMatchObject({
        id,
        stream: s,
        type: 'AccountImported',
        data,
        metadata,
        revision: 0,
        occurredAt,
      });
      expect(recorded!.metadata).toEqual(metadata);
      expect(recorded!.recordedAt).toBeInstanceOf(Date);
      expect(Math.abs(recorded!.recordedAt.getTime() - before)).toBeLessThan(60_000);
      const [viaAll] = await store.readAll({ filter: { categories: [s.split('-')[0]!] } });
      expect(viaAll).toEqual(recorded);
    });

    it('defaults occurredAt to the append time and generates distinct ids', async () => {
      const s = stream();
      const before = Date.now();
      await store.append(s, [ev('A'), ev('B')]);
      const [a, b] = await store.read(s);
      expect(a!.id).not.toEqual(b!.id);
      expect(Math.abs(a!.occurredAt.getTime() - before)).toBeLessThan(60_000);
    });
  });

  describe('idempotent append (first event id already in the stream)', () => {
    it('re-appending the same batch writes nothing and returns the original result, even with a stale expected revision', async () => {
      const s = stream();
      await store.append(s, [ev('Before')]);
      const batch = [
        { ...ev('A'), id: uuidv7() },
        { ...ev('B'), id: uuidv7() },
      ];
      const first = await store.append(s, batch, { expected: 0 });
      await store.append(s, [ev('After')]);
      expect(await store.append(s, batch, { expected: 0 })).toEqual(first);
      expect(await store.append(s, batch, { expected: 'no_stream' })).toEqual(first);
      expect(await store.append(s, batch)).toEqual(first);
      expect((await store.read(s)).map((e) => e.type)).toEqual(['Before', 'A', 'B', 'After']);
    });
  });

  describe('validation', () => {
    it.each(['nodash', 'report-a.b', 'report-', '-x', 'a b-1'])(
      'rejects stream name %j before writing',
      async (name) => {
        await expect(store.append(name, [ev('A')])).rejects.toMatchObject({
          code: 'EVENTSTORE.INVALID_STREAM_NAME',
        });
        await expect(store.read(name)).rejects.toBeInstanceOf(InvalidAppend);
      },
    );

    it('rejects a batch with an event missing metadata.tenantId, writing none of it', async () => {
      const s = stream();
      const noTenant = { type: 'B', data: {}, metadata: { correlationId: 'x' } } as unknown as NewEvent;
      const err = await store.append(s, [ev('A'), noTenant]).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(InvalidAppend);
      expect(err).toMatchObject({ code: 'EVENTSTORE.MISSING_TENANT', kind: 'invalid' });
      expect((err as Error).message).toMatch(/tenantId/);
      expect(await store.read(s)).toEqual([]);
    });
  });

  describe('readAll', () => {
    const cat = category('all');
    const other = category('oth');
    const s1 = `${cat}-one`;
    const s2 = `${cat}-two`;
    const s3 = `${other}-three`;
    let all: RecordedEvent[];
    beforeAll(async () => {
      await store.append(s1, [ev(`Opened${run}`, { n: 1 })]);
      await store.append(s2, [ev(`Opened${run}`, { n: 2 }), ev(`Noted${run}`, { n: 3 })]);
      await store.append(s3, [ev(`Opened${run}`, { n: 4 })]);
      await store.append(s1, [ev(`Closed${run}`, { n: 5 })]);
      all = await store.readAll({ filter: { categories: [cat, other] } });
    });

    it('returns events across streams in append order', () => {
      expect(all.map((e) => e.data)).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }, { n: 4 }, { n: 5 }]);
      expect(all.map((e) => `${e.stream}@${e.revision}`)).toEqual([
        `${s1}@0`,
        `${s2}@0`,
        `${s2}@1`,
        `${s3}@0`,
        `${s1}@1`,
      ]);
    });

    it('has positions that grow between sequential appends and never go back', () => {
      for (let i = 1; i < all.length; i++) expect(all[i]!.position >= all[i - 1]!.position).toBe(true);
      const firstOfEachAppend = [all[0]!, all[1]!, all[3]!, all[4]!];
      for (let i = 1; i < firstOfEachAppend.length; i++)
        expect(firstOfEachAppend[i]!.position > firstOfEachAppend[i - 1]!.position).toBe(true);
    });

    it('continues after a checkpoint (exclusive) and honours limit', async () => {
      const filter = { categories: [cat, other] };
      expect((await store.readAll({ filter, after: all[1]!.checkpoint })).map((e) => e.data)).toEqual([
        { n: 3 },
        { n: 4 },
        { n: 5 },
      ]);
      expect(
        (await store.readAll({ filter, after: all[1]!.checkpoint, limit: 2 })).map((e) => e.data),
      ).toEqual([{ n: 3 }, { n: 4 }]);
      expect(await store.readAll({ filter, after: all[4]!.checkpoint })).toEqual([]);
      expect(await store.readAll({ filter, limit: 0 })).toEqual([]);
    });

    it('filters by category, by type, and by both', async () => {
      expect((await store.readAll({ filter: { categories: [other] } })).map((e) => e.data)).toEqual([
        { n: 4 },
      ]);
      expect((await store.readAll({ filter: { types: [`Opened${run}`] } })).map((e) => e.data)).toEqual([
        { n: 1 },
        { n: 2 },
        { n: 4 },
      ]);
      expect(
        (await store.readAll({ filter: { types: [`Noted${run}`, `Closed${run}`] } })).map((e) => e.data),
      ).toEqual([{ n: 3 }, { n: 5 }]);
      expect(
        (await store.readAll({ filter: { categories: [cat], types: [`Opened${run}`] } })).map((e) => e.data),
      ).toEqual([{ n: 1 }, { n: 2 }]);
    });

    it('rejects a checkpoint it did not issue', async () => {
      await expect(store.readAll({ after: 'not-a-checkpoint' })).rejects.toMatchObject({
        code: 'EVENTSTORE.INVALID_CHECKPOINT',
      });
    });
  });

  describe('subscribeAll', () => {
    it('catches up in batches, resolves caughtUp, then delivers live events in order, each once', async () => {
      const cat = category('sub');
      const s = `${cat}-1`;
      await store.append(s, [ev('H0'), ev('H1'), ev('H2')]);
      await store.append(`${category('noise')}-1`, [ev('Noise')]);
      const batches: RecordedEvent[][] = [];
      const sub = store.subscribeAll({ filter: { categories: [cat] }, batchSize: 2 }, async (events) => {
        batches.push([...events]);
      });
      try {
        await sub.caughtUp;
        expect(batches.flat().map((e) => e.type)).toEqual(['H0', 'H1', 'H2']);
        expect(Math.max(...batches.map((b) => b.length))).toBeLessThanOrEqual(2);
        await store.append(s, [ev('L3')]);
        await store.append(`${cat}-2`, [ev('L4'), ev('L5')]);
        await eventually(() =>
          expect(batches.flat().map((e) => e.type)).toEqual(['H0', 'H1', 'H2', 'L3', 'L4', 'L5']),
        );
      } finally {
        await sub.stop();
      }
    });

    it('starts after a checkpoint', async () => {
      const cat = category('sub');
      await store.append(`${cat}-1`, [ev('A'), ev('B'), ev('C')]);
      const [, b] = await store.readAll({ filter: { categories: [cat] } });
      const seen: string[] = [];
      const sub = store.subscribeAll(
        { filter: { categories: [cat] }, after: b!.checkpoint },
        async (events) => {
          seen.push(...events.map((e) => e.type));
        },
      );
      await sub.caughtUp;
      await sub.stop();
      expect(seen).toEqual(['C']);
    });

    it('stop() waits for the batch in flight, and nothing is delivered afterwards', async () => {
      const cat = category('sub');
      let inFlight = false;
      let finished = 0;
      let entered!: () => void;
      const handlerEntered = new Promise<void>((r) => (entered = r));
      const sub = store.subscribeAll({ filter: { categories: [cat] } }, async (events) => {
        inFlight = true;
        entered();
        await new Promise((r) => setTimeout(r, 300));
        finished += events.length;
        inFlight = false;
      });
      await sub.caughtUp;
      await store.append(`${cat}-1`, [ev('A')]);
      await handlerEntered;
      await sub.stop();
      expect(inFlight).toBe(false);
      expect(finished).toBe(1);
      await store.append(`${cat}-1`, [ev('B')]);
      await new Promise((r) => setTimeout(r, 300));
      expect(finished).toBe(1);
    });

    it('a handler error stops the subscription and reaches onError', async () => {
      const cat = category('sub');
      await store.append(`${cat}-1`, [ev('A')]);
      const boom = new Error('projection failed');
      const calls: string[] = [];
      let reported: Error | undefined;
      const sub = store.subscribeAll(
        { filter: { categories: [cat] } },
        async (events) => {
          calls.push(...events.map((e) => e.type));
          throw boom;
        },
        (err) => (reported = err),
      );
      await expect(sub.caughtUp).rejects.toBe(boom);
      expect(reported).toBe(boom);
      await store.append(`${cat}-1`, [ev('B')]);
      await new Promise((r) => setTimeout(r, 300));
      expect(calls).toEqual(['A']);
      await sub.stop();
    });
  });
}
