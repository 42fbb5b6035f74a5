import { DynamicModule, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { createEventStore, EventStore } from '@foresight/eventstore';
import { MessagingModule, Routes, TopicSpec } from '@foresight/messaging';
import { recordMessagingMetric } from '@foresight/observability';
import { Projection, ProjectionCatalog, ProjectionEvent } from '@foresight/projections';
import { BaseConfig, CONFIG, MONGO_CONNECTION, SERVICE_NAME } from '@foresight/service-kit';
import type { Connection } from 'mongoose';
import { ProjectionsHost } from './projections-host';
import { ReadModels } from './read-models';
import { BACKBONE_OPTIONS, EVENT_STORE, PROJECTION_CATALOG } from './tokens';

export interface BackboneOptions {
  /** The service's own PostgreSQL schema for its streams (each service owns its data), e.g. `es_report_engine`. */
  schema: string;
  /** Which stored events leave the service, and as what (integration events, not domain events verbatim). */
  routes?: Routes;
  /** Topics this service produces; created with their `.dlq` at start-up. Consumed topics are created from handlers. */
  topics?: readonly TopicSpec[];
  /** Read models fed from the service's own streams. */
  projections?: readonly Projection<object, ProjectionEvent>[];
}

@Injectable()
class EventStoreShutdown implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

/**
 * Everything between a service's domain code and the infrastructure: its event store, the relay
 * that publishes its integration events, `@OnEvent` consumers, and its projections. Import once in
 * the AppModule, after PlatformModule.
 */
@Module({})
export class BackboneModule {
  static forRoot(options: BackboneOptions): DynamicModule {
    return {
      module: BackboneModule,
      global: true,
      imports: [
        MessagingModule.forRootAsync({
          inject: [CONFIG, SERVICE_NAME, MONGO_CONNECTION, EVENT_STORE],
          useFactory: (config: BaseConfig, serviceName: string, mongo: Connection, store: EventStore) => ({
            serviceName,
            groupSuffix: config.CONSUMER_GROUP_SUFFIX,
            consumers: {
              newGroupStart: config.CONSUMER_NEW_GROUP_START,
              partitionsConcurrently: config.CONSUMER_PARTITIONS_CONCURRENTLY,
            },
            brokers: config.KAFKA_BROKERS,
            mongo,
            topics: options.topics ?? [],
            relay: options.routes ? { store, routes: options.routes } : undefined,
            onMetric: recordMessagingMetric,
          }),
        }),
      ],
      providers: [
        { provide: BACKBONE_OPTIONS, useValue: options },
        {
          provide: EVENT_STORE,
          inject: [CONFIG],
          useFactory: (config: BaseConfig) =>
            createEventStore(config.EVENTSTORE_URL, { schema: options.schema }),
        },
        {
          provide: PROJECTION_CATALOG,
          inject: [MONGO_CONNECTION],
          useFactory: (mongo: Connection) => new ProjectionCatalog(mongo),
        },
        EventStoreShutdown,
        ReadModels,
        ProjectionsHost,
      ],
      exports: [EVENT_STORE, PROJECTION_CATALOG, ReadModels, ProjectionsHost],
    };
  }
}
