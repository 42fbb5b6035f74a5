import 'reflect-metadata';
import { dlqOf } from '@foresight/contracts';
import { uniqueName } from '@foresight/testing';
import { Kafka, logLevel } from 'kafkajs';
import { Connection } from 'mongoose';
import { EnvelopePublisher, ensureTopics, OutgoingMessage } from '../src';
import { CounterDoc } from './support/counter.projection';
import {
  deleteTopics,
  env,
  envelope,
  eventually,
  mongo,
  startWorker,
  testBroker,
  Worker,
} from './support/harness';
import { Counted } from './support/test-contracts';

jest.setTimeout(120_000);

const STREAMS = 10;
const REVISIONS = 60;
const TOTAL = STREAMS * REVISIONS;
const amountOf = (revision: number) => (revision % 7) + 1;

describe('a consumer SIGKILLed mid-chunk', () => {
  const topic = uniqueName('test.messaging.consumer-crash');
  const group = uniqueName('messaging-test.counter');
  const names = {
    READ_MODEL: uniqueName('counters'),
    INBOX: uniqueName('inbox'),
    CALLS: uniqueName('calls'),
  };
  let conn: Connection;
  const workers: Worker[] = [];

  const worker = (extra: Record<string, string> = {}) => {
    const w = startWorker('counter-consumer.worker', {
      TOPIC: topic,
      GROUP: group,
      CHUNK_SIZE: '50',
      ...names,
      ...extra,
    });
    workers.push(w);
    return w;
  };

  beforeAll(async () => {
    conn = await mongo();
    const broker = testBroker();
    await ensureTopics(broker, [{ topic }]);
    const publisher = new EnvelopePublisher(broker.producer());
    await publisher.connect();
    // Revision-major order, so every partition holds a long run of interleaved streams.
    for (let revision = 0; revision < REVISIONS; revision += 10) {
      const batch: OutgoingMessage[] = [];
      for (let r = revision; r < revision + 10; r++)
        for (let s = 0; s < STREAMS; s++) {
          const stream = `acct-${s}`;
          batch.push({
            key: stream,
            envelope: envelope({ type: Counted.type, stream, revision: r }),
            payload: { stream, revision: r, amount: amountOf(r) },
          });
        }
      await publisher.publish(topic, batch);
    }
    await publisher.close();
  });

  afterAll(async () => {
    await Promise.allSettled(workers.map((w) => w.kill()));
    for (const c of [...Object.values(names), `${names.INBOX}_completed`])
      await conn?.db?.dropCollection(c).catch(() => undefined);
    await conn?.close();
    await deleteTopics([topic, dlqOf(topic)]);
  });

  it('restarts into an exact read model: nothing lost, nothing applied twice, though events were redelivered', async () => {
    const first = worker({ STALL_AT: '275' });
    await first.waitFor(/^stalled$/);
    await first.kill('SIGKILL');
    const calls = conn.collection<{ _id: string; n: number }>(names.CALLS);
    expect((await calls.findOne({ _id: 'calls' }))?.n).toBe(275);

    const second = worker();
    const counters = conn.collection<CounterDoc>(names.READ_MODEL);
    const sum = async () => (await counters.find().toArray()).reduce((n, d) => n + d.count, 0);
    await eventually(sum, (n) => n >= TOTAL, 90_000, `${TOTAL} counted events`);
    await committedToTheEnd(topic, group);

    const docs = await counters.find().sort({ _id: 1 }).toArray();
    const expectedTotal = Array.from({ length: REVISIONS }, (_, r) => amountOf(r)).reduce((a, b) => a + b, 0);
    expect(docs).toHaveLength(STREAMS);
    for (const doc of docs)
      expect(doc).toMatchObject({ count: REVISIONS, revision: REVISIONS - 1, total: expectedTotal });
    // The killed chunk's effects were applied without their inbox entries: the restart ran them again.
    const handlerCalls = (await calls.findOne({ _id: 'calls' }))!.n;
    console.log(`consumer crash: ${handlerCalls} handler calls for ${TOTAL} events`);
    expect(handlerCalls).toBeGreaterThan(TOTAL);
    await second.kill('SIGTERM');
    expect(second.process.exitCode).toBe(0);
  });
});

/** Waits until the group's committed offsets reach the end of every partition: all work is done. */
async function committedToTheEnd(topic: string, groupId: string): Promise<void> {
  const admin = new Kafka({ brokers: env().brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const ends = await admin.fetchTopicOffsets(topic);
    await eventually(
      async () => (await admin.fetchOffsets({ groupId, topics: [topic] }))[0]!.partitions,
      (committed) =>
        ends.every((end) => committed.find((c) => c.partition === end.partition)?.offset === end.high),
      60_000,
      'offsets committed to the end',
    );
  } finally {
    await admin.disconnect();
  }
}
