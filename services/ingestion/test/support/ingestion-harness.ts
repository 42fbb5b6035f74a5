import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { dlqOf, RECORD_ENTITIES, upstreamTopic } from '@foresight/contracts';
import * as kit from '@foresight/service-kit';
import { createTestApp, TestIdentity, uniqueName } from '@foresight/testing';
import { Consumer, Kafka, logLevel, Producer } from 'kafkajs';
import mongoose from 'mongoose';
import { Pool } from 'pg';
import { AppModule } from '../../src/app.module';
import { IngestionConfig, ingestionDefaults } from '../../src/config';

export interface Reply<T = Record<string, unknown>> {
  status: number;
  body: T;
}

/**
 * ingestion in-process with its own event-store schema, Mongo database, upstream sources and
 * consumer group, so runs sharing the servers (other engineers' tests, the demo) never meet:
 * leases, checkpoints and offsets are all per run. Dropped on stop.
 */
export interface Ingestion {
  app: NestFastifyApplication;
  /** The unique upstream source names this instance consumes (`upstream.<source>.<entity>`). */
  sources: string[];
  call<T = Record<string, unknown>>(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    headers: Record<string, string>,
    body?: unknown,
  ): Promise<Reply<T>>;
  stop(): Promise<void>;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** Removes what a run left on the shared broker: its own topics and consumer groups only. */
async function dropFromKafka(topics: readonly string[], groups: readonly string[]): Promise<void> {
  const admin = kafka().admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const mine = topics.filter((t) => existing.has(t));
    if (mine.length) await admin.deleteTopics({ topics: mine }).catch(() => undefined);
    if (groups.length) await admin.deleteGroups([...groups]).catch(() => undefined);
  } finally {
    await admin.disconnect();
  }
}

export async function startIngestion(identity: TestIdentity, sourceCount = 1): Promise<Ingestion> {
  const id = uniqueName('ing').replace(/-/g, '_').toLowerCase();
  const groupId = `${id}.upstream`;
  const schema = `es_${id}`;
  const mongoUrl = withDatabase(process.env['MONGO_URL']!, id);
  const sources = Array.from({ length: sourceCount }, (_, i) => `src${i}-${id.slice(4).replace(/_/g, '-')}`);
  const app = await createTestApp(
    {
      name: 'ingestion',
      configClass: IngestionConfig,
      defaults: ingestionDefaults,
      module: (config) => AppModule.register(config),
    },
    {
      ...process.env,
      ...identity.authEnv,
      EVENTSTORE_SCHEMA: schema,
      MONGO_URL: mongoUrl,
      UPSTREAM_SOURCES: sources.join(','),
      UPSTREAM_GROUP_ID: groupId,
      LOG_LEVEL: 'warn',
    },
    kit,
  );
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    sources,
    async call<T>(
      method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
      url: string,
      headers: Record<string, string>,
      body?: unknown,
    ) {
      const res = await app.inject({
        method,
        url,
        headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
        payload: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.statusCode, body: (res.body ? JSON.parse(res.body) : {}) as T };
    },
    async stop() {
      await app.close();
      const topics = sources.flatMap((source) =>
        RECORD_ENTITIES.flatMap((entity) => [
          upstreamTopic(source, entity),
          dlqOf(upstreamTopic(source, entity)),
        ]),
      );
      await dropFromKafka(topics, [groupId]);
      const pool = new Pool({ connectionString: process.env['EVENTSTORE_URL'], max: 1 });
      await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).finally(() => pool.end());
      const conn = await mongoose.createConnection(mongoUrl, { serverSelectionTimeoutMS: 5000 }).asPromise();
      await Promise.race([conn.dropDatabase(), new Promise((r) => setTimeout(r, 15_000).unref())]).finally(
        () => conn.close(true),
      );
    },
  };
}

export interface Seen {
  topic: string;
  key: string | null;
  headers: Record<string, string>;
  value: Record<string, unknown> & { [k: string]: unknown };
}

const kafka = () =>
  new Kafka({
    clientId: uniqueName('ingestion-test'),
    brokers: process.env['KAFKA_BROKERS']!.split(','),
    logLevel: logLevel.NOTHING,
  });

/**
 * A plain kafkajs consumer on the topics downstream services read, keeping only the given tenants'
 * messages: the test sees exactly what report-engine or ml-scoring would.
 */
export class TopicWatcher {
  readonly seen: Seen[] = [];
  private constructor(
    private readonly consumer: Consumer,
    private readonly groupId: string,
  ) {}

  static async start(topics: readonly string[], tenants: readonly string[]): Promise<TopicWatcher> {
    const groupId = uniqueName('ingestion-test-watch');
    const consumer = kafka().consumer({ groupId, maxWaitTimeInMs: 200 });
    const watcher = new TopicWatcher(consumer, groupId);
    await consumer.connect();
    await consumer.subscribe({ topics: [...topics], fromBeginning: true });
    const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
    await consumer.run({
      eachMessage: async ({ topic, message }) => {
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(message.headers ?? {}))
          headers[k] = Buffer.isBuffer(v) ? v.toString('utf8') : String(v);
        if (!tenants.includes(headers['fs-tenant-id'] ?? '')) return;
        watcher.seen.push({
          topic,
          key: message.key?.toString('utf8') ?? null,
          headers,
          value: JSON.parse(message.value?.toString('utf8') ?? 'null') as Seen['value'],
        });
      },
    });
    await joined;
    return watcher;
  }

  of(filter: (m: Seen) => boolean): Seen[] {
    return this.seen.filter(filter);
  }

  /** Waits until `filter` matches at least `count` messages; returns them. */
  async waitFor(filter: (m: Seen) => boolean, count = 1, timeoutMs = 20_000): Promise<Seen[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.of(filter);
      if (found.length >= count) return found;
      if (Date.now() > deadline)
        throw new Error(`saw ${found.length} of ${count} expected messages within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
    await dropFromKafka([], [this.groupId]);
  }
}

/** An upstream system producing raw records (no Foresight envelope) onto its topics. */
export async function upstreamProducer(): Promise<Producer & { stop(): Promise<void> }> {
  const producer = kafka().producer();
  await producer.connect();
  return Object.assign(producer, { stop: () => producer.disconnect() });
}

/** Polls `probe` until it returns something truthy (read models are eventually consistent). */
export async function eventually<T>(
  probe: () => Promise<T | undefined | null | false>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline)
      throw new Error(`not reached within ${timeoutMs} ms${last ? `: ${(last as Error).message}` : ''}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}
