import { Client } from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { EventStore, InvalidAppend, NewEvent, RecordedEvent } from '../src/event-store.port';
import { PostgresEventStore } from '../src/postgres/postgres-event-store.adapter';
import { MIGRATIONS } from '../src/postgres/postgres-migrations';
import { eventStoreContract } from './event-store.contract';
import { dropSchema, eventually, pgUrl, sleep, uniqueSchema, withClient } from './pg-test-support';

const ev = (type: string, data: Record<string, unknown> = {}): NewEvent => ({
  type,
  data,
  metadata: { tenantId: 'tenant-a' },
});

describe('PostgreSQL event store: contract', () => {
  const schema = uniqueSchema();
  eventStoreContract(
    async () => new PostgresEventStore(await pgUrl(), { schema }),
    async (store) => {
      await store.close();
      await dropSchema(schema);
    },
  );
});

describe('PostgreSQL event store: specifics', () => {
  const schema = uniqueSchema();
  const stores: EventStore[] = [];
  let url: string;
  const open = (options: ConstructorParameters<typeof PostgresEventStore>[1] = {}): PostgresEventStore => {
    const store = new PostgresEventStore(url, { schema, ...options });
    stores.push(store);
    return store;
  };
  beforeAll(async () => {
    url = await pgUrl();
  });
  afterAll(async () => {
    await Promise.all(stores.map((s) => s.close()));
    await dropSchema(schema);
  });

  it('migrates once when several processes start on a fresh schema together', async () => {
    const fresh = uniqueSchema('es_mig');
    const starting = Array.from(
      { length: 4 },
      () => new PostgresEventStore(url, { schema: fresh, poolSize: 1 }),
    );
    try {
      await Promise.all(starting.map((s) => s.migrate()));
      await Promise.all(starting.map((s) => s.append('boot-1', [ev('Booted')])));
      const rows = await withClient(
        async (c) => (await c.query(`SELECT version FROM "${fresh}".migrations`)).rows,
      );
      expect(rows.map((r: { version: number }) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
      expect(await starting[0]!.read('boot-1')).toHaveLength(4);
    } finally {
      await Promise.all(starting.map((s) => s.close()));
      await dropSchema(fresh);
    }
  });

  it('keeps schemas apart: a service sees only its own streams', async () => {
    const otherSchema = uniqueSchema('es_other');
    const mine = open();
    const theirs = new PostgresEventStore(url, { schema: otherSchema, poolSize: 1 });
    try {
      await mine.append('iso-1', [ev('Mine')]);
      expect(await theirs.read('iso-1')).toEqual([]);
      expect(await theirs.readAll()).toEqual([]);
    } finally {
      await theirs.close();
      await dropSchema(otherSchema);
    }
  });

  it('refuses an event id already recorded in another stream, writing nothing', async () => {
    const store = open();
    const id = uuidv7();
    await store.append('dup-1', [{ ...ev('A'), id }]);
    const err = await store.append('dup-2', [{ ...ev('A'), id }]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidAppend);
    expect(err).toMatchObject({ code: 'EVENTSTORE.DUPLICATE_EVENT_ID', kind: 'conflict' });
    expect((err as Error).message).toContain('dup-1');
    expect(await store.read('dup-2')).toEqual([]);
  });

  it('10 concurrent identical appends record the batch once and all return its result', async () => {
    const store = open({ poolSize: 10 });
    const batch = [
      { ...ev('A'), id: uuidv7() },
      { ...ev('B'), id: uuidv7() },
    ];
    const results = await Promise.all(Array.from({ length: 10 }, () => store.append('same-1', batch)));
    expect(new Set(results.map((r) => `${r.nextRevision}@${r.position}`)).size).toBe(1);
    expect((await store.read('same-1')).map((e) => e.type)).toEqual(['A', 'B']);
  });

  it.each(['in-transaction', 'after-commit'] as const)(
    'LISTEN/NOTIFY (%s) delivers a new event to a subscriber long before its next poll',
    async (notify) => {
      const reader = open({ pollIntervalMs: 60_000 });
      const writer = open({ notify });
      const category = `notify${notify.replace('-', '')}`;
      const seen: string[] = [];
      const sub = reader.subscribeAll({ filter: { categories: [category] } }, async (events) => {
        seen.push(...events.map((e) => e.type));
      });
      try {
        await sub.caughtUp;
        await writer.append(`${category}-1`, [ev('Woken')]);
        // The poll is a minute away: only the notification can deliver within the 15 s this waits.
        await eventually(() => expect(seen).toEqual(['Woken']));
      } finally {
        await sub.stop();
      }
    },
  );

  it('an append that commits late (earlier position, still open) is delivered, before the later one', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let held!: () => void;
    const holding = new Promise<void>((r) => (held = r));
    const slow = open({
      testHooks: {
        beforeCommit: async () => {
          held();
          await gate;
        },
      },
    });
    const fast = open();
    const reader = open({ pollIntervalMs: 60_000 });
    const seen: RecordedEvent[] = [];
    const sub = reader.subscribeAll({ filter: { categories: ['late'] } }, async (events) => {
      seen.push(...events);
    });
    try {
      await sub.caughtUp;
      const slowAppend = slow.append('late-a', [ev('Early')]);
      await holding;
      const later = await fast.append('late-b', [ev('Later')]);
      await sleep(300);
      // Delivering "Later" now would move the subscriber past the open transaction's position.
      expect(seen).toEqual([]);
      release();
      const early = await slowAppend;
      expect(early.position < later.position).toBe(true);
      await eventually(() => expect(seen.map((e) => e.type)).toEqual(['Early', 'Later']));
    } finally {
      release();
      await sub.stop();
    }
  });

  it('re-polls quickly while a notified commit hides behind an unrelated open transaction', async () => {
    const store = open({ pollIntervalMs: 60_000 });
    const seen: string[] = [];
    const sub = store.subscribeAll({ filter: { categories: ['horizon'] } }, async (events) => {
      seen.push(...events.map((e) => e.type));
    });
    const blocker = new Client({ connectionString: url });
    await blocker.connect();
    try {
      await sub.caughtUp;
      await blocker.query('BEGIN');
      await blocker.query('SELECT pg_current_xact_id()');
      await store.append('horizon-1', [ev('Hidden')]);
      await sleep(300);
      expect(seen).toEqual([]);
      // Ending this transaction sends no notification; the subscriber must find the event on its own.
      await blocker.query('COMMIT');
      await eventually(() => expect(seen).toEqual(['Hidden']));
    } finally {
      await blocker.query('ROLLBACK').catch(() => undefined);
      await blocker.end();
      await sub.stop();
    }
  });
});
