import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { createEventStore, EventStore, PostgresEventStore } from '@foresight/eventstore';
import { CONFIG } from '@foresight/service-kit';
import { IdentityConfig } from '../../config';
import { IDENTITY_STORE } from './identity-store.token';

/** Closes the store last: the relay, projections and followers stop before shutdown hooks run. */
@Injectable()
class IdentityStoreShutdown implements OnApplicationShutdown {
  constructor(@Inject(IDENTITY_STORE) private readonly store: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

/** Global, so the messaging module's relay (built from an async factory) can inject the store too. */
@Global()
@Module({
  providers: [
    {
      provide: IDENTITY_STORE,
      inject: [CONFIG],
      useFactory: async (config: IdentityConfig): Promise<EventStore> => {
        const store = createEventStore(config.EVENTSTORE_URL, {
          schema: config.EVENTSTORE_SCHEMA,
          applicationName: 'foresight-identity',
        });
        // Fail at boot, naming the database, rather than on the first request.
        if (store instanceof PostgresEventStore) await store.migrate();
        else await store.ping();
        return store;
      },
    },
    IdentityStoreShutdown,
  ],
  exports: [IDENTITY_STORE],
})
export class IdentityStoreModule {}
