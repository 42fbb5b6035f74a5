/**
 * Append → read-model-visible latency at a steady 50% of the maximum sustainable load.
 *
 *   node -r @swc-node/register bench/projections/read-model-latency.bench.ts [seconds=20] [accounts=200]
 *
 * 1. Max load: 8 appenders append UsageRecorded as fast as they can for 8 s while a live
 *    ProjectionRunner (subscribeAll, LISTEN/NOTIFY wake-ups) projects them; max = events appended
 *    ÷ time from the first append to the last event's document write.
 * 2. Steady load: appends at 50% of that rate, evenly spaced (open loop: the schedule does not wait
 *    for earlier appends), for `seconds`. Per event, latency = from just before `append` to the
 *    runner's post-write callback (`onApplied`, called once the bulkWrite/replace landed, before the
 *    checkpoint save): the moment a reader's query would see it. Baseline from the same run: the
 *    append's own latency (call → acknowledged).
 * Appender and runner share one process, as in a service projecting its own streams.
 */
import { NewEvent } from '@foresight/eventstore';
import { v7 as uuidv7 } from 'uuid';
import { ProjectionRunner } from '../../libs/projections/src';
import { appendConcurrently, benchEnv, fmt, percentile } from './bench-support';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main(): Promise<void> {
  const [seconds = 20, accounts = 200] = process.argv.slice(2).map(Number);
  const env = await benchEnv('latency');
  try {
    const usage = (i: number): { stream: string; event: NewEvent } => {
      const accountId = `acc${i % accounts}`;
      return {
        stream: `account-${accountId}`,
        event: {
          id: uuidv7(),
          type: 'UsageRecorded',
          data: { accountId, count: 1 },
          metadata: { tenantId: `t${i % 10}` },
        },
      };
    };
    const opened = Array.from({ length: accounts }, (_, i) => ({
      stream: `account-acc${i}`,
      event: {
        id: uuidv7(),
        type: 'AccountOpened',
        data: { accountId: `acc${i}`, name: `A${i}` },
        metadata: { tenantId: `t${i % 10}` },
      },
    }));
    await appendConcurrently(env.store, opened, 8);

    const appliedAt = new Map<string, number>();
    let lastApplied = 0;
    const runner = new ProjectionRunner(env.projection, {
      catalog: env.catalog,
      store: env.store,
      batchSize: 500,
      onApplied: (events) => {
        const now = performance.now();
        for (const e of events) appliedAt.set(e.id, now);
        lastApplied = now;
      },
      onError: (err) => console.error(err),
    });
    await runner.start();
    await runner.caughtUp;

    // 1. Maximum sustainable append → project throughput.
    let i = 0;
    const burst: { stream: string; event: NewEvent }[] = [];
    const t0 = performance.now();
    const until = t0 + 8_000;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (performance.now() < until) {
          const step = usage(i++);
          burst.push(step);
          await env.store.append(step.stream, [step.event]);
        }
      }),
    );
    const appendedS = (performance.now() - t0) / 1000;
    while (!burst.every((s) => appliedAt.has(s.event.id!))) await sleep(20);
    const maxRate = burst.length / ((lastApplied - t0) / 1000);
    console.log(
      `max load: ${fmt(burst.length)} events appended in ${fmt(appendedS, 1)} s (${fmt(burst.length / appendedS)} appends/s), ` +
        `all projected after ${fmt((lastApplied - t0) / 1000, 1)} s → max sustainable ${fmt(maxRate)} events/s`,
    );

    // 2. Steady 50% load. A bare subscription (no-op handler) beside the runner shows the event
    // store's own share of the latency: append → delivered to a subscriber.
    const deliveredAt = new Map<string, number>();
    const bare = env.store.subscribeAll(
      { filter: { types: ['UsageRecorded'] }, batchSize: 1000 },
      async (events) => {
        const now = performance.now();
        for (const e of events) deliveredAt.set(e.id, now);
      },
    );
    await bare.caughtUp;
    const rate = maxRate / 2;
    const interval = 1000 / rate;
    const total = Math.floor(rate * seconds);
    const started = new Map<string, number>();
    const acked: number[] = [];
    const inFlight: Promise<void>[] = [];
    const s0 = performance.now();
    for (let n = 0; n < total; n++) {
      const due = s0 + n * interval;
      const wait = due - performance.now();
      if (wait > 1) await sleep(wait);
      const step = usage(i++);
      const start = performance.now();
      started.set(step.event.id!, start);
      inFlight.push(
        env.store.append(step.stream, [step.event]).then(() => void acked.push(performance.now() - start)),
      );
    }
    await Promise.all(inFlight);
    const achieved = total / ((performance.now() - s0) / 1000);
    while (![...started.keys()].every((id) => appliedAt.has(id))) await sleep(20);
    while (![...started.keys()].every((id) => deliveredAt.has(id))) await sleep(20);
    await bare.stop();
    await runner.stop();

    const delivered = [...started].map(([id, start]) => deliveredAt.get(id)! - start).sort((a, b) => a - b);
    const visible = [...started].map(([id, start]) => appliedAt.get(id)! - start).sort((a, b) => a - b);
    acked.sort((a, b) => a - b);
    const row = (label: string, xs: number[]) =>
      `  ${label.padEnd(34)} p50 ${fmt(percentile(xs, 50), 1).padStart(6)} ms   p90 ${fmt(percentile(xs, 90), 1).padStart(6)} ms   p99 ${fmt(percentile(xs, 99), 1).padStart(6)} ms   max ${fmt(xs[xs.length - 1]!, 1).padStart(7)} ms`;
    console.log(
      `\nappend → read model at 50% load (${env.server}, PostgreSQL event store): target ${fmt(rate)} events/s, achieved ${fmt(achieved)} events/s for ${seconds} s, ${fmt(total)} events over ${accounts} accounts`,
    );
    console.log(row('append acknowledged (baseline)', acked));
    console.log(row('append → delivered to a bare subscriber', delivered));
    console.log(row('append → document written', visible));
    console.log(
      `  ratio to baseline                  p50 ${fmt(percentile(visible, 50) / percentile(acked, 50), 1)}x   p99 ${fmt(percentile(visible, 99) / percentile(acked, 99), 1)}x   (target: p99 <= 100 ms)`,
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
