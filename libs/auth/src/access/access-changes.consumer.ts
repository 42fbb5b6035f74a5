import {
  AccessChanged,
  AccessChangedPayload,
  envelopeFromHeaders,
  parse,
  Topics,
} from '@foresight/contracts';
import { ensureTopics, kafkaBroker, MessagingLogger, retryTransient } from '@foresight/messaging';
import { Admin, Consumer, Kafka, logLevel } from 'kafkajs';
import { randomUUID } from 'node:crypto';

export interface AccessChangesOptions {
  serviceName: string;
  brokers: readonly string[];
  /** How much of the topic to replay at start (the longest token lifetime). */
  replayMs: number;
  /** `replayed`: published before this instance started (part of the replayed window). */
  onChange: (change: AccessChangedPayload, info: { lagMs: number; replayed: boolean }) => void;
  logger: MessagingLogger;
}

/**
 * Broadcast consumer of `identity.access.v1`: every instance must see every change, so each joins
 * a consumer group of its own (`<service>-auth-<uuid>`) — shared groups would split the partitions
 * between instances. It commits nothing (the group vanishes with the instance) and starts from the
 * offsets at `now − replayMs`, so an instance started after a revocation still knows about it; it
 * keeps its own positions, so a rebalance resumes where it was instead of at the log end.
 * Changes are idempotent to apply, so a replayed or redelivered one does no harm.
 */
export class AccessChangesConsumer {
  readonly groupId: string;
  private readonly kafka: Kafka;
  private consumer?: Consumer;
  private admin?: Admin;

  constructor(private readonly options: AccessChangesOptions) {
    this.groupId = `${options.serviceName}-auth-${randomUUID()}`;
    this.kafka = new Kafka({
      clientId: `foresight-${options.serviceName}-auth`,
      brokers: [...options.brokers],
      logLevel: logLevel.WARN,
      connectionTimeout: 3000,
      retry: { retries: 5, initialRetryTime: 300, maxRetryTime: 5000 },
    });
  }

  /** Resolves once the group is joined and positioned: changes from then on are seen. */
  async start(): Promise<void> {
    const topic = Topics.identityAccess;
    const startedAt = Date.now();
    const broker = kafkaBroker({
      clientId: `foresight-${this.options.serviceName}-auth`,
      brokers: this.options.brokers,
      logger: this.options.logger,
    });
    await ensureTopics(broker, [{ topic }]);
    const admin = this.kafka.admin();
    this.admin = admin;
    await admin.connect();
    // Where to read from, per partition: first the replay window's start, then past what was read.
    const positions = new Map<number, string>();
    // Another service may have created the topic a moment ago: its partitions can answer "not the
    // leader" briefly, which kafkajs's admin does not retry.
    const starts = await retryTransient(() =>
      admin.fetchTopicOffsetsByTimestamp(topic, startedAt - this.options.replayMs),
    );
    for (const { partition, offset } of starts) positions.set(partition, offset);

    const consumer = this.kafka.consumer({
      groupId: this.groupId,
      // Bounds how long a fetch parked at the log end waits before the next round.
      maxWaitTimeInMs: 1000,
      // A broker blip must not leave this instance deaf to revocations: keep restarting.
      retry: { retries: 5, initialRetryTime: 300, maxRetryTime: 5000, restartOnFailure: async () => true },
    });
    this.consumer = consumer;
    // Nothing is committed, so after any (re)join the group would start at the log end and skip
    // what arrived meanwhile: position every partition before its first fetch instead.
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
      for (const partition of payload.memberAssignment[topic] ?? []) {
        const offset = positions.get(partition);
        if (offset !== undefined) consumer.seek({ topic, partition, offset });
      }
    });
    await consumer.connect();
    await retryTransient(() => consumer.subscribe({ topics: [topic], fromBeginning: false }));
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ partition, message }) => {
        positions.set(partition, (BigInt(message.offset) + 1n).toString());
        const read = envelopeFromHeaders(message.headers ?? {});
        if (!read.ok || read.envelope.type !== AccessChanged.type) return;
        const parsed = parse<AccessChangedPayload>(AccessChanged.type, message.value?.toString('utf8') ?? '');
        if (!parsed.ok) {
          this.options.logger.warn(
            { offset: message.offset, errors: parsed.errors },
            'invalid AccessChanged ignored',
          );
          return;
        }
        this.options.onChange(parsed.value, {
          lagMs: Date.now() - Date.parse(parsed.value.changedAt),
          replayed: Number(message.timestamp) < startedAt,
        });
      },
    });
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect().catch(() => undefined);
    // It committed nothing, so the broker would drop the group anyway; this just does it now.
    await this.admin?.deleteGroups([this.groupId]).catch(() => undefined);
    await this.admin?.disconnect().catch(() => undefined);
  }
}
