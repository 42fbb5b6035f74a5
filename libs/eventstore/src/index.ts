export * from './event-store.port';
export { assertValidStreamName } from './append-validation';
export { createEventStore } from './create-event-store';
export type { EventStoreOptions } from './create-event-store';
export { PostgresEventStore, createPostgresEventStore } from './postgres/postgres-event-store.adapter';
export type { PostgresEventStoreOptions } from './postgres/postgres-event-store.adapter';
export { KurrentDbEventStore, createKurrentDbEventStore } from './kurrentdb/kurrentdb-event-store.adapter';
export { handle, eventIdFor } from './decider/handle-command';
export type { HandleOptions, HandleResult } from './decider/handle-command';
