import { createEventStore, EventStore, NewEvent } from '@foresight/eventstore';
import { infra } from '@foresight/testing';
import mongoose, { Connection } from 'mongoose';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { ALIASES, CHECKPOINTS, ProjectionCatalog } from '../../libs/projections/src';
import { accountActivity } from '../../libs/projections/test/support/account-activity.projection';

export interface BenchEnv {
  store: EventStore;
  conn: Connection;
  catalog: ProjectionCatalog;
  projection: typeof accountActivity;
  /** Whether the Mongo-wire server is FerretDB (it changes what the figures mean). */
  server: string;
  close(): Promise<void>;
}

/** A fresh event-store schema and a uniquely named projection; `close` removes both. */
export async function benchEnv(kind: string): Promise<BenchEnv> {
  const settings = process.env['EVENTSTORE_URL'] && process.env['MONGO_URL'] ? undefined : await infra();
  const esUrl = process.env['EVENTSTORE_URL'] ?? settings!.eventstoreUrl;
  const mongoUrl = process.env['MONGO_URL'] ?? settings!.mongoUrl;
  const id = `${Date.now().toString(36)}_${randomBytes(2).toString('hex')}`;
  const schema = `bench_proj_${kind}_${id}`;
  const store = createEventStore(esUrl, { schema, poolSize: 10 });
  const conn = await mongoose.createConnection(mongoUrl, { maxPoolSize: 20 }).asPromise();
  const catalog = new ProjectionCatalog(conn, 1000);
  const base = `bench_${kind}_${id}`;
  const projection = { ...accountActivity, name: base, collectionBase: base };
  const info = await conn.db!.admin().command({ buildInfo: 1 });
  const server = info['ferretdbVersion']
    ? `FerretDB ${String(info['ferretdbVersion'])}`
    : `MongoDB ${String(info['version'])}`;
  return {
    store,
    conn,
    catalog,
    projection,
    server,
    close: async () => {
      await store.close();
      const names = (await conn.db!.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name);
      for (const name of names)
        if (name.startsWith(`${base}_`) || name.startsWith(`raw_${base}`))
          await conn.db!.dropCollection(name);
      await conn.collection<{ _id: string }>(ALIASES).deleteOne({ _id: base });
      await conn.collection<{ _id: string }>(CHECKPOINTS).deleteMany({ _id: { $regex: `^${base}@` } });
      await conn.close();
      const client = new Client({ connectionString: esUrl });
      await client.connect();
      await client.query(`drop schema if exists "${schema}" cascade`);
      await client.end();
    },
  };
}

/** Appends with `concurrency` writers, each on its own streams; returns the appended count. */
export async function appendConcurrently(
  store: EventStore,
  steps: readonly { stream: string; event: NewEvent }[],
  concurrency: number,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < steps.length; i = next++)
        await store.append(steps[i]!.stream, [steps[i]!.event]);
    }),
  );
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export const fmt = (n: number, digits = 0): string =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
