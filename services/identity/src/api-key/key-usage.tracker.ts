import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { TenantContext, TenantScopedRepository, tenantScopePlugin } from '@foresight/auth';
import { CONFIG, MONGO_CONNECTION } from '@foresight/service-kit';
import { Connection, Model, Schema } from 'mongoose';
import { IdentityConfig } from '../config';

interface KeyUsageDoc {
  _id: string;
  tenantId: string;
  lastUsedAt: Date;
}

/**
 * "Last used" without a write per request: uses are noted in memory and written once per flush
 * period, one upsert per key used since the last flush. Readers merge what is not flushed yet.
 */
@Injectable()
export class KeyUsageTracker implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('KeyUsage');
  private readonly model: Model<KeyUsageDoc>;
  private readonly repository: TenantScopedRepository<KeyUsageDoc>;
  private pending = new Map<string, { tenantId: string; at: Date }>();
  private timer?: NodeJS.Timeout;
  flushes = 0;

  constructor(
    @Inject(MONGO_CONNECTION) connection: Connection,
    @Inject(CONFIG) private readonly config: IdentityConfig,
  ) {
    const schema = new Schema<KeyUsageDoc>(
      { _id: String, tenantId: { type: String, required: true }, lastUsedAt: Date },
      { versionKey: false, collection: 'identity_api_key_usage', autoIndex: false },
    );
    schema.plugin(tenantScopePlugin);
    // Serves "last use of these keys of tenant X" when keys are listed.
    schema.index({ tenantId: 1, _id: 1 });
    this.model =
      connection.models['IdentityKeyUsage'] ?? connection.model<KeyUsageDoc>('IdentityKeyUsage', schema);
    this.repository = new TenantScopedRepository(this.model);
  }

  onModuleInit(): void {
    void this.model.createIndexes().catch((err: Error) => this.logger.warn(`indexes: ${err.message}`));
    this.timer = setInterval(() => void this.flush(), this.config.LAST_USED_FLUSH_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }

  touch(keyId: string, tenantId: string, at = new Date()): void {
    const seen = this.pending.get(keyId);
    if (!seen || seen.at < at) this.pending.set(keyId, { tenantId, at });
  }

  async flush(): Promise<void> {
    if (!this.pending.size) return;
    const batch = this.pending;
    this.pending = new Map();
    try {
      await TenantContext.acrossTenants(() =>
        this.model.bulkWrite(
          [...batch].map(([keyId, { tenantId, at }]) => ({
            updateOne: {
              filter: { _id: keyId, tenantId },
              update: { $max: { lastUsedAt: at } },
              upsert: true,
            },
          })),
          { ordered: false },
        ),
      );
      this.flushes++;
    } catch (err) {
      // Put them back (newer uses win) so the next flush retries.
      for (const [keyId, use] of batch) this.touch(keyId, use.tenantId, use.at);
      this.logger.warn(`flushing last-used times failed: ${(err as Error).message}`);
    }
  }

  async lastUsed(tenantId: string, keyIds: readonly string[]): Promise<Map<string, string>> {
    const docs = keyIds.length ? await this.repository.find(tenantId, { _id: { $in: [...keyIds] } }) : [];
    const result = new Map(docs.map((d) => [d._id, d.lastUsedAt.toISOString()]));
    for (const id of keyIds) {
      const pending = this.pending.get(id);
      if (pending && pending.tenantId === tenantId) result.set(id, pending.at.toISOString());
    }
    return result;
  }
}
