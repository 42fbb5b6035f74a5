export { KAFKA, MONGO_CONNECTION, EVENTSTORE_PROBE } from './connections';
export type { EventStoreProbe } from './connections';
export const KAFKA_ADMIN = Symbol('KAFKA_ADMIN');
