/**
 * Projection catch-up into Mongo versus raw mongoose upserts, same run, same server.
 *
 *   node -r @swc-node/register bench/projections/catch-up.bench.ts [events=20000] [streams=2000] [batch=1000]
 *
 * The projection replays `events` (one AccountOpened then UsageRecorded per account stream,
 * interleaved across streams as live traffic would be) from the PostgreSQL event store into a
 * fresh collection: store reads, finds, evolves and CAS writes, and the checkpoint. The baseline
 * is `Model.bulkWrite` of replaceOne upserts of the projection's final documents, as many upserts
 * as the projection wrote documents, sent in the same command sizes.
 */
import { NewEvent } from '@foresight/eventstore';
import { Schema } from 'mongoose';
import { v7 as uuidv7 } from 'uuid';
import { ProjectionRunner, WriteStats } from '../../libs/projections/src';
import { appendConcurrently, benchEnv, fmt } from './bench-support';

async function main(): Promise<void> {
  const [events = 20_000, streams = 2_000, batchSize = 1_000] = process.argv.slice(2).map(Number);
  const env = await benchEnv('catchup');
  try {
    const perStream = Math.ceil(events / streams);
    // Round r holds event r of every stream, shuffled: batches touch many documents, as replays of real traffic do.
    const steps: { stream: string; event: NewEvent }[] = [];
    for (let r = 0; r < perStream && steps.length < events; r++) {
      const round = Array.from({ length: streams }, (_, s) => {
        const accountId = `acc${s}`;
        const event: NewEvent =
          r === 0
            ? {
                id: uuidv7(),
                type: 'AccountOpened',
                data: { accountId, name: `Account ${s}` },
                metadata: { tenantId: `t${s % 10}` },
              }
            : {
                id: uuidv7(),
                type: 'UsageRecorded',
                data: { accountId, count: 1 + (r % 7) },
                metadata: { tenantId: `t${s % 10}` },
              };
        return { stream: `account-${accountId}`, event };
      });
      round.sort(() => Math.random() - 0.5);
      steps.push(...round.slice(0, events - steps.length));
    }
    let t = performance.now();
    await appendConcurrently(env.store, steps, 16);
    console.log(
      `setup: appended ${fmt(steps.length)} events over ${fmt(streams)} streams in ${fmt((performance.now() - t) / 1000, 1)} s`,
    );

    t = performance.now();
    let read = 0;
    for (let after: string | undefined; ;) {
      const page = await env.store.readAll({
        after,
        limit: batchSize,
        filter: { types: env.projection.handles },
      });
      if (page.length === 0) break;
      read += page.length;
      after = page[page.length - 1]!.checkpoint;
    }
    const readS = (performance.now() - t) / 1000;

    const totals: WriteStats = { applied: 0, skipped: 0, written: 0, conflicts: 0 };
    const runner = new ProjectionRunner(env.projection, {
      catalog: env.catalog,
      store: env.store,
      batchSize,
      onApplied: (_events, s) => {
        totals.applied += s.applied;
        totals.written += s.written;
        totals.conflicts += s.conflicts;
      },
      onError: (err) => console.error(err),
    });
    t = performance.now();
    await runner.start();
    await runner.caughtUp;
    const projS = (performance.now() - t) / 1000;
    await runner.stop();

    // Baseline: the same number of document writes, as upserts of the final documents.
    const finals = await env.conn.collection(runner.collection!).find({}).toArray();
    const Raw = env.conn.model(
      `raw_${env.projection.collectionBase}`,
      new Schema({ _id: String }, { strict: false, versionKey: false }),
    );
    const limits = await env.catalog.writeOptions();
    const perCommand = limits.updatesPerCommand ?? batchSize;
    const inFlight = limits.commandsInFlight ?? 1;
    // Same command size and commands in flight as the projection's writer gets on this server.
    const upserts = async (count: number): Promise<number> => {
      const start = performance.now();
      let next = 0;
      await Promise.all(
        Array.from({ length: inFlight }, async () => {
          for (let done = next; done < count; done = next) {
            const n = Math.min(perCommand, count - done);
            next += n;
            await Raw.bulkWrite(
              Array.from({ length: n }, (_, i) => {
                const doc = finals[(done + i) % finals.length]!;
                return { replaceOne: { filter: { _id: String(doc._id) }, replacement: doc, upsert: true } };
              }),
              { ordered: false },
            );
          }
        }),
      );
      return (performance.now() - start) / 1000;
    };
    const rawS = await upserts(totals.written);
    const finalS = await upserts(finals.length);

    const projDocs = totals.written / projS;
    const rawDocs = totals.written / rawS;
    console.log(
      `\nprojection catch-up (${env.server}, PostgreSQL event store, batch ${batchSize}, ${perCommand} updates per command, ${inFlight} in flight)`,
    );
    console.log(
      `  store readAll only (baseline for reads)   ${fmt(read)} events in ${fmt(readS, 2)} s = ${fmt(read / readS)} events/s`,
    );
    console.log(
      `  projection catch-up                       ${fmt(events)} events, ${fmt(totals.written)} doc writes in ${fmt(projS, 2)} s = ${fmt(events / projS)} events/s, ${fmt(projDocs)} docs/s (${totals.conflicts} conflicts)`,
    );
    console.log(
      `  raw mongoose upserts, same count          ${fmt(totals.written)} upserts in ${fmt(rawS, 2)} s = ${fmt(rawDocs)} upserts/s`,
    );
    console.log(
      `  ratio projection docs/s : raw upserts/s   ${fmt(projDocs / rawDocs, 2)}x   (target >= 0.5x)`,
    );
    console.log(
      `  raw upserts of the ${fmt(finals.length)} final docs only  ${fmt(finalS, 2)} s; catch-up of the whole history takes ${fmt(projS / finalS, 1)}x that`,
    );
  } finally {
    await env.close();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
