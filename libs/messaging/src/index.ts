import 'reflect-metadata';
export type { Broker, TopicSpec } from './broker/broker.port';
export { kafkaBroker, retryTransient } from './broker/kafkajs-broker.adapter';
export type { KafkaBrokerOptions } from './broker/kafkajs-broker.adapter';
export { ensureTopics, withDeadLetters, LOCAL_TOPIC_DEFAULTS } from './topics/topic.provisioner';
export type { TopicDefaults } from './topics/topic.provisioner';
export { EnvelopePublisher } from './publisher/envelope.publisher';
export type { Publisher, OutgoingMessage, TopicMessages } from './publisher/envelope.publisher';
export { EventRelay } from './relay/event.relay';
export type { RelayOptions } from './relay/event.relay';
export { toRouteFn, entityIdOf, envelopeOf, toOutgoing } from './relay/recorded-event.mapper';
export type { Route, RouteFn, Routes } from './relay/recorded-event.mapper';
export { MongoRelayCheckpoints } from './relay/relay-checkpoint.store';
export type { RelayCheckpointStore } from './relay/relay-checkpoint.store';
export { MongoLeaseElection, alwaysLeader } from './leader/mongo-lease.election';
export type { LeaderElection, LeaderCallbacks, MongoLeaseOptions } from './leader/mongo-lease.election';
export { EventConsumer } from './consumer/event.consumer';
export type {
  ConsumedEvent,
  ConsumerOptions,
  EventHandler,
  HandlerRegistration,
} from './consumer/event.consumer';
export { MongoInbox } from './consumer/inbox.store';
export type { Inbox } from './consumer/inbox.store';
export { DEFAULT_RETRY } from './consumer/retry.policy';
export type { RetryPolicy } from './consumer/retry.policy';
export { silentLogger, stderrLogger } from './messaging.hooks';
export type { MessagingLogger, MessagingMetric, MetricSink } from './messaging.hooks';
export { MessagingModule, MessagingRuntime } from './nest/messaging.module';
export type { MessagingOptions, MessagingAsyncOptions } from './nest/messaging.module';
export { OnEvent } from './nest/on-event.decorator';
export type { OnEventOptions } from './nest/on-event.decorator';
export { PUBLISHER, EVENT_RELAY, BROKER } from './nest/tokens';
