import { HEADER } from '@foresight/contracts';
import { EventStore } from '@foresight/eventstore';
import { uniqueName } from '@foresight/testing';
import { Connection } from 'mongoose';
import { ConsumedEvent, EventConsumer, MongoInbox, silentLogger } from '../../src';
import { CounterDoc, counterProjection, replay } from './counter.projection';
import { readEverything } from './event-store.fixture';
import { eventually, KafkaRecord, readTopic, testBroker } from './harness';
import { Counted } from './test-contracts';

/**
 * Every routed event of the store is on the topic (at least once), keyed by its entity, and each
 * key's events first appear in revision order. Returns the records and how many were duplicates.
 */
export async function expectAllOnKafka(
  store: EventStore,
  topic: string,
): Promise<{ records: KafkaRecord[]; duplicates: number }> {
  const events = (await readEverything(store)).filter((e) => e.type === Counted.type);
  const wanted = new Set(events.map((e) => e.id));
  const records = await readTopic(topic, (rs) => {
    const have = new Set(rs.map((r) => r.headers[HEADER.eventId]));
    return [...wanted].every((id) => have.has(id));
  });
  const firstSeen = new Map<string, number[]>();
  const ids = new Set<string>();
  for (const r of [...records].sort(
    (a, b) => a.partition - b.partition || Number(BigInt(a.offset) - BigInt(b.offset)),
  )) {
    const id = r.headers[HEADER.eventId]!;
    if (ids.has(id)) continue;
    ids.add(id);
    const stream = r.headers[HEADER.stream]!;
    expect(r.key).toBe(stream.slice('acct-'.length));
    const revs = firstSeen.get(stream) ?? [];
    revs.push(Number(r.headers[HEADER.revision]));
    firstSeen.set(stream, revs);
  }
  for (const [stream, revs] of firstSeen)
    expect({ stream, revs }).toEqual({ stream, revs: [...revs].sort((a, b) => a - b) });
  expect(records.every((r) => r.headers[HEADER.type] === Counted.type)).toBe(true);
  return { records, duplicates: records.length - ids.size };
}

/** A real consumer building the counter read model from `topic` into a collection of its own. */
export async function startCounterConsumer(conn: Connection, topic: string) {
  const readModel = uniqueName('counters');
  const inbox = uniqueName('inbox');
  const consumer = new EventConsumer({
    broker: testBroker(),
    groupId: uniqueName('messaging-test.projection'),
    inbox: new MongoInbox(conn, inbox),
    logger: silentLogger,
    handlers: [
      {
        type: Counted.type,
        topic,
        handle: counterProjection(conn, readModel) as (e: ConsumedEvent) => Promise<void>,
      },
    ],
  });
  await consumer.start();
  return {
    readModel,
    async stop() {
      await consumer.stop();
      await conn.db?.dropCollection(readModel).catch(() => undefined);
      await conn.db?.dropCollection(inbox).catch(() => undefined);
      await conn.db?.dropCollection(`${inbox}_completed`).catch(() => undefined);
    },
  };
}

/** Waits until the read model equals a full replay of the store (and fails showing the difference). */
export async function expectReadModelEqualsReplay(
  store: EventStore,
  conn: Connection,
  readModel: string,
): Promise<void> {
  const expected = sortKeys(Object.fromEntries(replay(await readEverything(store), Counted.type)));
  const docs = conn.collection<CounterDoc>(readModel);
  const current = async () =>
    sortKeys(Object.fromEntries((await docs.find().toArray()).map(({ _id, ...rest }) => [_id, rest])));
  await eventually(
    current,
    (model) => JSON.stringify(model) === JSON.stringify(expected),
    60_000,
    'replay',
  ).catch(() => undefined);
  expect(await current()).toEqual(expected);
}

/** Builds the counter read model with a fresh consumer group and compares it with a full replay. */
export async function expectProjectionEqualsReplay(
  store: EventStore,
  topic: string,
  conn: Connection,
): Promise<void> {
  const counter = await startCounterConsumer(conn, topic);
  try {
    await expectReadModelEqualsReplay(store, conn, counter.readModel);
  } finally {
    await counter.stop();
  }
}

function sortKeys<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(
    Object.entries(o)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => [
        k,
        Object.fromEntries(Object.entries(v as object).sort(([a], [b]) => a.localeCompare(b))) as T,
      ]),
  );
}
