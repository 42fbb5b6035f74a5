import { Consumer, IHeaders, Kafka, logLevel, LogEntry, Partitioners, Producer } from 'kafkajs';
import { connect, Socket } from 'node:net';
import { MessagingLogger } from '../messaging.hooks';
import {
  Broker,
  BrokerAdmin,
  IncomingRecord,
  OutgoingRecord,
  RawConsumer,
  RawProducer,
  TopicRecords,
  TopicSpec,
} from './broker.port';

export interface KafkaBrokerOptions {
  clientId: string;
  brokers: readonly string[];
  logger: MessagingLogger;
}

function decodeHeaders(raw: IHeaders | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw ?? {})) {
    const one = Array.isArray(value) ? value[0] : value;
    if (one !== undefined) headers[name] = Buffer.isBuffer(one) ? one.toString('utf8') : String(one);
  }
  return headers;
}

function toKafkaMessages(records: readonly OutgoingRecord[]) {
  return records.map((r) => ({ key: r.key, value: r.value, headers: r.headers }));
}

/**
 * One kafkajs client per producer, consumer or admin, each knowing its own sockets. kafkajs drops a
 * broker from its pool after a connection error without closing it (brokerPool.removeBroker), so
 * after a broker restart a disconnected client can still hold a socket open and keep the process
 * alive; `disconnect` below destroys what its client left behind.
 */
function client(options: KafkaBrokerOptions, role: string) {
  const { logger } = options;
  const sockets = new Set<Socket>();
  const kafka = new Kafka({
    clientId: `${options.clientId}-${role}`,
    brokers: [...options.brokers],
    connectionTimeout: 3000,
    logLevel: logLevel.WARN,
    socketFactory: ({ host, port, onConnect }) => {
      const socket = connect({ host, port }, onConnect);
      socket.setKeepAlive(true, 60_000);
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
      return socket;
    },
    logCreator:
      () =>
      ({ level, log }: LogEntry) => {
        const { message, ...fields } = log;
        // We bound the idempotent producer's retries on purpose (see producer()); the warning adds nothing.
        if (message.startsWith('Limiting retries for the idempotent producer')) return;
        if (level <= logLevel.ERROR) logger.error({ kafkajs: fields }, message);
        else if (level === logLevel.WARN) logger.warn({ kafkajs: fields }, message);
        else logger.debug({ kafkajs: fields }, message);
      },
  });
  return {
    kafka,
    closeLeftovers() {
      for (const socket of sockets) socket.destroy();
      sockets.clear();
    },
  };
}

/** Errors a topic being created elsewhere at the same moment can cause; retrying resolves them. */
function transientTopicError(err: unknown): boolean {
  // kafkajs wraps: an aggregate carries `errors`, a spent retrier its last error as `cause`.
  const wrapped = (err ?? {}) as { errors?: unknown[]; cause?: unknown };
  const all = [err, ...(wrapped.errors ?? []), wrapped.cause] as {
    type?: string;
    retriable?: boolean;
  }[];
  return all.some(
    (e) =>
      e?.retriable === true ||
      ['UNKNOWN_TOPIC_OR_PARTITION', 'LEADER_NOT_AVAILABLE', 'TOPIC_ALREADY_EXISTS'].includes(e?.type ?? ''),
  );
}

/**
 * Runs an idempotent admin step again (up to ten times, backing off to 2 s) while the broker reports
 * a transient state: a topic another process just created, or partitions whose leadership is moving
 * (a broker that has just restarted answers "not the leader" for a moment, and kafkajs's admin gives
 * up on that at once instead of refreshing its metadata).
 */
export async function retryTransient<T>(step: () => Promise<T>, attempts = 10): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await step();
    } catch (err) {
      if (attempt >= attempts || !transientTopicError(err)) throw err;
      await new Promise((resolve) => setTimeout(resolve, Math.min(2000, 100 * 2 ** attempt)));
    }
  }
}

/**
 * Commits the topics' current end offsets for a group that has none on them yet (it must not be
 * running). Idempotent, so each attempt starts over with a new admin client and fresh metadata.
 */
async function placeNewGroupAtEnd(kafka: Kafka, groupId: string, topics: readonly string[]): Promise<void> {
  await retryTransient(async () => {
    const admin = kafka.admin();
    await admin.connect();
    try {
      const existing = new Set(await admin.listTopics());
      const present = topics.filter((t) => existing.has(t));
      if (!present.length) return;
      const committed = await admin.fetchOffsets({ groupId, topics: present });
      for (const { topic, partitions } of committed) {
        if (partitions.some((p) => p.offset !== '-1')) continue;
        const ends = await admin.fetchTopicOffsets(topic);
        await admin.setOffsets({
          groupId,
          topic,
          partitions: ends.map((p) => ({ partition: p.partition, offset: p.high })),
        });
      }
    } finally {
      await admin.disconnect();
    }
  });
}

export function kafkaBroker(options: KafkaBrokerOptions): Broker {
  return {
    async admin(): Promise<BrokerAdmin> {
      const { kafka, closeLeftovers } = client(options, 'admin');
      const admin = kafka.admin();
      await admin.connect();
      return {
        listTopics: () => admin.listTopics(),
        async createTopics(specs: readonly Required<TopicSpec>[]) {
          if (!specs.length) return;
          const topics = specs.map((s) => ({
            topic: s.topic,
            numPartitions: s.partitions,
            replicationFactor: s.replicationFactor,
            configEntries: Object.entries(s.config).map(([name, value]) => ({ name, value })),
          }));
          // Returns false (no error) when some already existed; a concurrent creator is not a failure.
          // On a fresh broker, six services creating topics at once can see one that another just
          // created and whose leader is not known yet ("does not host this topic-partition"): kafkajs
          // retries only LEADER_NOT_AVAILABLE there, so retry the whole (idempotent) call.
          await retryTransient(() => admin.createTopics({ waitForLeaders: true, topics }));
        },
        async close() {
          await admin.disconnect();
          closeLeftovers();
        },
      };
    },

    producer(): RawProducer {
      const { kafka, closeLeftovers } = client(options, 'producer');
      // maxInFlightRequests 1 is what kafkajs requires for idempotence; Java's murmur2 partitioner
      // so that a key lands on the same partition whichever client produced it. Retries are bounded
      // (~30 s at most) so a send against a dead broker fails back to the caller — the relay then
      // retries from its checkpoint — instead of hanging shutdown forever.
      const producer: Producer = kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        createPartitioner: Partitioners.DefaultPartitioner,
        retry: { retries: 8, initialRetryTime: 300, maxRetryTime: 5000 },
      });
      return {
        connect: () => producer.connect(),
        async disconnect() {
          await producer.disconnect();
          closeLeftovers();
        },
        async send(batch: readonly TopicRecords[]) {
          const topicMessages = batch
            .filter((b) => b.records.length)
            .map((b) => ({ topic: b.topic, messages: toKafkaMessages(b.records) }));
          if (topicMessages.length) await producer.sendBatch({ acks: -1, topicMessages });
        },
      };
    },

    consumer(groupId: string, { sessionTimeoutMs = 10_000 } = {}): RawConsumer {
      const { kafka, closeLeftovers } = client(options, 'consumer');
      const consumer: Consumer = kafka.consumer({
        groupId,
        // Java's default is 45 s: that long would a crashed member's partitions sit idle. Handlers
        // heartbeat between messages, so only one message taking longer than this could trip it.
        sessionTimeout: sessionTimeoutMs,
        heartbeatInterval: Math.min(3000, Math.floor(sessionTimeoutMs / 3)),
        // stop() waits for the fetch in flight; a shorter long-poll keeps shutdown and rebalances quick.
        maxWaitTimeInMs: 500,
        // A handler failure is ours to retry (the consumer does, then dead-letters); anything that
        // still escapes is infrastructure (broker or Mongo away): keep restarting, never give up.
        retry: { retries: 5, initialRetryTime: 300, maxRetryTime: 5000, restartOnFailure: async () => true },
      });
      let started = false;
      return {
        async start({ topics, fromBeginning, newGroupStart, partitionsConcurrently, onBatch }) {
          if (newGroupStart === 'end') await placeNewGroupAtEnd(kafka, groupId, topics);
          await consumer.connect();
          // A topic another service has just created can be listed before every broker's metadata
          // hosts it ("does not host this topic-partition"); subscribing again is harmless.
          await retryTransient(() => consumer.subscribe({ topics: [...topics], fromBeginning }));
          started = true;
          await consumer.run({
            autoCommit: false,
            eachBatchAutoResolve: false,
            partitionsConsumedConcurrently: partitionsConcurrently,
            eachBatch: async ({
              batch,
              resolveOffset,
              commitOffsetsIfNecessary,
              heartbeat,
              isRunning,
              isStale,
            }) => {
              const records: IncomingRecord[] = batch.messages.map((m) => ({
                topic: batch.topic,
                partition: batch.partition,
                offset: m.offset,
                key: m.key ? m.key.toString('utf8') : null,
                value: m.value,
                headers: decodeHeaders(m.headers),
              }));
              await onBatch({
                topic: batch.topic,
                partition: batch.partition,
                records,
                highWatermark: batch.highWatermark,
                heartbeat,
                isActive: () => isRunning() && !isStale(),
                async commit(offset: string) {
                  resolveOffset(offset);
                  // Not consumer.commitOffsets(): it silently drops commits once stop() began, which
                  // would redeliver the very work a graceful shutdown waited for.
                  const next = (BigInt(offset) + 1n).toString();
                  await commitOffsetsIfNecessary({
                    topics: [
                      { topic: batch.topic, partitions: [{ partition: batch.partition, offset: next }] },
                    ],
                  });
                },
              });
            },
          });
        },
        async stop() {
          if (started) await consumer.stop();
          await consumer.disconnect();
          closeLeftovers();
        },
      };
    },
  };
}
