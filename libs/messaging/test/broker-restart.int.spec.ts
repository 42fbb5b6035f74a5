import 'reflect-metadata';
import { dlqOf } from '@foresight/contracts';
import { createEventStore, EventStore } from '@foresight/eventstore';
import { repoRoot, uniqueName } from '@foresight/testing';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readlinkSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { Connection } from 'mongoose';
import { EnvelopePublisher, ensureTopics, EventRelay, MessagingLogger, MongoRelayCheckpoints } from '../src';
import { appendCounted, dropSchema, uniqueSchema } from './support/event-store.fixture';
import { deleteTopics, env, eventually, mongo, testBroker } from './support/harness';
import { expectAllOnKafka, expectReadModelEqualsReplay, startCounterConsumer } from './support/relay-checks';
import { Counted } from './support/test-contracts';

jest.setTimeout(180_000);

/**
 * This test stops the shared broker for everyone on it: it stays alone in this file and keeps the
 * outage to one stop and one start. It restarts the broker `infra/local` started (its pid file);
 * BROKER_RESTART_INFRA names another clone's `infra/local` when that one runs the broker under test.
 */
const infraDir = process.env['BROKER_RESTART_INFRA'] ?? join(repoRoot, 'infra/local');
const localDir = join(infraDir, '../../.local');
const pidFile = join(localDir, 'pids/kafka.pid');

function whyNotRestartable(): string | undefined {
  if (!existsSync(pidFile))
    return `no ${pidFile}: the broker was not started by infra/local (testcontainers or an external broker), so this test cannot stop and start it`;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  let cwd = '';
  try {
    cwd = readlinkSync(`/proc/${pid}/cwd`);
  } catch {
    return `${pidFile} names pid ${pid}, which is not running`;
  }
  if (cwd !== realpathSync(join(localDir, 'kafka')))
    return `${pidFile} names pid ${pid}, which is not our Kafka`;
  const port = process.env['FORESIGHT_KAFKA_PORT'] ?? '9092';
  if (!env().brokers.includes(`127.0.0.1:${port}`))
    return `KAFKA_BROKERS=${env().brokers.join(',')} is not the broker infra/local runs on 127.0.0.1:${port}`;
  return undefined;
}

const reason = whyNotRestartable();
if (reason) console.warn(`broker-restart.int.spec: skipped: ${reason}`);
const describeIfRestartable = reason ? describe.skip : describe;

async function restartBroker(): Promise<{ downMs: number; upMs: number }> {
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  const t0 = Date.now();
  process.kill(pid, 'SIGTERM');
  await eventually(
    async () => {
      try {
        process.kill(pid, 0);
        return false;
      } catch {
        return true;
      }
    },
    (gone) => gone,
    60_000,
    'the broker to exit',
  );
  const downMs = Date.now() - t0;
  // `up` starts only what is not running; without KAFKA_BROKERS it treats Kafka as its own to start.
  const { KAFKA_BROKERS: _ignored, ...upEnv } = process.env;
  execFileSync(join(infraDir, 'up'), { env: upEnv, stdio: ['ignore', 'pipe', 'inherit'] });
  return { downMs, upMs: Date.now() - t0 };
}

describeIfRestartable('a broker restart while the relay is producing', () => {
  const schema = uniqueSchema('msg_broker');
  const topic = uniqueName('test.messaging.broker-restart');
  const checkpoints = uniqueName('relay_checkpoints');
  let store: EventStore;
  let conn: Connection;
  let relay: EventRelay | undefined;
  let publisher: EnvelopePublisher | undefined;

  beforeAll(async () => {
    store = createEventStore(env().eventstoreUrl, { schema });
    conn = await mongo();
    await ensureTopics(testBroker(), [{ topic }]);
  });

  afterAll(async () => {
    await relay?.stop();
    await publisher?.close();
    await store?.close();
    await conn?.db?.dropCollection(checkpoints).catch(() => undefined);
    await conn?.close();
    await dropSchema(schema);
    await deleteTopics([topic, dlqOf(topic)]);
  });

  it('loses no event: all reach Kafka and the consumer read model equals the replay', async () => {
    const warnings: string[] = [];
    const logger: MessagingLogger = {
      debug: () => undefined,
      info: () => undefined,
      warn: (_f, msg) => void warnings.push(msg),
      error: (_f, msg) => void warnings.push(msg),
    };
    const broker = testBroker();
    publisher = new EnvelopePublisher(broker.producer());
    await publisher.connect();
    let published = 0;
    relay = new EventRelay({
      name: 'broker-restart',
      source: 'messaging-test',
      store,
      publisher,
      routes: { [Counted.type]: topic },
      checkpoints: new MongoRelayCheckpoints(conn, checkpoints),
      batchSize: 50,
      retry: { initialDelayMs: 200, maxDelayMs: 2000 },
      logger,
      onMetric: (m) => {
        if (m.name === 'relay.published') published += m.events;
      },
    });
    relay.start();
    const counter = await startCounterConsumer(conn, topic);
    try {
      // About ten seconds of appends, so they go on through the whole outage.
      const appending = appendCounted(store, {
        prefix: 'b',
        streams: 20,
        perStream: 40,
        perAppend: 2,
        pauseMs: 500,
      });
      await eventually(
        async () => published,
        (n) => n >= 60,
        30_000,
        'publishing before the restart',
      );
      const { downMs, upMs } = await restartBroker();
      expect(await appending).toBe(800);

      const { records, duplicates } = await expectAllOnKafka(store, topic);
      await expectReadModelEqualsReplay(store, conn, counter.readModel);
      console.log(
        `broker restart: stopped in ${downMs} ms, serving again ${upMs} ms after the stop began; ` +
          `${records.length} records for 800 events (${duplicates} re-sent); relay/consumer warnings: ${warnings.length}`,
      );
    } finally {
      await counter.stop();
    }
  });
});
