import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { Admin, Kafka } from 'kafkajs';
import { Connection } from 'mongoose';
import { LoggerModule } from 'nestjs-pino';
import { enableDefaultMetrics, shutdownTelemetry, traceLogFields } from '@foresight/observability';
import { BaseConfig } from './config/config';
import { CONFIG, SERVICE_NAME } from './config/tokens';
import { connectMongo, createEventStoreProbe, createKafka } from './connections/connections';
import {
  EVENTSTORE_PROBE,
  EventStoreProbe,
  KAFKA,
  KAFKA_ADMIN,
  MONGO_CONNECTION,
} from './connections/tokens';
import { HealthController } from './health/health.controller';
import { MetricsController } from './metrics/metrics.controller';

/** Closes the shared connections after Nest has stopped taking requests (SIGTERM → enableShutdownHooks). */
class ConnectionsShutdown implements OnApplicationShutdown {
  constructor(
    @Inject(KAFKA_ADMIN) private readonly admin: Admin,
    @Inject(MONGO_CONNECTION) private readonly mongo: Connection,
    @Inject(EVENTSTORE_PROBE) private readonly eventStore: EventStoreProbe,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([this.admin.disconnect(), this.mongo.close(), this.eventStore.close()]);
    // Last: spans of the shutdown itself are flushed too.
    await shutdownTelemetry();
  }
}

export interface PlatformOptions<C extends BaseConfig> {
  name: string;
  config: C;
}

/**
 * What every service gets: validated config, JSON logs, the shared connections and health checks.
 * Global, so use-case modules inject CONFIG or the connections without re-importing.
 */
@Global()
@Module({})
export class PlatformModule {
  static forRoot<C extends BaseConfig>({ name, config }: PlatformOptions<C>): DynamicModule {
    enableDefaultMetrics();
    return {
      module: PlatformModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.LOG_LEVEL,
            base: { service: name },
            // trace_id/span_id of the active span on every line, to join logs to traces.
            mixin: traceLogFields,
            // Probes and scrapes every few seconds would drown the request log.
            autoLogging: {
              ignore: (req) => /^\/(health|metrics)/.test(req.url ?? ''),
            },
            redact: {
              paths: ['req.headers.authorization', 'req.headers["x-api-key"]', 'req.headers.cookie'],
              remove: true,
            },
          },
        }),
        TerminusModule.forRoot({ errorLogStyle: 'json', gracefulShutdownTimeoutMs: 0 }),
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: CONFIG, useValue: config },
        { provide: SERVICE_NAME, useValue: name },
        { provide: KAFKA, useFactory: () => createKafka(config, `foresight-${name}`) },
        {
          provide: KAFKA_ADMIN,
          inject: [KAFKA],
          useFactory: async (kafka: Kafka) => {
            const admin = kafka.admin({ retry: { retries: 0 } });
            await admin.connect();
            return admin;
          },
        },
        {
          provide: MONGO_CONNECTION,
          useFactory: () => connectMongo(config.MONGO_URL, config.MONGO_POOL_SIZE),
        },
        { provide: EVENTSTORE_PROBE, useFactory: () => createEventStoreProbe(config.EVENTSTORE_URL) },
        ConnectionsShutdown,
      ],
      exports: [CONFIG, SERVICE_NAME, KAFKA, KAFKA_ADMIN, MONGO_CONNECTION, EVENTSTORE_PROBE],
    };
  }
}
