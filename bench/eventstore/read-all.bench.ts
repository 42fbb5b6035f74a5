/**
 * readAll and subscribeAll catch-up throughput of the PostgreSQL adapter against a raw page scan
 * (`SELECT ... WHERE position > $1 ORDER BY position LIMIT n`) over the same rows, same run.
 * Run: node -r @swc-node/register bench/eventstore/read-all.bench.ts
 */
import { PostgresEventStore } from '@foresight/eventstore';
import { Pool } from 'pg';
import { benchSchema, eventstoreUrl, payload, printTable, Row, sql, timed } from './bench-support';

const EVENTS = 100_000;
const PAGES = [100, 1_000];
const ROUNDS = 3;

async function main(): Promise<void> {
  const url = await eventstoreUrl();
  const schema = benchSchema('read');
  const store = new PostgresEventStore(url, { schema, poolSize: 4 });
  const pool = new Pool({ connectionString: url, max: 2 });
  try {
    await store.migrate();
    const template = Array.from({ length: 500 }, (_, i) => payload(i));
    await Promise.all(
      Array.from({ length: 4 }, async (_, w) => {
        for (let i = 0; i < EVENTS / 500 / 4; i++)
          await store.append(
            `seed-${w}x${i}`,
            template.map((e) => ({ ...e, id: undefined })),
          );
      }),
    );
    await sql(url, `VACUUM ANALYZE "${schema}".events`);
    console.log(`seeded ${EVENTS.toLocaleString('en-US')} events`);

    // The plain way to page a table: what the visibility rule and the mapping are measured against.
    const rawScan = (page: number) => async (): Promise<number> => {
      let after = '0';
      let total = 0;
      for (;;) {
        const { rows } = await pool.query<{ position: string }>({
          name: `raw-scan-${page}`,
          // Qualified ORDER BY: an unqualified `position` would sort by the text alias below.
          text: `SELECT ev.position::text AS position, ev.transaction_id::text AS xid, ev.stream_name,
                   ev.revision::text AS revision, ev.event_id::text AS event_id, ev.type, ev.data, ev.metadata,
                   ev.occurred_at, ev.recorded_at
                 FROM "${schema}".events ev WHERE ev.position > $1 ORDER BY ev.position LIMIT ${page}`,
          values: [after],
        });
        if (rows.length === 0) return total;
        total += rows.length;
        after = rows[rows.length - 1]!.position;
      }
    };
    const readAll = (page: number) => async (): Promise<number> => {
      let after: string | undefined;
      let total = 0;
      for (;;) {
        const events = await store.readAll({ after, limit: page });
        if (events.length === 0) return total;
        total += events.length;
        after = events[events.length - 1]!.checkpoint;
      }
    };
    const catchUp = (page: number) => async (): Promise<number> => {
      let total = 0;
      const sub = store.subscribeAll({ batchSize: page }, async (events) => {
        total += events.length;
      });
      await sub.caughtUp;
      await sub.stop();
      return total;
    };

    for (const page of PAGES) for (const f of [rawScan, readAll, catchUp]) await f(page)();

    const rows: Row[] = [];
    for (const page of PAGES) {
      // Every reader must see every row, or its figure means nothing.
      const checked = (run: () => Promise<number>) => async (): Promise<number> => {
        const n = await run();
        if (n !== EVENTS) throw new Error(`read ${n} events, expected ${EVENTS}`);
        return n;
      };
      const candidates = [rawScan(page), readAll(page), catchUp(page)].map(checked);
      const sums = candidates.map(() => 0);
      for (let round = 0; round < ROUNDS; round++)
        for (const [i, run] of candidates.entries()) sums[i]! += await timed(run);
      const row = { label: `page ${page}`, values: sums.map((s) => s / ROUNDS) };
      rows.push(row);
      console.log(`${row.label}: ${row.values.map((v) => Math.round(v)).join(' / ')} ev/s`);
    }
    printTable(
      `reading ${EVENTS.toLocaleString('en-US')} events from the start, mean of ${ROUNDS} rounds (events/s; ratio = adapter / raw scan)`,
      ['raw page scan', 'readAll pages', 'subscribeAll catch-up'],
      rows,
    );
  } finally {
    await Promise.all([store.close(), pool.end()]);
    await sql(url, `DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
