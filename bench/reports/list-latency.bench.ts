/**
 * Owner list latency as ended reports pile up in the hot read model.
 *
 *   node -r @swc-node/register bench/reports/list-latency.bench.ts [sizes=10000,100000] [queries=200]
 *
 * For each size N: a fresh copy of report-engine's report list collection (the real projection's
 * indexes) holds N ended (STALE/EXPIRED) reports spread over 50 owners plus 200 open ones of the
 * owner asking; then `queries` sequential first-page reads of what the service runs for
 * `GET /v1/reports?owner=me` and `?owner=me&status=CREATED` (limit 50, newest first). Prints p50/p99
 * per size. Item 8 of issue 10 (ended reports leave for an archive collection after a retention) is
 * what should keep these flat; until it exists this is the baseline it must beat.
 */
import { infra } from '@foresight/testing';
import mongoose from 'mongoose';
import { randomBytes, randomUUID } from 'node:crypto';
import { ALIASES, ProjectionCatalog } from '../../libs/projections/src';
import {
  ReportListDoc,
  reportsProjection,
} from '../../services/report-engine/src/report/projections/reports.projection';

const OWNER = 'owner@bench.example.com';
const TENANT = 'bench-tenant';

function doc(i: number, ended: boolean, receivedAt: Date): ReportListDoc & { _id: string; tenantId: string } {
  const id = randomUUID();
  const at = receivedAt.toISOString();
  return {
    _id: id,
    tenantId: TENANT,
    reportId: id,
    kind: i % 2 ? 'CRITICAL_CHURN' : 'PARTIAL_CHURN',
    category: 'risk',
    status: ended ? (i % 3 ? 'STALE' : 'EXPIRED') : 'CREATED',
    subject: { type: 'account', id: `acc-${i}`, accountId: `acc-${i}` },
    accountId: `acc-${i}`,
    accountName: `Account ${i}`,
    ownerEmail: ended ? `owner${i % 50}@bench.example.com` : OWNER,
    score: 0.9,
    title: `Report ${i}`,
    receivedAt: at,
    createdAt: at,
    notifiedAt: null,
    feedback: null,
    endedAt: ended ? at : null,
    reason: ended ? 'bench' : null,
    updatedAt: at,
  } as ReportListDoc & { _id: string; tenantId: string };
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function main(): Promise<void> {
  const [sizesArg = '10000,100000', queriesArg = '200'] = process.argv.slice(2);
  const sizes = sizesArg.split(',').map(Number);
  const queries = Number(queriesArg);
  const mongoUrl = process.env['MONGO_URL'] ?? (await infra()).mongoUrl;
  const conn = await mongoose.createConnection(mongoUrl, { maxPoolSize: 10 }).asPromise();
  const info = await conn.db!.admin().command({ buildInfo: 1 });
  console.log(
    info['ferretdbVersion']
      ? `FerretDB ${String(info['ferretdbVersion'])}`
      : `MongoDB ${String(info['version'])}`,
  );
  try {
    for (const size of sizes) {
      const base = `bench_reports_${Date.now().toString(36)}_${randomBytes(2).toString('hex')}`;
      const projection = { ...reportsProjection, name: base, collectionBase: base };
      const catalog = new ProjectionCatalog(conn, 1000);
      // The service's own indexes on a collection of this run, found through an alias as readers find it.
      await catalog.switchTo(base, `${base}_v1_bench`, 1);
      await catalog.ensureIndexes(projection, `${base}_v1_bench`);
      const model = await catalog.modelFor(projection);
      try {
        const t0 = performance.now();
        const start = Date.now() - size * 60_000;
        for (let from = 0; from < size; from += 5_000) {
          const batch = Array.from({ length: Math.min(5_000, size - from) }, (_, k) =>
            doc(from + k, true, new Date(start + (from + k) * 60_000)),
          );
          await model.collection.insertMany(batch as never[], { ordered: false });
        }
        await model.collection.insertMany(
          Array.from({ length: 200 }, (_, k) =>
            doc(size + k, false, new Date(start + (size + k) * 30_000)),
          ) as never[],
        );
        const loadS = (performance.now() - t0) / 1000;
        const run = async (filter: Record<string, unknown>) => {
          const times: number[] = [];
          for (let q = 0; q < queries; q++) {
            const s = performance.now();
            const page = await model
              .find({ ...filter, tenantId: TENANT }, { _applied: 0, _v: 0 })
              .sort({ receivedAt: -1, _id: -1 })
              .limit(51)
              .lean()
              .exec();
            times.push(performance.now() - s);
            if (page.length !== 51) throw new Error(`expected a full page, got ${page.length}`);
          }
          return times.sort((a, b) => a - b);
        };
        const mine = await run({ ownerEmail: OWNER });
        const open = await run({ ownerEmail: OWNER, status: 'CREATED' });
        console.log(
          `${size.toLocaleString('en')} ended + 200 open (loaded in ${loadS.toFixed(1)} s): ` +
            `owner=me p50 ${pct(mine, 50).toFixed(1)} ms p99 ${pct(mine, 99).toFixed(1)} ms; ` +
            `owner=me&status=CREATED p50 ${pct(open, 50).toFixed(1)} ms p99 ${pct(open, 99).toFixed(1)} ms`,
        );
      } finally {
        await model.collection.drop().catch(() => undefined);
        await conn.collection<{ _id: string }>(ALIASES).deleteOne({ _id: base });
      }
    }
  } finally {
    await conn.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
