/**
 * Append throughput of the PostgreSQL adapter (both notify modes) against raw INSERTs of the same
 * payload into a plain table (one transaction per batch, same batching and concurrency), all measured
 * in the same run, rounds interleaved so drift on a shared machine hits every column alike.
 * Run: node -r @swc-node/register bench/eventstore/append.bench.ts
 */
import { NewEvent, PostgresEventStore } from '@foresight/eventstore';
import { Pool } from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { benchSchema, eventstoreUrl, payload, printTable, Row, sql, timed } from './bench-support';

const CASES = [
  { batch: 1, writers: 1, events: 2_000 },
  { batch: 1, writers: 8, events: 6_000 },
  { batch: 100, writers: 1, events: 30_000 },
  { batch: 100, writers: 8, events: 60_000 },
];
const STREAMS_PER_WRITER = 50;
const ROUNDS = 3;

type Append = (stream: string, batch: NewEvent[]) => Promise<unknown>;

async function runWriters(writers: number, events: number, batch: number, append: Append): Promise<number> {
  const perWriter = Math.floor(events / writers / batch);
  const template = Array.from({ length: batch }, (_, i) => payload(i));
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      for (let i = 0; i < perWriter; i++) {
        // Fresh ids each time: a repeated first id would be a replay that writes nothing.
        const batchEvents = template.map((e) => ({ ...e, id: undefined }));
        await append(`bench-${w}x${i % STREAMS_PER_WRITER}`, batchEvents);
      }
    }),
  );
  return perWriter * writers * batch;
}

async function main(): Promise<void> {
  const url = await eventstoreUrl();
  const schema = benchSchema('append');
  const inTx = new PostgresEventStore(url, { schema, poolSize: 8, notify: 'in-transaction' });
  const afterCommit = new PostgresEventStore(url, { schema, poolSize: 8, notify: 'after-commit' });
  const pool = new Pool({ connectionString: url, max: 8 });
  try {
    await inTx.migrate();
    // The same columns as events, only a primary key: what a bare INSERT of the payload costs.
    await sql(
      url,
      `CREATE TABLE "${schema}".baseline (
         id bigserial PRIMARY KEY, stream_name text NOT NULL, revision bigint NOT NULL, event_id uuid NOT NULL,
         type text NOT NULL, data jsonb NOT NULL, metadata jsonb NOT NULL, occurred_at timestamptz NOT NULL)`,
    );
    const raw: Append = (stream, events) =>
      pool.query({
        name: 'baseline-insert',
        text: `INSERT INTO "${schema}".baseline (stream_name, revision, event_id, type, data, metadata, occurred_at)
               SELECT $1, x.n - 1, x.id, x.type, x.data::jsonb, x.metadata::jsonb, x.occurred_at
               FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::timestamptz[])
                 WITH ORDINALITY AS x(id, type, data, metadata, occurred_at, n)`,
        values: [
          stream,
          events.map(() => uuidv7()),
          events.map((e) => e.type),
          events.map((e) => JSON.stringify(e.data)),
          events.map((e) => JSON.stringify(e.metadata)),
          events.map((e) => e.occurredAt ?? new Date()),
        ],
      });
    const candidates: Append[] = [
      raw,
      (stream, events) => inTx.append(stream, events),
      (stream, events) => afterCommit.append(stream, events),
    ];

    // Warm every path (connections, prepared statements, caches) before measuring.
    for (const append of candidates) await runWriters(8, 800, 1, append);

    const rows: Row[] = [];
    for (const c of CASES) {
      const sums = candidates.map(() => 0);
      for (let round = 0; round < ROUNDS; round++)
        for (const [i, append] of candidates.entries())
          sums[i]! += await timed(() => runWriters(c.writers, c.events, c.batch, append));
      const row = {
        label: `batch ${c.batch}, ${c.writers} writer${c.writers > 1 ? 's' : ''}`,
        values: sums.map((s) => s / ROUNDS),
      };
      rows.push(row);
      console.log(`${row.label}: ${row.values.map((v) => Math.round(v)).join(' / ')} ev/s`);
    }
    printTable(
      `append throughput, mean of ${ROUNDS} rounds (events/s; ratio = adapter / raw INSERT)`,
      ['raw INSERT', 'append, notify in tx', 'append, notify after commit'],
      rows,
    );
  } finally {
    await Promise.all([inTx.close(), afterCommit.close(), pool.end()]);
    await sql(url, `DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
