import { createEventStore, EventStore, RecordedEvent } from '@foresight/eventstore';
import { registry } from '@foresight/observability';
import { uniqueName } from '@foresight/testing';
import { Connection } from 'mongoose';
import { Pool } from 'pg';
import {
  BOOKKEEPING_FIELDS,
  CheckpointDoc,
  checkpointKey,
  fromRecordedEvent,
  ProjectionCatalog,
  ProjectionRunner,
  ReadModel,
  rebuild,
} from '../src';
import { accountActivity } from './support/account-activity.projection';
import { catalogOf, cleanUp, connect, uniqueProjection } from './support/fixture';
import { appendAll, foldInMemory, workload } from './support/workload';

jest.setTimeout(60_000);

async function eventually<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The whole store, page by page (readAll returns one page). */
async function readEverything(store: EventStore, types: readonly string[], run: string) {
  const out: RecordedEvent[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await store.readAll({ after, limit: 1000, filter: { types } });
    if (page.length === 0) return out.filter((e) => e.stream.includes(run));
    out.push(...page);
    after = page[page.length - 1]!.checkpoint;
  }
}

/**
 * Documents of one test's accounts (ids start with its run id; the store is shared by the file's
 * tests) without bookkeeping, keyed by id; tenantId is kept: it is data readers filter on.
 */
async function snapshot(
  conn: Connection,
  collection: string,
  run: string,
): Promise<Map<string, Record<string, unknown>>> {
  const docs = (await conn.collection(collection).find({}).toArray()).filter((d) =>
    String(d._id).startsWith(run),
  );
  return new Map(
    docs.map((d) => {
      const own: Record<string, unknown> = { ...d };
      for (const f of BOOKKEEPING_FIELDS) if (f !== 'tenantId') delete own[f];
      return [String(d._id), own];
    }),
  );
}

describe('ProjectionRunner and rebuild (real PostgreSQL event store, real Mongo-wire server)', () => {
  const schema = uniqueName('es_proj').replace(/-/g, '_');
  let store: EventStore;
  let conn: Connection;
  let catalog: ProjectionCatalog;
  const runners: ProjectionRunner[] = [];
  const projections: (typeof accountActivity)[] = [];

  beforeAll(async () => {
    store = createEventStore(process.env['EVENTSTORE_URL']!, { schema, pollIntervalMs: 200 });
    conn = await connect();
    catalog = catalogOf(conn, 200);
  });

  afterAll(async () => {
    for (const r of runners) await r.stop();
    for (const p of projections) await cleanUp(conn, p);
    await store.close();
    await conn.close();
    const pool = new Pool({ connectionString: process.env['EVENTSTORE_URL'] });
    await pool.query(`drop schema if exists "${schema}" cascade`);
    await pool.end();
  });

  function runner(p: typeof accountActivity, onApplied?: () => void): ProjectionRunner {
    const r = new ProjectionRunner(p, {
      catalog,
      store,
      batchSize: 200,
      onApplied,
      onError: (err) => console.error(err),
    });
    runners.push(r);
    return r;
  }

  const checkpointOf = (p: typeof accountActivity) =>
    catalog.checkpoints.findOne({ _id: checkpointKey(p) }) as Promise<CheckpointDoc | null>;

  it('catches up, follows live appends, keeps the tenant on every document, and replays without double counting', async () => {
    const p = uniqueProjection();
    projections.push(p);
    const run = uniqueName('r').replace(/-/g, '');
    const steps = workload(run, 20, 300);
    await appendAll(store, steps.slice(0, 200));
    const r = runner(p);
    await r.start();
    await r.caughtUp;
    const last = await appendAll(store, steps.slice(200));
    await eventually('the live events', async () =>
      (await checkpointOf(p))?.position === last.toString() ? true : undefined,
    );

    const all = await readEverything(store, p.handles, run);
    const expected = foldInMemory(all.map(fromRecordedEvent));
    const live = await snapshot(conn, (await catalog.collectionFor(p.name))!, run);
    expect(live).toEqual(expected);
    expect(expected.size).toBeGreaterThan(5);

    // The runner reports its progress to Prometheus (served at /metrics by every service):
    // (event, document) pairs, so notes about two accounts count twice.
    const appliedMetric = async () =>
      (await registry.getSingleMetric('foresight_projection_events_total')!.get()).values.find(
        (v) => v.labels['projection'] === p.name,
      )?.value;
    const applied = await appliedMetric();
    expect(applied).toBeGreaterThanOrEqual(300);

    const reads = new ReadModel(catalog, p);
    const odd = await reads.find('t-odd');
    expect(odd.length).toBeGreaterThan(0);
    expect(odd.filter((d) => d._id.startsWith(run)).length).toBeGreaterThan(0);
    expect(
      odd.every(
        (d) =>
          d.tenantId === 't-odd' && Number(d.accountId.slice(d.accountId.lastIndexOf('a') + 1)) % 2 === 1,
      ),
    ).toBe(true);
    expect(await reads.findById('t-even', odd[0]!._id)).toBeNull();

    // A crash after the writes but before the checkpoint: the whole history is delivered again.
    await r.stop();
    await catalog.checkpoints.updateOne(
      { _id: checkpointKey(p) },
      { $set: { checkpoint: null, position: null } },
    );
    const again = runner(p);
    await again.start();
    await again.caughtUp;
    await eventually('the replay', async () =>
      (await checkpointOf(p))?.position === last.toString() ? true : undefined,
    );
    expect(await snapshot(conn, (await catalog.collectionFor(p.name))!, run)).toEqual(expected);
    expect(await appliedMetric()).toBe(applied);
  });

  it('a rebuild, run while events are appended live, equals the incrementally built read model', async () => {
    const p = uniqueProjection();
    projections.push(p);
    const run = uniqueName('r').replace(/-/g, '');
    const steps = workload(run, 40, 900, 11);
    await appendAll(store, steps.slice(0, 400));
    const r = runner(p);
    await r.start();
    await r.caughtUp;
    const firstCollection = r.collection!;

    // Appends keep going (about 1.5 s) while the rebuild replays and hands over.
    const appending = appendAll(store, steps.slice(400), { every: 25, ms: 40 });
    await new Promise((res) => setTimeout(res, 300));
    const during = await rebuild(p, { catalog, store, batchSize: 150, dropGraceMs: 300 });
    const last = await appending;
    expect(during.dropped).toContain(firstCollection);

    await eventually('the runner to follow the hand-over and apply every event', async () => {
      const cp = await checkpointOf(p);
      return cp?.position === last.toString() &&
        cp.collection === during.collection &&
        r.collection === during.collection
        ? true
        : undefined;
    });
    const incremental = await snapshot(conn, during.collection, run);
    const all = await readEverything(store, p.handles, run);
    expect(incremental).toEqual(foldInMemory(all.map(fromRecordedEvent)));

    // A second rebuild with the store quiet, compared document by document with the live one.
    const quiet = await rebuild(p, { catalog, store, batchSize: 500, dropGraceMs: 300 });
    expect(await catalog.collectionFor(p.name)).toBe(quiet.collection);
    expect(await snapshot(conn, quiet.collection, run)).toEqual(incremental);

    // Old collections are gone (the runner re-drops one it wrote to after the hand-over).
    await eventually('old collections to be dropped', async () => {
      const names = (await conn.db!.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name);
      const ours = names.filter((n) => n.startsWith(`${p.collectionBase}_`)).sort();
      return ours.every((n) => n.startsWith(quiet.collection)) ? ours : undefined;
    });
  });
});
