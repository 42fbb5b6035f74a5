import type { EventStore } from './event-store.port';
import { KurrentDbEventStore } from './kurrentdb/kurrentdb-event-store.adapter';
import { PostgresEventStore, PostgresEventStoreOptions } from './postgres/postgres-event-store.adapter';

export type EventStoreOptions = Omit<PostgresEventStoreOptions, 'testHooks'>;

/**
 * Picks the adapter from the URL scheme: `postgres://` / `postgresql://` → PostgreSQL (our schema,
 * `options.schema`, default `eventstore`); `kurrentdb://`, `kurrent://`, `kdb://`, `esdb://` (and
 * their `+discover` forms) → KurrentDB, where the PostgreSQL options do not apply.
 */
export function createEventStore(url: string, options: EventStoreOptions = {}): EventStore {
  const scheme = /^([a-z+]+):\/\//i.exec(url)?.[1]?.toLowerCase();
  switch (scheme) {
    case 'postgres':
    case 'postgresql':
      return new PostgresEventStore(url, options);
    case 'kurrentdb':
    case 'kurrentdb+discover':
    case 'kurrent':
    case 'kurrent+discover':
    case 'kdb':
    case 'kdb+discover':
    case 'esdb':
    case 'esdb+discover':
      return new KurrentDbEventStore(url);
    default:
      throw new Error(
        `Unsupported event store URL scheme in ${JSON.stringify(url.replace(/\/\/[^@/]*@/, '//***@'))}: ` +
          `use postgres:// or postgresql:// (PostgreSQL) or kurrentdb:// or esdb:// (KurrentDB)`,
      );
  }
}
