import 'reflect-metadata';
import { dlqOf } from '@foresight/contracts';
import { createEventStore, EventStore } from '@foresight/eventstore';
import { uniqueName } from '@foresight/testing';
import { Connection } from 'mongoose';
import { ensureTopics } from '../src';
import { appendCounted, dropSchema, uniqueSchema } from './support/event-store.fixture';
import { deleteTopics, env, eventually, mongo, startWorker, testBroker, Worker } from './support/harness';
import { expectAllOnKafka } from './support/relay-checks';

jest.setTimeout(120_000);

const published = (w: Worker) =>
  w
    .output()
    .split('\n')
    .filter((l) => l.startsWith('published ')).length;
const isLeader = (w: Worker) => /^leader$/m.test(w.output());

describe('two relay instances of one service', () => {
  const schema = uniqueSchema('msg_leader');
  const topic = uniqueName('test.messaging.relay-leader');
  const names = { CHECKPOINTS: uniqueName('relay_checkpoints'), LEASES: uniqueName('leases') };
  let store: EventStore;
  let conn: Connection;
  const workers: Worker[] = [];

  beforeAll(async () => {
    store = createEventStore(env().eventstoreUrl, { schema });
    conn = await mongo();
    await ensureTopics(testBroker(), [{ topic }]);
  });

  afterAll(async () => {
    await Promise.allSettled(workers.map((w) => w.kill()));
    await store?.close();
    for (const c of Object.values(names)) await conn?.db?.dropCollection(c).catch(() => undefined);
    await conn?.close();
    await dropSchema(schema);
    await deleteTopics([topic, dlqOf(topic)]);
  });

  it('relay through one leader only, and the standby takes over when the leader is SIGKILLed, missing nothing', async () => {
    const start = () => {
      const w = startWorker('relay.worker', {
        ES_SCHEMA: schema,
        TOPIC: topic,
        RELAY_NAME: 'leader-test',
        LEASE_TTL_MS: '3000',
        BATCH_SIZE: '50',
        ...names,
      });
      workers.push(w);
      return w;
    };
    const [a, b] = [start(), start()];
    await Promise.all([a.waitFor(/^ready /), b.waitFor(/^ready /)]);
    await eventually(
      async () => [a, b].filter(isLeader).length,
      (n) => n >= 1,
      30_000,
      'a leader',
    );
    const leader = isLeader(a) ? a : b;
    const standby = leader === a ? b : a;

    await appendCounted(store, { prefix: 'early', streams: 20, perStream: 30, perAppend: 5 });
    await eventually(
      async () => published(leader),
      (n) => n > 0,
      30_000,
      'the leader publishing',
    );
    await expectAllOnKafka(store, topic);
    expect(isLeader(standby)).toBe(false);
    expect(published(standby)).toBe(0);

    // Appends continue across the leader's death: some land while nobody relays.
    const appending = appendCounted(store, {
      prefix: 'late',
      streams: 20,
      perStream: 30,
      perAppend: 5,
      pauseMs: 30,
    });
    await new Promise((r) => setTimeout(r, 300));
    await leader.kill('SIGKILL');
    const killedAt = Date.now();
    await standby.waitFor(/^leader$/, 30_000);
    console.log(
      `relay leader: standby took over ${Date.now() - killedAt} ms after the SIGKILL (lease TTL 3000 ms)`,
    );
    await appending;

    const { records } = await expectAllOnKafka(store, topic);
    expect(new Set(records.map((r) => r.key)).size).toBe(40);
    expect(published(standby)).toBeGreaterThan(0);
  });
});
