import 'reflect-metadata';
import { dlqOf, DLQ_HEADER, HEADER } from '@foresight/contracts';
import { uniqueName } from '@foresight/testing';
import { Kafka, logLevel } from 'kafkajs';
import { Connection } from 'mongoose';
import {
  ConsumedEvent,
  EnvelopePublisher,
  ensureTopics,
  EventConsumer,
  MessagingMetric,
  MongoInbox,
  silentLogger,
} from '../src';
import { Broker } from '../src/broker/broker.port';
import { deleteTopics, env, envelope, eventually, mongo, readTopic, testBroker } from './support/harness';
import { Counted, CountedPayload } from './support/test-contracts';

// The integration project's testTimeout does not reach per-file runs; state it where it matters.
jest.setTimeout(60_000);

describe('publisher and consumer on the real broker', () => {
  const topic = uniqueName('test.messaging.consumer');
  const inboxCollection = uniqueName('inbox');
  let broker: Broker;
  let publisher: EnvelopePublisher;
  let conn: Connection;
  let created: string[];
  const consumers: EventConsumer[] = [];

  const counted = (stream: string, revision: number, amount: number) => ({
    key: stream,
    envelope: envelope({ type: Counted.type, stream, revision }),
    payload: { stream, revision, amount },
  });

  function consumer(
    handle: (e: ConsumedEvent<CountedPayload>) => Promise<void>,
    over: { metrics?: MessagingMetric[] } = {},
  ) {
    const c = new EventConsumer({
      broker,
      groupId: uniqueName('messaging-test.consumer'),
      handlers: [{ type: Counted.type, topic, handle: handle as (e: ConsumedEvent) => Promise<void> }],
      inbox: new MongoInbox(conn, inboxCollection),
      retry: { attempts: 3, initialDelayMs: 50, maxDelayMs: 200 },
      logger: silentLogger,
      onMetric: (m) => over.metrics?.push(m),
    });
    consumers.push(c);
    return c;
  }

  beforeAll(async () => {
    broker = testBroker();
    conn = await mongo();
    created = await ensureTopics(broker, [{ topic }]);
    publisher = new EnvelopePublisher(broker.producer());
    await publisher.connect();
  });

  afterAll(async () => {
    await Promise.allSettled(consumers.map((c) => c.stop()));
    await publisher?.close();
    for (const c of [inboxCollection, `${inboxCollection}_completed`])
      await conn?.db?.dropCollection(c).catch(() => undefined);
    await conn?.close();
    await deleteTopics([topic, dlqOf(topic)]);
  });

  it('provisions the topic with its .dlq once, with the default partition count', async () => {
    expect(created.sort()).toEqual([topic, dlqOf(topic)].sort());
    expect(await ensureTopics(broker, [{ topic }])).toEqual([]);
    const admin = new Kafka({ brokers: env().brokers, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    const { topics } = await admin.fetchTopicMetadata({ topics: [topic, dlqOf(topic)] });
    await admin.disconnect();
    expect(topics.map((t) => t.partitions.length)).toEqual([3, 3]);
  });

  it('handles each event once, and sends a poison or headerless message to .dlq with its reason without stopping', async () => {
    const stream = uniqueName('acct');
    const first = counted(stream, 0, 5);
    first.envelope.traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    const poison = { ...counted(stream, 1, 0), payload: { stream, revision: 'one', extra: true } };
    const last = counted(stream, 2, 7);
    await publisher.publish(topic, [first, first, poison]);
    const raw = broker.producer();
    await raw.connect();
    await raw.send([
      { topic, records: [{ key: stream, value: '{"stream":"x"}', headers: { 'fs-type': Counted.type } }] },
    ]);
    await raw.disconnect();
    await publisher.publish(topic, [last]);

    const seen: ConsumedEvent<CountedPayload>[] = [];
    const metrics: MessagingMetric[] = [];
    await consumer(async (e) => void seen.push(e), { metrics }).start();
    await eventually(
      async () => seen.length,
      (n) => n >= 2,
      30_000,
      'two handled events',
    );

    expect(seen.map((e) => [e.envelope.eventId, e.payload.amount])).toEqual([
      [first.envelope.eventId, 5],
      [last.envelope.eventId, 7],
    ]);
    expect(seen[0]!.payload).toBeInstanceOf(CountedPayload);
    expect(seen[0]!.envelope.traceparent).toBe(first.envelope.traceparent);
    expect(seen[0]!.key).toBe(stream);

    const dead = await readTopic(dlqOf(topic), (r) => r.length >= 2, 30_000);
    const poisoned = dead.find((d) => d.headers[HEADER.eventId] === poison.envelope.eventId)!;
    expect(poisoned.headers[DLQ_HEADER.reason]).toBe('invalid');
    expect(poisoned.headers[DLQ_HEADER.error]).toMatch(/revision: .*integer/);
    expect(poisoned.headers[DLQ_HEADER.error]).toMatch(/amount/);
    expect(poisoned.headers[DLQ_HEADER.attempts]).toBe('0');
    expect(poisoned.value).toBe(JSON.stringify(poison.payload));
    expect(poisoned.key).toBe(stream);
    const headerless = dead.find((d) => d !== poisoned)!;
    expect(headerless.headers[DLQ_HEADER.error]).toMatch(/missing envelope headers: fs-event-id/);
    expect(metrics.filter((m) => m.name === 'consumer.handled' && m.outcome === 'duplicate')).toHaveLength(1);
  });

  it('retries a failing handler with backoff, then dead-letters it with the attempt count and goes on', async () => {
    const stream = uniqueName('acct');
    const broken = counted(stream, 0, 1);
    const flaky = counted(stream, 1, 2);
    const fine = counted(stream, 2, 3);
    await publisher.publish(topic, [broken, flaky, fine]);

    const calls = new Map<string, number[]>();
    const done: string[] = [];
    const c = consumer(async (e) => {
      if (e.payload.stream !== stream) return;
      const attempts = calls.get(e.envelope.eventId) ?? [];
      calls.set(e.envelope.eventId, [...attempts, e.attempt]);
      const n = attempts.length + 1;
      if (e.envelope.eventId === broken.envelope.eventId) throw new Error('downstream says no');
      if (e.envelope.eventId === flaky.envelope.eventId && n < 3) throw new Error('not yet');
      done.push(e.envelope.eventId);
    });
    await c.start();
    await eventually(
      async () => done.length,
      (n) => n >= 2,
      30_000,
      'flaky and fine handled',
    );

    expect(done).toEqual([flaky.envelope.eventId, fine.envelope.eventId]);
    expect(calls.get(broken.envelope.eventId)).toEqual([1, 2, 3]);
    expect(calls.get(flaky.envelope.eventId)).toEqual([1, 2, 3]);
    const dead = await readTopic(
      dlqOf(topic),
      (r) => r.some((d) => d.headers[HEADER.eventId] === broken.envelope.eventId),
      30_000,
    );
    const letter = dead.find((d) => d.headers[HEADER.eventId] === broken.envelope.eventId)!;
    expect(letter.headers).toMatchObject({
      [DLQ_HEADER.reason]: 'handler-failed',
      [DLQ_HEADER.error]: 'downstream says no',
      [DLQ_HEADER.attempts]: '3',
      [DLQ_HEADER.topic]: topic,
      [DLQ_HEADER.group]: c.groupId,
      [HEADER.type]: Counted.type,
      [HEADER.tenantId]: 'tenant-test',
    });
  });

  it('on stop, finishes the handler in flight and commits it, so the next member does not see it again', async () => {
    // A topic of its own: nothing from the other tests can show up as a redelivery here.
    const topic = uniqueName('test.messaging.graceful');
    await ensureTopics(broker, [{ topic }]);
    const stream = uniqueName('acct');
    const slow = counted(stream, 0, 1);
    const next = counted(stream, 1, 1);
    await publisher.publish(topic, [slow]);
    const groupId = uniqueName('messaging-test.graceful');
    let entered!: () => void;
    const inHandler = new Promise<void>((r) => (entered = r));
    let finished = false;
    const first = new EventConsumer({
      broker,
      groupId,
      inbox: new MongoInbox(conn, inboxCollection),
      logger: silentLogger,
      handlers: [
        {
          type: Counted.type,
          topic,
          handle: async (e) => {
            if ((e.payload as CountedPayload).stream !== stream) return;
            entered();
            await new Promise((r) => setTimeout(r, 1500));
            finished = true;
          },
        },
      ],
    });
    await first.start();
    await inHandler;
    await first.stop();
    expect(finished).toBe(true);

    await publisher.publish(topic, [next]);
    const seenAgain: string[] = [];
    const metrics: MessagingMetric[] = [];
    const second = new EventConsumer({
      broker,
      groupId,
      inbox: new MongoInbox(conn, inboxCollection),
      logger: silentLogger,
      onMetric: (m) => metrics.push(m),
      handlers: [{ type: Counted.type, topic, handle: async (e) => void seenAgain.push(e.envelope.eventId) }],
    });
    consumers.push(second);
    await second.start();
    await eventually(
      async () => seenAgain,
      (s) => s.includes(next.envelope.eventId),
      30_000,
      'next event',
    );
    expect(seenAgain).not.toContain(slow.envelope.eventId);
    // Not even short-circuited by the inbox: the offset was committed, so it was never redelivered.
    expect(metrics.filter((m) => m.name === 'consumer.handled' && m.outcome === 'duplicate')).toEqual([]);
    await second.stop();
    await deleteTopics([topic, dlqOf(topic)]);
  });

  it('a new group told to start at the end skips the history and handles what comes after', async () => {
    const own = uniqueName('test.messaging.new-at-end');
    await ensureTopics(broker, [{ topic: own }]);
    const stream = uniqueName('acct');
    await publisher.publish(own, [counted(stream, 0, 1), counted(stream, 1, 2)]);
    const seen: string[] = [];
    const late = new EventConsumer({
      broker,
      groupId: uniqueName('messaging-test.at-end'),
      newGroupStart: 'end',
      inbox: new MongoInbox(conn, inboxCollection),
      logger: silentLogger,
      handlers: [{ type: Counted.type, topic: own, handle: async (e) => void seen.push(e.envelope.eventId) }],
    });
    consumers.push(late);
    await late.start();
    const after = counted(stream, 2, 3);
    await publisher.publish(own, [after]);
    await eventually(
      async () => seen,
      (s) => s.includes(after.envelope.eventId),
      30_000,
      'the event sent after start',
    );
    expect(seen).toEqual([after.envelope.eventId]);
    await late.stop();
    await deleteTopics([own, dlqOf(own)]);
  });
});
