import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { DLQ_HEADER, dlqOf } from '@foresight/contracts';
import { ensureTopics, kafkaBroker, MessagingLogger } from '@foresight/messaging';
import { CONFIG } from '@foresight/service-kit';
import { v5 as uuidv5 } from 'uuid';
import type { IngestionConfig } from '../../../config';
import { IngestRecords } from './ingest-records.command';
import { IngestRecordsHandler } from './ingest-records.handler';
import type { IncomingRecord } from './record-verdict';
import {
  readUpstreamMessage,
  UpstreamKafkaMessage,
  UpstreamTopic,
  upstreamTopicsFor,
} from './upstream-message';

/** Fixed forever: a chunk's sync id derives from its offsets, so a redelivered chunk is the same sync. */
const SYNC_NAMESPACE = '9d4c2b7e-1f3a-4e5d-8b6c-0a7f9e2d4c11';

/** Messages per sync: small enough to heartbeat often, big enough that a busy topic is not one sync per message. */
const CHUNK = 100;

type Batch = {
  topic: string;
  partition: number;
  records: readonly UpstreamKafkaMessage[];
  commit(offset: string): Promise<void>;
  heartbeat(): Promise<void>;
  isActive(): boolean;
};

function messagingLogger(logger: Logger): MessagingLogger {
  return {
    debug: (fields, msg) => logger.debug({ msg, ...fields }),
    info: (fields, msg) => logger.log({ msg, ...fields }),
    warn: (fields, msg) => logger.warn({ msg, ...fields }),
    error: (fields, msg) => logger.error({ msg, ...fields }),
  };
}

/**
 * Consumes `upstream.<source>.<entity>` for every configured source. These messages carry no
 * Foresight envelope, which libs/messaging's consumer requires, so this reads them through the
 * broker port directly: per chunk, the records of each tenant run through the same use case as the
 * REST API, dead letters are produced, and only then is the offset committed. Redelivery after a
 * crash is harmless: unchanged records are no-ops by content hash, and the chunk's sync id (hence
 * its history entry and rejections) is derived from its offsets.
 */
@Injectable()
export class UpstreamRecordsConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('UpstreamRecords');
  private stopping?: () => Promise<void>;

  constructor(
    @Inject(CONFIG) private readonly config: IngestionConfig,
    private readonly handler: IngestRecordsHandler,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const topics = upstreamTopicsFor(this.config.UPSTREAM_SOURCES);
    if (topics.size === 0) return;
    const broker = kafkaBroker({
      clientId: 'foresight-ingestion-upstream',
      brokers: this.config.KAFKA_BROKERS,
      logger: messagingLogger(this.logger),
    });
    await ensureTopics(
      broker,
      [...topics.keys()].map((topic) => ({ topic })),
    );
    const deadLetters = broker.producer();
    await deadLetters.connect();
    const consumer = broker.consumer(this.config.UPSTREAM_GROUP_ID);
    this.stopping = async () => {
      await consumer.stop();
      await deadLetters.disconnect();
    };
    await consumer.start({
      topics: [...topics.keys()],
      // A source added later still gets everything its topics hold.
      fromBeginning: true,
      partitionsConcurrently: 1,
      onBatch: async (batch) => {
        const topic = topics.get(batch.topic);
        if (!topic) return;
        for (let i = 0; i < batch.records.length; i += CHUNK) {
          if (!batch.isActive()) return;
          const chunk = batch.records.slice(i, i + CHUNK);
          const last = chunk[chunk.length - 1];
          if (!last) return;
          const dead = await this.onChunk(batch, topic, chunk, last.offset);
          if (dead.length) await deadLetters.send([{ topic: dlqOf(batch.topic), records: dead }]);
          await batch.commit(last.offset);
          await batch.heartbeat();
        }
      },
    });
    this.logger.log({
      msg: 'consuming upstream topics',
      group: this.config.UPSTREAM_GROUP_ID,
      topics: [...topics.keys()],
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.stopping?.();
  }

  /** Runs one chunk; a failure (the event store away) throws, so the client redelivers from the last commit. */
  private async onChunk(
    batch: Batch,
    topic: UpstreamTopic,
    chunk: readonly UpstreamKafkaMessage[],
    lastOffset: string,
  ) {
    const group = this.config.UPSTREAM_GROUP_ID;
    const dead: { key: string | null; value: Buffer | null; headers: Record<string, string> }[] = [];
    const byTenant = new Map<string, IncomingRecord[]>();
    for (const message of chunk) {
      const read = readUpstreamMessage(message);
      if (read.kind === 'dead') {
        this.logger.warn({
          msg: 'upstream message dead-lettered',
          topic: message.topic,
          offset: message.offset,
          reason: read.reason,
        });
        dead.push({
          key: message.key,
          value: message.value,
          headers: {
            ...message.headers,
            [DLQ_HEADER.reason]: 'invalid',
            [DLQ_HEADER.error]: read.reason,
            [DLQ_HEADER.attempts]: '0',
            [DLQ_HEADER.topic]: message.topic,
            [DLQ_HEADER.partition]: String(message.partition),
            [DLQ_HEADER.offset]: message.offset,
            [DLQ_HEADER.group]: group,
            [DLQ_HEADER.failedAt]: new Date().toISOString(),
          },
        });
        continue;
      }
      const records = byTenant.get(read.tenantId) ?? [];
      records.push(read.record);
      byTenant.set(read.tenantId, records);
    }
    const range = `${batch.topic}|${batch.partition}|${chunk[0]?.offset}|${lastOffset}`;
    for (const [tenantId, records] of byTenant) {
      const syncId = uuidv5(`${group}|${range}|${tenantId}`, SYNC_NAMESPACE);
      await this.handler.execute(
        IngestRecords.create({
          tenantId,
          source: topic.source,
          entity: topic.entity,
          via: 'kafka',
          syncId,
          actor: 'upstream',
          receivedAt: new Date(),
          records,
        }),
      );
    }
    return dead;
  }
}
