import 'reflect-metadata';
import { dlqOf } from '@foresight/contracts';
import { createEventStore, EventStore } from '@foresight/eventstore';
import { uniqueName } from '@foresight/testing';
import { Injectable } from '@nestjs/common';
import { Test, TestingModule } from '@nestjs/testing';
import { Kafka, logLevel } from 'kafkajs';
import { Connection } from 'mongoose';
import { ConsumedEvent, MessagingModule, OnEvent, Publisher, PUBLISHER, silentLogger } from '../src';
import { dropSchema, uniqueSchema } from './support/event-store.fixture';
import { deleteTopics, env, envelope, eventually, mongo } from './support/harness';
import { Counted, CountedPayload } from './support/test-contracts';

jest.setTimeout(60_000);

const topic = uniqueName('test.messaging.module');
const serviceName = uniqueName('svc');

@Injectable()
class CountedListener {
  readonly received: ConsumedEvent<CountedPayload>[] = [];

  @OnEvent(Counted.type, { topic })
  async onCounted(event: ConsumedEvent<CountedPayload>): Promise<void> {
    this.received.push(event);
  }
}

describe('MessagingModule', () => {
  const schema = uniqueSchema('msg_module');
  let store: EventStore;
  let conn: Connection;
  let app: TestingModule | undefined;

  beforeAll(async () => {
    store = createEventStore(env().eventstoreUrl, { schema });
    conn = await mongo();
  });

  afterAll(async () => {
    await app?.close();
    await store?.close();
    await conn?.collection('relay_checkpoints').deleteOne({ _id: serviceName as never });
    for (const c of ['inbox', 'inbox_completed'])
      await conn?.collection(c).deleteMany({ group: `${serviceName}.counted-listener` });
    await conn?.close();
    await dropSchema(schema);
    await deleteTopics([topic, dlqOf(topic)]);
  });

  it('provisions topics, relays stored events to @OnEvent handlers, publishes directly, and shuts down cleanly', async () => {
    app = await Test.createTestingModule({
      imports: [
        MessagingModule.forRootAsync({
          useFactory: () => ({
            serviceName,
            brokers: env().brokers,
            mongo: conn,
            topics: [{ topic }],
            relay: { store, routes: { [Counted.type]: topic } },
            logger: silentLogger,
          }),
        }),
      ],
      providers: [CountedListener],
    }).compile();
    await app.init();

    const admin = new Kafka({ brokers: env().brokers, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    expect(await admin.listTopics()).toEqual(expect.arrayContaining([topic, dlqOf(topic)]));
    await admin.disconnect();

    for (const s of ['a', 'b'])
      await store.append(
        `acct-${s}`,
        [0, 1, 2].map((revision) => ({
          type: Counted.type,
          data: { stream: `acct-${s}`, revision, amount: 1 },
          metadata: { tenantId: 't-1' },
        })),
      );
    const direct = envelope({ type: Counted.type, stream: 'acct-c', revision: 0 });
    await app
      .get<Publisher>(PUBLISHER)
      .publish(topic, [
        { key: 'c', envelope: direct, payload: { stream: 'acct-c', revision: 0, amount: 1 } },
      ]);

    const listener = app.get(CountedListener);
    await eventually(
      async () => listener.received.length,
      (n) => n >= 7,
      30_000,
      'seven events handled',
    );
    const byStream = (s: string) =>
      listener.received.filter((e) => e.envelope.stream === s).map((e) => [e.key, e.envelope.revision]);
    expect(byStream('acct-a')).toEqual([
      ['a', 0],
      ['a', 1],
      ['a', 2],
    ]);
    expect(byStream('acct-b')).toHaveLength(3);
    const relayed = listener.received.find((e) => e.envelope.stream === 'acct-a')!;
    expect(relayed.envelope).toMatchObject({
      source: serviceName,
      tenantId: 't-1',
      type: Counted.type,
      schemaVersion: 1,
    });
    expect(relayed.envelope.correlationId).toBe(relayed.envelope.eventId);
    expect(listener.received.map((e) => e.envelope.eventId)).toContain(direct.eventId);

    await app.close();
    app = undefined;
    // The lease is released on shutdown (a new instance need not wait out its TTL); the checkpoint stays.
    expect(await conn.collection('leases').findOne({ _id: `relay:${serviceName}` as never })).toBeNull();
    expect(await conn.collection('relay_checkpoints').findOne({ _id: serviceName as never })).not.toBeNull();
  });
});
