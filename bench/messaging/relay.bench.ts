/**
 * Relay throughput (event store → Kafka, checkpoint after each acknowledged batch) against raw
 * kafkajs producing the very same messages (same keys, headers, values, batch size, idempotent
 * acks=all producer) on the same broker, in the same run.
 *
 *   eval "$(infra/local/env)"; node -r @swc-node/register bench/messaging/relay.bench.ts [events] [rounds]
 */
import 'reflect-metadata';
import { envelopeToHeaders } from '@foresight/contracts';
import { createEventStore, EventStore, RecordedEvent } from '@foresight/eventstore';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import mongoose from 'mongoose';
import { Client } from 'pg';
import {
  EnvelopePublisher,
  ensureTopics,
  EventRelay,
  kafkaBroker,
  MongoRelayCheckpoints,
  Publisher,
  RelayCheckpointStore,
  stderrLogger,
  toOutgoing,
} from '@foresight/messaging';

const N = Number(process.argv[2] ?? 20_000);
const ROUNDS = Number(process.argv[3] ?? 3);
const BATCH = 500;
const STREAMS = 200;
const TYPE = 'BenchScored';

const need = (name: string) => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set: eval "$(infra/local/env)" first`);
  return v;
};
const brokers = need('KAFKA_BROKERS').split(',');
const eventstoreUrl = need('EVENTSTORE_URL');
const mongoUrl = need('MONGO_URL');
const suffix = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
const topicOf = (label: string, round: number) => `bench.relay-${label}-${round}-${suffix}`;

async function fill(store: EventStore): Promise<RecordedEvent[]> {
  const perStream = Math.ceil(N / STREAMS);
  for (let s = 0; s < STREAMS; s++) {
    const stream = `account-${s.toString().padStart(4, '0')}-${suffix}`;
    for (let r = 0; r < perStream; r += 100) {
      const n = Math.min(100, perStream - r);
      await store.append(
        stream,
        Array.from({ length: n }, (_, i) => ({
          type: TYPE,
          data: {
            accountId: stream,
            revision: r + i,
            churnScore: Math.random(),
            drivers: ['usage_drop', 'nps_detractor'],
          },
          metadata: { tenantId: 'tenant-bench', correlationId: `corr-${s}` },
        })),
      );
    }
  }
  const all: RecordedEvent[] = [];
  for (let after: string | undefined; ;) {
    const page = await store.readAll({ after, limit: 5000 });
    if (!page.length) return all;
    all.push(...page);
    after = page[page.length - 1]!.checkpoint;
  }
}

async function rawProduce(kafka: Kafka, topic: string, events: RecordedEvent[]): Promise<number> {
  // Built outside the timing: the baseline is the broker round trips alone.
  const messages = events.map((e) => {
    const m = toOutgoing(e, { topic }, 'bench');
    return { key: m.key, value: JSON.stringify(m.payload), headers: envelopeToHeaders(m.envelope) };
  });
  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  const t0 = performance.now();
  for (let i = 0; i < messages.length; i += BATCH)
    await producer.send({ topic, acks: -1, messages: messages.slice(i, i + BATCH) });
  const ms = performance.now() - t0;
  await producer.disconnect();
  return ms;
}

/** Where the relay's time goes: milliseconds inside publishMany (produce + acks) and checkpoint saves. */
const spent = { publish: 0, save: 0 };

async function relayAll(
  store: EventStore,
  conn: mongoose.Connection,
  topic: string,
  last: bigint,
): Promise<number> {
  const broker = kafkaBroker({ clientId: 'bench-relay', brokers, logger: stderrLogger });
  const envelopes = new EnvelopePublisher(broker.producer());
  await envelopes.connect();
  const publisher: Publisher = {
    publish: (t, m) => publisher.publishMany([{ topic: t, messages: m }]),
    publishMany: async (batches) => {
      const t0 = performance.now();
      await envelopes.publishMany(batches);
      spent.publish += performance.now() - t0;
    },
  };
  const mongoCheckpoints = new MongoRelayCheckpoints(conn, 'bench_relay_checkpoints');
  const checkpoints: RelayCheckpointStore = {
    load: (r) => mongoCheckpoints.load(r),
    save: async (r, c, p) => {
      const t0 = performance.now();
      await mongoCheckpoints.save(r, c, p);
      spent.save += performance.now() - t0;
    },
  };
  let done!: () => void;
  const finished = new Promise<void>((r) => (done = r));
  const relay = new EventRelay({
    name: topic,
    source: 'bench',
    store,
    publisher,
    routes: { [TYPE]: topic },
    checkpoints,
    batchSize: BATCH,
    logger: stderrLogger,
    onMetric: (m) => {
      if (m.name === 'relay.published' && m.position >= last) done();
    },
  });
  const t0 = performance.now();
  relay.start();
  await finished;
  const ms = performance.now() - t0;
  await relay.stop();
  await envelopes.close();
  await conn.collection('bench_relay_checkpoints').deleteOne({ _id: topic as never });
  return ms;
}

async function readOnly(store: EventStore): Promise<number> {
  const t0 = performance.now();
  for (let after: string | undefined; ;) {
    const page = await store.readAll({ after, limit: BATCH });
    if (!page.length) break;
    after = page[page.length - 1]!.checkpoint;
  }
  return performance.now() - t0;
}

async function main() {
  const schema = `bench_relay_${suffix}`;
  const store = createEventStore(eventstoreUrl, { schema });
  const conn = await mongoose.createConnection(mongoUrl).asPromise();
  const kafka = new Kafka({ clientId: 'bench-raw', brokers, logLevel: logLevel.WARN });
  const broker = kafkaBroker({ clientId: 'bench-admin', brokers, logger: stderrLogger });
  const topics: string[] = [];
  try {
    const tFill = performance.now();
    const events = await fill(store);
    console.log(
      `filled ${events.length} events in ${Math.round(performance.now() - tFill)} ms (schema ${schema})`,
    );
    const last = events[events.length - 1]!.position;
    const rows: { round: number; raw: number; relay: number; read: number; publish: number; save: number }[] =
      [];
    for (let round = 1; round <= ROUNDS; round++) {
      const rawTopic = topicOf('raw', round);
      const relayTopic = topicOf('relay', round);
      topics.push(rawTopic, relayTopic);
      await ensureTopics(broker, [{ topic: rawTopic }, { topic: relayTopic }]);
      const raw = await rawProduce(kafka, rawTopic, events);
      spent.publish = spent.save = 0;
      const relay = await relayAll(store, conn, relayTopic, last);
      const read = await readOnly(store);
      rows.push({ round, raw, relay, read, ...spent });
    }
    const rate = (ms: number) => Math.round((events.length / ms) * 1000);
    console.log(`\nrelay throughput, ${events.length} events, batches of ${BATCH}, ${brokers.join(',')}`);
    console.log(
      'round | raw produce (ev/s) | relay (ev/s) | relay / raw | readAll alone (ev/s) | relay ms: total / in produce / in checkpoint (overlaps produce)',
    );
    console.log(
      '------|--------------------|--------------|-------------|----------------------|---------------------------------------------',
    );
    for (const r of rows)
      console.log(
        `${String(r.round).padStart(5)} | ${String(rate(r.raw)).padStart(18)} | ${String(rate(r.relay)).padStart(12)} | ` +
          `${(r.raw / r.relay).toFixed(2).padStart(10)}× | ${String(rate(r.read)).padStart(20)} | ` +
          `${Math.round(r.relay)} / ${Math.round(r.publish)} / ${Math.round(r.save)}`,
      );
    // Rounds alternate raw and relay, so a noisy neighbour hits both; the per-round ratio is the figure.
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    console.log(
      `median| ${String(median(rows.map((r) => rate(r.raw)))).padStart(18)} | ` +
        `${String(median(rows.map((r) => rate(r.relay)))).padStart(12)} | ` +
        `${median(rows.map((r) => r.raw / r.relay))
          .toFixed(2)
          .padStart(10)}× | target ≥ 0.50× (median of the rounds' ratios)`,
    );
  } finally {
    const admin = kafka.admin();
    await admin.connect();
    await admin.deleteTopics({ topics: topics.flatMap((t) => [t, `${t}.dlq`]) }).catch(() => undefined);
    await admin.disconnect();
    await store.close();
    await conn.db?.dropCollection('bench_relay_checkpoints').catch(() => undefined);
    await conn.close();
    const pg = new Client({ connectionString: eventstoreUrl });
    await pg.connect();
    await pg.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await pg.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
