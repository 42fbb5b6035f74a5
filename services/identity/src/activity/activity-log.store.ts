import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { TenantContext, TenantFilter, TenantScopedRepository, tenantScopePlugin } from '@foresight/auth';
import { CONFIG, MONGO_CONNECTION } from '@foresight/service-kit';
import { Connection, Model, Schema } from 'mongoose';
import { v7 as uuidv7 } from 'uuid';
import { IdentityConfig } from '../config';

export interface ActivityEntry {
  /** UUIDv7: time-ordered, so "newest first" and pruning both go by id. */
  _id: string;
  tenantId: string;
  keyId: string;
  keyPrefix: string;
  /** Where the request was served: `http` here; other services report theirs. */
  requestType: string;
  service: string;
  method: string;
  route: string;
  status: number;
  durationMs: number;
  /** The tenant's rate-limit budget as the guard saw it for this request. */
  usage: { limitRpm: number | null; remaining: number | null };
  createdAt: Date;
}

export type NewActivity = Omit<ActivityEntry, '_id' | 'createdAt'> & { at?: Date };

const schema = new Schema<ActivityEntry>(
  {
    _id: String,
    tenantId: { type: String, required: true },
    keyId: String,
    keyPrefix: String,
    requestType: String,
    service: String,
    method: String,
    route: String,
    status: Number,
    durationMs: Number,
    usage: { limitRpm: Number, remaining: Number },
    createdAt: Date,
  },
  { versionKey: false, collection: 'identity_activity_log', autoIndex: false },
);
schema.plugin(tenantScopePlugin);
// Serves the tenant's log newest first, and pruning (the id of the Nth newest).
schema.index({ tenantId: 1, _id: -1 });
// Serves one key's requests, newest first.
schema.index({ tenantId: 1, keyId: 1, _id: -1 });

/** A tenant is pruned at most this often; between prunes it may exceed its bound by a few flushes. */
const PRUNE_EVERY_MS = 10_000;

/**
 * The activity log, off the request path: a request only appends to a bounded in-memory buffer
 * (the oldest entries are dropped, and counted, if the store falls behind); a timer writes the
 * buffer in one insert. Size is bounded per tenant by pruning, since FerretDB has neither capped
 * collections nor TTL indexes.
 */
@Injectable()
export class ActivityLog implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('ActivityLog');
  readonly model: Model<ActivityEntry>;
  readonly repository: TenantScopedRepository<ActivityEntry>;
  private buffer: ActivityEntry[] = [];
  private timer?: NodeJS.Timeout;
  private flushing?: Promise<void>;
  private readonly prunedAt = new Map<string, number>();
  dropped = 0;

  constructor(
    @Inject(MONGO_CONNECTION) connection: Connection,
    @Inject(CONFIG) private readonly config: IdentityConfig,
  ) {
    this.model =
      connection.models['IdentityActivityLog'] ??
      connection.model<ActivityEntry>('IdentityActivityLog', schema);
    this.repository = new TenantScopedRepository(this.model);
  }

  async onModuleInit(): Promise<void> {
    await this.model.createIndexes();
    this.timer = setInterval(() => void this.flush(), this.config.ACTIVITY_FLUSH_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }

  record(activity: NewActivity): void {
    const { at, ...rest } = activity;
    const createdAt = at ?? new Date();
    this.buffer.push({ ...rest, _id: uuidv7({ msecs: createdAt.getTime() }), createdAt });
    const excess = this.buffer.length - this.config.ACTIVITY_BUFFER_MAX;
    if (excess > 0) {
      this.buffer.splice(0, excess);
      this.dropped += excess;
    }
  }

  /** Writes what is buffered; concurrent callers share one flush. */
  flush(): Promise<void> {
    this.flushing ??= this.write().finally(() => (this.flushing = undefined));
    return this.flushing;
  }

  private async write(): Promise<void> {
    if (!this.buffer.length) return;
    const batch = this.buffer;
    this.buffer = [];
    try {
      await TenantContext.acrossTenants(() => this.model.insertMany(batch, { ordered: false }));
    } catch (err) {
      this.logger.warn(`writing ${batch.length} activity entries failed: ${(err as Error).message}`);
      return;
    }
    const now = Date.now();
    for (const tenantId of new Set(batch.map((e) => e.tenantId))) {
      if ((this.prunedAt.get(tenantId) ?? 0) + PRUNE_EVERY_MS > now) continue;
      this.prunedAt.set(tenantId, now);
      await this.prune(tenantId).catch((err: Error) => this.logger.warn(`pruning failed: ${err.message}`));
    }
  }

  /** Keeps the newest ACTIVITY_LOG_MAX_PER_TENANT entries of a tenant. */
  async prune(tenantId: string): Promise<number> {
    const max = this.config.ACTIVITY_LOG_MAX_PER_TENANT;
    const [oldestKept] = await this.repository.find(tenantId, {} as TenantFilter<ActivityEntry>, {
      sort: { _id: -1 },
      skip: max - 1,
      limit: 1,
    });
    if (!oldestKept) return 0;
    const result = await TenantContext.acrossTenants(() =>
      this.model.deleteMany({ tenantId, _id: { $lt: oldestKept._id } }).exec(),
    );
    return result.deletedCount;
  }
}
