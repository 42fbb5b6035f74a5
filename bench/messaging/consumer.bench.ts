/**
 * Consumer throughput: our EventConsumer (envelope check, class-validator payload validation, Mongo
 * inbox lookup and write per chunk, offset commit after the effect) against a raw kafkajs consumer
 * that only JSON-parses each value, reading the same topic on the same broker in the same run.
 * A third row runs our consumer with an inbox that remembers nothing, to show what the inbox costs.
 *
 *   eval "$(infra/local/env)"; node -r @swc-node/register bench/messaging/consumer.bench.ts [messages] [rounds]
 */
import 'reflect-metadata';
import { defineEvent } from '@foresight/contracts';
import { IsArray, IsNumber, IsString, Max, Min } from 'class-validator';
import { randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Kafka, logLevel } from 'kafkajs';
import mongoose from 'mongoose';
import { v7 as uuidv7 } from 'uuid';
import {
  EnvelopePublisher,
  ensureTopics,
  EventConsumer,
  Inbox,
  kafkaBroker,
  MongoInbox,
  OutgoingMessage,
  stderrLogger,
} from '@foresight/messaging';

class BenchScoredPayload {
  @IsString()
  accountId!: string;

  @IsNumber()
  @Min(0)
  @Max(1)
  churnScore!: number;

  @IsArray()
  @IsString({ each: true })
  drivers!: string[];
}

const BenchScored = defineEvent({
  type: 'BenchConsumerScored',
  schemaVersion: 1,
  topic: 'bench.consumer.v1',
  payload: BenchScoredPayload,
});

const N = Number(process.argv[2] ?? 20_000);
const ROUNDS = Number(process.argv[3] ?? 2);
const need = (name: string) => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set: eval "$(infra/local/env)" first`);
  return v;
};
const brokers = need('KAFKA_BROKERS').split(',');
const suffix = `${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
const topic = `bench.consumer-${suffix}`;
const inboxCollection = `bench_inbox_${suffix}`;

interface Timing {
  /** From start() to the last message handled, group join included. */
  totalMs: number;
  /** From the first message handled to the last: the steady-state rate. */
  flowMs: number;
}

function clock(onDone: (t: Timing) => void) {
  const t0 = performance.now();
  let first = 0;
  let seen = 0;
  return () => {
    if (++seen === 1) first = performance.now();
    if (seen === N) {
      const end = performance.now();
      onDone({ totalMs: end - t0, flowMs: end - first });
    }
  };
}

async function fill(): Promise<void> {
  const broker = kafkaBroker({ clientId: 'bench-fill', brokers, logger: stderrLogger });
  await ensureTopics(broker, [{ topic }]);
  const publisher = new EnvelopePublisher(broker.producer());
  await publisher.connect();
  for (let i = 0; i < N; i += 1000) {
    const batch: OutgoingMessage[] = [];
    for (let j = i; j < Math.min(N, i + 1000); j++) {
      const accountId = `account-${j % 200}`;
      const eventId = uuidv7();
      batch.push({
        key: accountId,
        envelope: {
          eventId,
          type: BenchScored.type,
          schemaVersion: 1,
          tenantId: 'tenant-bench',
          occurredAt: new Date().toISOString(),
          correlationId: eventId,
          causationId: null,
          source: 'bench',
          stream: accountId,
          revision: Math.floor(j / 200),
        },
        payload: { accountId, churnScore: Math.random(), drivers: ['usage_drop', 'nps_detractor'] },
      });
    }
    await publisher.publish(topic, batch);
  }
  await publisher.close();
}

async function raw(kafka: Kafka): Promise<Timing> {
  const consumer = kafka.consumer({ groupId: `bench-raw-${randomUUID()}`, maxWaitTimeInMs: 500 });
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  let done!: (t: Timing) => void;
  const finished = new Promise<Timing>((r) => (done = r));
  const tick = clock(done);
  await consumer.run({
    eachBatch: async ({ batch }) => {
      for (const m of batch.messages) {
        JSON.parse(m.value!.toString());
        tick();
      }
    },
  });
  const t = await finished;
  await consumer.disconnect();
  return t;
}

async function ours(inbox: Inbox, partitionsConcurrently: number): Promise<Timing> {
  let done!: (t: Timing) => void;
  const finished = new Promise<Timing>((r) => (done = r));
  const tick = clock(done);
  const consumer = new EventConsumer({
    broker: kafkaBroker({ clientId: 'bench-ours', brokers, logger: stderrLogger }),
    groupId: `bench-ours-${randomUUID()}`,
    inbox,
    partitionsConcurrently,
    logger: stderrLogger,
    handlers: [{ type: BenchScored.type, topic, handle: async () => tick() }],
  });
  await consumer.start();
  const t = await finished;
  await consumer.stop();
  return t;
}

const forgetful: Inbox = {
  claim: async () => new Set(),
  completed: async () => new Set(),
  complete: async () => undefined,
  prune: async () => 0,
};

async function main() {
  const conn = await mongoose.createConnection(need('MONGO_URL')).asPromise();
  const kafka = new Kafka({ clientId: 'bench-raw', brokers, logLevel: logLevel.WARN });
  try {
    await fill();
    const rows: { round: number; label: string; t: Timing; base: Timing }[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const base = await raw(kafka);
      rows.push({ round, label: 'raw kafkajs, JSON.parse only', t: base, base });
      rows.push({
        round,
        label: 'ours: validate + Mongo inbox',
        t: await ours(new MongoInbox(conn, inboxCollection), 1),
        base,
      });
      rows.push({
        round,
        label: 'ours: validate + Mongo inbox, 3 partitions at once',
        t: await ours(new MongoInbox(conn, inboxCollection), 3),
        base,
      });
      rows.push({ round, label: 'ours: validate, no inbox', t: await ours(forgetful, 1), base });
    }
    const rate = (ms: number) => Math.round((N / ms) * 1000);
    console.log(`\nconsumer throughput, ${N} messages, 3 partitions, ${brokers.join(',')}`);
    console.log(
      'round | consumer                                           | msg/s (flow) | vs raw | msg/s incl. group join',
    );
    console.log(
      '------|----------------------------------------------------|--------------|--------|-----------------------',
    );
    for (const r of rows)
      console.log(
        `${String(r.round).padStart(5)} | ${r.label.padEnd(50)} | ${String(rate(r.t.flowMs)).padStart(12)} | ` +
          `${(r.base.flowMs / r.t.flowMs).toFixed(2).padStart(5)}× | ${String(rate(r.t.totalMs)).padStart(21)}`,
      );
  } finally {
    const admin = kafka.admin();
    await admin.connect();
    await admin.deleteTopics({ topics: [topic, `${topic}.dlq`] }).catch(() => undefined);
    await admin.disconnect();
    for (const c of [inboxCollection, `${inboxCollection}_completed`])
      await conn.db?.dropCollection(c).catch(() => undefined);
    await conn.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
