/**
 * Kafka as the services' tests see it from outside: publish integration events with real envelope
 * headers, watch a topic for one tenant's messages, and give a service copy private stores.
 */
import { Envelope, envelopeToHeaders, HEADER } from '@foresight/contracts';
import { uniqueName } from './names';
import { dropPrivateStores } from './private-stores';
import { Consumer, IHeaders, Kafka, logLevel, Partitioners, Producer } from 'kafkajs';
import { v7 as uuidv7 } from 'uuid';

export interface WatchedMessage<P = unknown> {
  key: string | null;
  headers: Record<string, string>;
  payload: P;
}

const kafkaOf = (brokers: string[]) =>
  new Kafka({ clientId: uniqueName('test'), brokers, logLevel: logLevel.NOTHING });

/** An envelope as a producing service's relay writes it (stream and revision included). */
export function testEnvelope(
  type: string,
  tenantId: string,
  source: { service: string; stream: string; revision: number },
): Envelope {
  const eventId = uuidv7();
  return {
    eventId,
    type,
    schemaVersion: 1,
    tenantId,
    occurredAt: new Date().toISOString(),
    correlationId: eventId,
    causationId: null,
    source: source.service,
    stream: source.stream,
    revision: source.revision,
    position: String(Date.now()),
  };
}

/** Produces integration events the way the relay does: key = entity id, envelope in the headers. */
export class TestPublisher {
  private constructor(private readonly producer: Producer) {}

  static async connect(brokers: string[]): Promise<TestPublisher> {
    const producer = kafkaOf(brokers).producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    return new TestPublisher(producer);
  }

  async publish(topic: string, key: string, e: Envelope, payload: object): Promise<void> {
    await this.producer.send({
      topic,
      messages: [{ key, value: JSON.stringify(payload), headers: envelopeToHeaders(e) }],
    });
  }

  close(): Promise<void> {
    return this.producer.disconnect();
  }
}

const text = (headers: IHeaders | undefined): Record<string, string> =>
  Object.fromEntries(
    Object.entries(headers ?? {}).flatMap(([k, v]) => {
      const one = Array.isArray(v) ? v[0] : v;
      return one === undefined ? [] : [[k, Buffer.isBuffer(one) ? one.toString('utf8') : String(one)]];
    }),
  );

/** Everything one tenant receives on a topic, from a private consumer group. */
/**
 * Subscribes a test's consumer to a topic the service under test may not have created yet: on a
 * fresh broker the first metadata request auto-creates it and answers "does not host this
 * topic-partition", which kafkajs does not retry.
 */
export async function subscribeFromBeginning(consumer: Consumer, topic: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await consumer.subscribe({ topic, fromBeginning: true });
      return;
    } catch (err) {
      if (attempt >= 10 || (err as { type?: string }).type !== 'UNKNOWN_TOPIC_OR_PARTITION') throw err;
      await new Promise((resolve) => setTimeout(resolve, 300 * attempt));
    }
  }
}

export class TopicWatcher<P = unknown> {
  readonly received: WatchedMessage<P>[] = [];
  private waiters: (() => void)[] = [];

  private constructor(
    private readonly consumer: Consumer,
    private readonly groupId: string,
  ) {}

  static async start<P>(brokers: string[], topic: string, tenantId: string): Promise<TopicWatcher<P>> {
    const groupId = uniqueName('test-watch');
    const consumer = kafkaOf(brokers).consumer({ groupId });
    const watcher = new TopicWatcher<P>(consumer, groupId);
    await consumer.connect();
    // From the beginning, filtered by tenant: no race between joining the group and the first event.
    await subscribeFromBeginning(consumer, topic);
    const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
    await consumer.run({
      eachMessage: async ({ message }) => {
        const headers = text(message.headers);
        if (headers[HEADER.tenantId] !== tenantId) return;
        watcher.received.push({
          key: message.key?.toString('utf8') ?? null,
          headers,
          payload: JSON.parse(message.value?.toString('utf8') ?? 'null') as P,
        });
        for (const wake of watcher.waiters.splice(0)) wake();
      },
    });
    await joined;
    return watcher;
  }

  /** The first message (already received or still to come) that satisfies `match`. */
  async next(match: (m: WatchedMessage<P>) => boolean, timeoutMs = 20_000): Promise<WatchedMessage<P>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.received.find(match);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(`no matching message within ${timeoutMs} ms (${this.received.length} received)`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
    await deleteGroups([this.groupId]);
  }
}

/** Consumer groups of a finished run: their offsets would otherwise stay on the shared broker. */
export async function deleteGroups(groupIds: string[]): Promise<void> {
  const brokers = (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(',');
  const admin = kafkaOf(brokers).admin();
  await admin.connect();
  await admin.deleteGroups(groupIds).catch(() => undefined);
  await admin.disconnect();
}

/** Polls until `probe` returns a value (not undefined), for eventually consistent read models. */
export async function pollUntil<T>(probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline)
      throw new Error(`not reached within ${timeoutMs} ms${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export interface PrivateStores {
  /** Mongo URL of a database only this run uses. */
  mongoUrl: string;
  schema: string;
  groupSuffix: string;
  /** Variables that point the service at them. */
  env: Record<string, string>;
  drop(): Promise<void>;
}

/** A private event-store schema, Mongo database and consumer-group suffix, so runs sharing the servers never meet. */
export function privateStores(prefix: string, consumerGroups: (suffix: string) => string[]): PrivateStores {
  const id = uniqueName(prefix).replace(/-/g, '_').toLowerCase();
  const mongo = new URL(process.env['MONGO_URL'] ?? 'mongodb://127.0.0.1:27017/foresight');
  mongo.pathname = `/${id}`;
  const schema = `es_${id}`;
  const groupSuffix = id;
  return {
    mongoUrl: mongo.toString(),
    schema,
    groupSuffix,
    env: {
      MONGO_URL: mongo.toString(),
      EVENTSTORE_SCHEMA: schema,
      CONSUMER_GROUP_SUFFIX: groupSuffix,
      // New groups skip earlier runs' messages on the shared topics (poison ones cost retries).
      CONSUMER_NEW_GROUP_START: 'end',
    },
    async drop() {
      await dropPrivateStores(schema, mongo.toString());
      await deleteGroups(consumerGroups(groupSuffix));
    },
  };
}
