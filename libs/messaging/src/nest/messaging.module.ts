import {
  BeforeApplicationShutdown,
  DynamicModule,
  Inject,
  Injectable,
  Module,
  ModuleMetadata,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  OnModuleInit,
  Provider,
} from '@nestjs/common';
import { DiscoveryModule, DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { AllFilter, EventStore } from '@foresight/eventstore';
import { contractOf } from '@foresight/contracts';
import { Connection } from 'mongoose';
import { Broker, TopicSpec } from '../broker/broker.port';
import { kafkaBroker } from '../broker/kafkajs-broker.adapter';
import { EventConsumer, EventHandler, HandlerRegistration } from '../consumer/event.consumer';
import { MongoInbox } from '../consumer/inbox.store';
import { RetryPolicy } from '../consumer/retry.policy';
import { MongoLeaseElection } from '../leader/mongo-lease.election';
import { MessagingLogger, MetricSink } from '../messaging.hooks';
import { EnvelopePublisher } from '../publisher/envelope.publisher';
import { EventRelay } from '../relay/event.relay';
import { Routes } from '../relay/recorded-event.mapper';
import { MongoRelayCheckpoints } from '../relay/relay-checkpoint.store';
import { ensureTopics, LOCAL_TOPIC_DEFAULTS, TopicDefaults } from '../topics/topic.provisioner';
import { nestLogger } from './nest.logger';
import { ON_EVENT, OnEventMetadata } from './on-event.decorator';
import { BROKER, EVENT_RELAY, MESSAGING_OPTIONS, PUBLISHER } from './tokens';

export interface MessagingOptions {
  serviceName: string;
  /**
   * Appended to every consumer group id. Empty in production; test runs that start their own copy of
   * a service beside others set it, so the copies do not split one group's partitions between them.
   */
  groupSuffix?: string;
  brokers: readonly string[];
  /** Holds the consumers' inbox and the relay's checkpoint and lease. */
  mongo: Connection;
  /** Topics this service produces to; created with their `.dlq` at start-up if missing. */
  topics?: readonly TopicSpec[];
  topicDefaults?: Partial<TopicDefaults>;
  /** Present in services that own event streams. */
  relay?: {
    store: EventStore;
    routes: Routes;
    batchSize?: number;
    filter?: AllFilter;
    /** Take-over time after the leader dies is about this long. */
    leaseTtlMs?: number;
  };
  consumers?: {
    retry?: Partial<RetryPolicy>;
    fromBeginning?: boolean;
    newGroupStart?: 'beginning' | 'end';
    partitionsConcurrently?: number;
  };
  logger?: MessagingLogger;
  onMetric?: MetricSink;
}

export interface MessagingAsyncOptions extends Pick<ModuleMetadata, 'imports'> {
  inject?: (string | symbol | (abstract new (...args: never[]) => unknown))[];
  useFactory: (...args: never[]) => MessagingOptions | Promise<MessagingOptions>;
}

const kebab = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();

/** Wires the plain classes into Nest's lifecycle; all behaviour lives in them. */
@Injectable()
export class MessagingRuntime
  implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown
{
  private consumers: EventConsumer[] = [];
  private readonly logger: MessagingLogger;

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    @Inject(BROKER) private readonly broker: Broker,
    @Inject(PUBLISHER) private readonly publisher: EnvelopePublisher,
    @Inject(EVENT_RELAY) private readonly relay: EventRelay | null,
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {
    this.logger = options.logger ?? nestLogger('Messaging');
  }

  /** Topics exist before anyone produces or subscribes: ours, and those our handlers read. */
  async onModuleInit(): Promise<void> {
    const consumed = this.registrations().map(({ meta }) => ({
      topic: meta.topic ?? contractOf(meta.type)?.topic,
    }));
    const specs = [...(this.options.topics ?? []), ...consumed.filter((s): s is TopicSpec => !!s.topic)];
    const created = await ensureTopics(this.broker, specs, {
      ...LOCAL_TOPIC_DEFAULTS,
      ...this.options.topicDefaults,
    });
    if (created.length) this.logger.info({ topics: created }, 'topics created');
    await this.publisher.connect();
  }

  async onApplicationBootstrap(): Promise<void> {
    const byConsumer = new Map<string, HandlerRegistration[]>();
    for (const { consumer, meta, handle } of this.registrations()) {
      const list = byConsumer.get(consumer) ?? [];
      list.push({ type: meta.type, topic: meta.topic, handle });
      byConsumer.set(consumer, list);
    }
    const inbox = new MongoInbox(this.options.mongo);
    for (const [consumer, handlers] of byConsumer) {
      this.consumers.push(
        new EventConsumer({
          broker: this.broker,
          groupId: `${this.options.serviceName}.${consumer}${this.options.groupSuffix ? `.${this.options.groupSuffix}` : ''}`,
          handlers,
          inbox,
          ...this.options.consumers,
          logger: this.logger,
          onMetric: this.options.onMetric,
        }),
      );
    }
    await Promise.all(this.consumers.map((c) => c.start()));
    this.relay?.start();
  }

  /** Before the shared connections close: in-flight handlers and the relay's batch still need them. */
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all([...this.consumers.map((c) => c.stop()), this.relay?.stop()]);
    this.consumers = [];
  }

  async onApplicationShutdown(): Promise<void> {
    await this.publisher.close();
  }

  private registrations(): { consumer: string; meta: OnEventMetadata; handle: EventHandler }[] {
    return this.discovery.getProviders().flatMap((wrapper) => {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object' || !wrapper.isDependencyTreeStatic()) return [];
      const prototype = Object.getPrototypeOf(instance) as object | null;
      return this.scanner.getAllMethodNames(prototype).flatMap((method) => {
        const fn = instance[method];
        if (typeof fn !== 'function') return [];
        const meta = this.reflector.get<OnEventMetadata | undefined>(ON_EVENT, fn as () => void);
        if (!meta) return [];
        return [
          {
            consumer: meta.consumer ?? kebab(instance.constructor.name),
            meta,
            handle: (fn as EventHandler).bind(instance) as EventHandler,
          },
        ];
      });
    });
  }
}

function providers(): Provider[] {
  return [
    {
      provide: BROKER,
      inject: [MESSAGING_OPTIONS],
      useFactory: (o: MessagingOptions) =>
        kafkaBroker({
          clientId: `foresight-${o.serviceName}`,
          brokers: o.brokers,
          logger: o.logger ?? nestLogger('Kafka'),
        }),
    },
    {
      provide: PUBLISHER,
      inject: [BROKER],
      useFactory: (broker: Broker) => new EnvelopePublisher(broker.producer()),
    },
    {
      provide: EVENT_RELAY,
      inject: [MESSAGING_OPTIONS, PUBLISHER],
      useFactory: (o: MessagingOptions, publisher: EnvelopePublisher) => {
        if (!o.relay) return null;
        const logger = o.logger ?? nestLogger('Relay');
        return new EventRelay({
          name: o.serviceName,
          source: o.serviceName,
          store: o.relay.store,
          publisher,
          routes: o.relay.routes,
          batchSize: o.relay.batchSize,
          filter: o.relay.filter,
          checkpoints: new MongoRelayCheckpoints(o.mongo),
          election: new MongoLeaseElection({
            connection: o.mongo,
            name: `relay:${o.serviceName}`,
            ttlMs: o.relay.leaseTtlMs,
            logger,
          }),
          logger,
          onMetric: o.onMetric,
        });
      },
    },
    MessagingRuntime,
  ];
}

/**
 * `MessagingModule.forRoot({ serviceName, brokers, mongo, topics, relay })`, or `forRootAsync` to
 * build the options from injected config and connections. Handlers are provider methods decorated
 * with `@OnEvent(type)`, discovered at bootstrap; inject `PUBLISHER` to publish.
 */
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingOptions): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      imports: [DiscoveryModule],
      providers: [{ provide: MESSAGING_OPTIONS, useValue: options }, ...providers()],
      exports: [PUBLISHER, EVENT_RELAY],
    };
  }

  static forRootAsync(options: MessagingAsyncOptions): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      imports: [DiscoveryModule, ...(options.imports ?? [])],
      providers: [
        { provide: MESSAGING_OPTIONS, inject: options.inject ?? [], useFactory: options.useFactory },
        ...providers(),
      ],
      exports: [PUBLISHER, EVENT_RELAY],
    };
  }
}
