import 'reflect-metadata';
import { dlqOf } from '@foresight/contracts';
import { createEventStore, EventStore } from '@foresight/eventstore';
import { uniqueName } from '@foresight/testing';
import { Connection } from 'mongoose';
import { ensureTopics } from '../src';
import { appendCounted, dropSchema, uniqueSchema } from './support/event-store.fixture';
import { deleteTopics, env, mongo, startWorker, testBroker, Worker } from './support/harness';
import { expectAllOnKafka, expectProjectionEqualsReplay } from './support/relay-checks';

jest.setTimeout(120_000);

/** Sums the `published <position> <events>` lines a relay worker printed. */
const publishedBy = (w: Worker) =>
  w
    .output()
    .split('\n')
    .map((l) => /^published \d+ (\d+)$/.exec(l))
    .reduce((n, m) => n + (m ? Number(m[1]) : 0), 0);

describe('the relay, SIGKILLed mid-stream and restarted', () => {
  const schema = uniqueSchema('msg_relay');
  const topic = uniqueName('test.messaging.relay-crash');
  const checkpoints = uniqueName('relay_checkpoints');
  let store: EventStore;
  let conn: Connection;
  const workers: Worker[] = [];

  const relay = (extra: Record<string, string> = {}) => {
    const w = startWorker('relay.worker', {
      ES_SCHEMA: schema,
      TOPIC: topic,
      RELAY_NAME: 'crash-test',
      CHECKPOINTS: checkpoints,
      BATCH_SIZE: '50',
      ...extra,
    });
    workers.push(w);
    return w;
  };

  beforeAll(async () => {
    store = createEventStore(env().eventstoreUrl, { schema });
    conn = await mongo();
    await ensureTopics(testBroker(), [{ topic }]);
  });

  afterAll(async () => {
    await Promise.allSettled(workers.map((w) => w.kill()));
    await store?.close();
    await conn?.db?.dropCollection(checkpoints).catch(() => undefined);
    await conn?.close();
    await dropSchema(schema);
    await deleteTopics([topic, dlqOf(topic)]);
  });

  it('gets every event to Kafka at least once, in order per key, and a consumer projection equals the replay', async () => {
    // Stalls once a batch at or past the 300th stored event is on Kafka but not yet checkpointed.
    const first = relay({ STALL_AT_POSITION: '300' });
    await first.waitFor(/^leader$/);
    // 40 streams × 50 events, appended while the relay runs.
    const appending = appendCounted(store, {
      prefix: 's',
      streams: 40,
      perStream: 50,
      perAppend: 5,
      pauseMs: 20,
    });
    await first.waitFor(/^stalled$/);
    await first.kill('SIGKILL');
    const beforeKill = publishedBy(first);

    const second = relay();
    expect(await appending).toBe(2000);
    const { records, duplicates } = await expectAllOnKafka(store, topic);
    console.log(
      `relay crash: killed after ${beforeKill} published; ${records.length} records on Kafka for 2000 events (${duplicates} re-sent)`,
    );
    // The batch acknowledged but not checkpointed before the kill was sent again.
    expect(duplicates).toBeGreaterThan(0);
    await expectProjectionEqualsReplay(store, topic, conn);
    await second.kill('SIGTERM');
    expect(second.process.exitCode).toBe(0);
  });
});
