import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import type { EventStore } from '@foresight/eventstore';
import { MONGO_CONNECTION } from '@foresight/service-kit';
import type { Connection, Model } from 'mongoose';
import { IDENTITY_STORE } from '../../shared/event-sourcing/identity-store.token';
import { StoreFollower } from '../../shared/event-sourcing/store-follower';
import { AuditEntry, auditEntryOf } from './audit-log.projection';
import { auditLogSchema } from './audit-log.schema';

/** Writes the audit log from identity's events: one upsert per event, keyed by the event id. */
@Injectable()
export class AuditLogProjector implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('AuditLog');
  readonly model: Model<AuditEntry>;
  private readonly follower: StoreFollower;

  constructor(@Inject(MONGO_CONNECTION) connection: Connection, @Inject(IDENTITY_STORE) store: EventStore) {
    this.model =
      connection.models['IdentityAuditLog'] ??
      connection.model<AuditEntry>('IdentityAuditLog', auditLogSchema);
    this.follower = new StoreFollower({
      name: 'audit-log@v1',
      store,
      connection,
      handle: async (events) => {
        const entries = events.map(auditEntryOf).filter((e): e is AuditEntry => e !== null);
        if (!entries.length) return;
        await this.model.bulkWrite(
          entries.map(({ _id, tenantId, ...entry }) => ({
            updateOne: { filter: { _id, tenantId }, update: { $setOnInsert: entry }, upsert: true },
          })),
          { ordered: false },
        );
      },
      onError: (err) => this.logger.warn({ msg: 'audit log projection failed; resuming', err: err.message }),
    });
  }

  get caughtUp(): Promise<void> {
    return this.follower.caughtUp;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.model.createIndexes();
    await this.follower.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.follower.stop();
  }
}
