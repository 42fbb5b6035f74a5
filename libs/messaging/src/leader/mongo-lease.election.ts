import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Connection, mongo } from 'mongoose';
import { errorMessage, MessagingLogger, silentLogger } from '../messaging.hooks';

export interface LeaderCallbacks {
  /** This instance is now the only one that may act. */
  onElected(): void;
  /** It no longer is (lost the lease, could not renew in time, or stop()). Act no more. */
  onDeposed(): void;
}

export interface LeaderElection {
  readonly instanceId: string;
  readonly isLeader: boolean;
  start(callbacks: LeaderCallbacks): void;
  /** Steps down and releases the lease so a standby takes over at its next poll, not after a TTL. */
  stop(): Promise<void>;
}

/** A standalone instance is always the leader (one process, or tests of the relay alone). */
export function alwaysLeader(instanceId = randomUUID()): LeaderElection {
  let callbacks: LeaderCallbacks | undefined;
  return {
    instanceId,
    get isLeader() {
      return callbacks !== undefined;
    },
    start(cb) {
      callbacks = cb;
      cb.onElected();
    },
    async stop() {
      const cb = callbacks;
      callbacks = undefined;
      cb?.onDeposed();
    },
  };
}

export interface MongoLeaseOptions {
  connection: Connection;
  /** One lease per job, e.g. `relay:<service>`. */
  name: string;
  collection?: string;
  /** A standby takes over once the lease went this long without a renewal it could see. */
  ttlMs?: number;
  renewEveryMs?: number;
  pollEveryMs?: number;
  instanceId?: string;
  logger?: MessagingLogger;
}

interface LeaseDoc {
  _id: string;
  holder: string;
  /** +1 at each change of holder; with `beat`, the version a take-over compares and swaps. */
  epoch: number;
  /** +1 at each renewal. */
  beat: number;
  renewedAt: Date;
}

/**
 * Leader election by a lease document, chosen over a PostgreSQL advisory lock because it works the
 * same whichever event store backs the service (KurrentDB has no session locks), and the relay's
 * checkpoints are in Mongo already.
 *
 * No clock is compared across machines: a standby watches the lease's (epoch, beat) and takes over
 * only after seeing it unchanged for `ttlMs` of its OWN monotonic clock, by a compare-and-swap on
 * exactly that (epoch, beat). The leader deposes itself once `ttlMs - ttlMs/4` has passed since it
 * SENT its last successful renewal; the standby's wait started after that renewal was written, so
 * the old leader stops before the new one starts (given clocks that tick at similar rates). The
 * remaining risk — a leader paused mid-batch past its lease — yields duplicates, which the relay's
 * at-least-once contract allows, never a lost event.
 */
export class MongoLeaseElection implements LeaderElection {
  readonly instanceId: string;
  private readonly collection: mongo.Collection<LeaseDoc>;
  private readonly ttlMs: number;
  private readonly renewEveryMs: number;
  private readonly pollEveryMs: number;
  private readonly logger: MessagingLogger;
  private callbacks?: LeaderCallbacks;
  private epoch = 0;
  private validUntil = 0;
  private seen?: { version: string; since: number };
  private timer?: NodeJS.Timeout;
  private tickRunning?: Promise<void>;
  private stopped = false;

  constructor(private readonly options: MongoLeaseOptions) {
    this.instanceId = options.instanceId ?? randomUUID();
    this.collection = options.connection.collection<LeaseDoc>(options.collection ?? 'leases');
    this.ttlMs = options.ttlMs ?? 3000;
    this.renewEveryMs = options.renewEveryMs ?? Math.max(100, Math.floor(this.ttlMs / 6));
    this.pollEveryMs = options.pollEveryMs ?? Math.max(100, Math.floor(this.ttlMs / 6));
    this.logger = options.logger ?? silentLogger;
  }

  get isLeader(): boolean {
    return this.epoch > 0;
  }

  start(callbacks: LeaderCallbacks): void {
    this.callbacks = callbacks;
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.tickRunning;
    if (!this.isLeader) return;
    const epoch = this.epoch;
    this.depose('stopped');
    await this.collection
      .deleteOne({ _id: this.options.name, holder: this.instanceId, epoch })
      .catch((err: unknown) =>
        this.logger.warn({ err: errorMessage(err) }, 'lease release failed; it will expire'),
      );
  }

  private schedule(delay: number) {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.tickRunning = this.tick().finally(() => {
        this.tickRunning = undefined;
        this.schedule(this.isLeader ? this.renewEveryMs : this.pollEveryMs);
      });
    }, delay);
  }

  private async tick(): Promise<void> {
    try {
      if (this.isLeader) await this.renew();
      else await this.campaign();
    } catch (err) {
      this.logger.warn({ lease: this.options.name, err: errorMessage(err) }, 'lease round failed');
    }
    if (this.isLeader && performance.now() > this.validUntil) this.depose('renewal overdue');
  }

  private async renew(): Promise<void> {
    const sentAt = performance.now();
    const renewal = this.collection.updateOne(
      { _id: this.options.name, holder: this.instanceId, epoch: this.epoch },
      { $inc: { beat: 1 }, $set: { renewedAt: new Date() } },
    );
    // A hung call must not keep us leader past our lease: race it against our own deadline.
    const overdue = new Promise<'overdue'>((resolve) =>
      setTimeout(() => resolve('overdue'), Math.max(0, this.validUntil - sentAt)).unref?.(),
    );
    const result = await Promise.race([renewal, overdue]);
    if (result === 'overdue') return;
    if (result.matchedCount === 1) this.validUntil = sentAt + this.ttlMs - this.ttlMs / 4;
    else this.depose('lease taken over');
  }

  private async campaign(): Promise<void> {
    const now = performance.now();
    const doc = await this.collection.findOne({ _id: this.options.name });
    if (!doc) {
      try {
        await this.collection.insertOne({
          _id: this.options.name,
          holder: this.instanceId,
          epoch: 1,
          beat: 0,
          renewedAt: new Date(),
        });
        this.elect(1, now);
      } catch (err) {
        if ((err as { code?: number }).code !== 11000) throw err;
      }
      return;
    }
    if (doc.holder === this.instanceId) {
      // Our own lease, after we deposed ourselves over a slow renewal: nobody took it, so resume it.
      const resumed = await this.collection.updateOne(
        { _id: this.options.name, holder: this.instanceId, epoch: doc.epoch, beat: doc.beat },
        { $inc: { beat: 1 }, $set: { renewedAt: new Date() } },
      );
      if (resumed.matchedCount === 1) this.elect(doc.epoch, now);
      return;
    }
    const version = `${doc.epoch}:${doc.beat}`;
    if (this.seen?.version !== version) {
      this.seen = { version, since: now };
      return;
    }
    if (now - this.seen.since < this.ttlMs) return;
    const took = await this.collection.updateOne(
      { _id: this.options.name, epoch: doc.epoch, beat: doc.beat },
      { $set: { holder: this.instanceId, beat: 0, renewedAt: new Date() }, $inc: { epoch: 1 } },
    );
    if (took.matchedCount === 1) {
      this.logger.info(
        { lease: this.options.name, from: doc.holder },
        'lease taken over from a silent holder',
      );
      this.elect(doc.epoch + 1, now);
    }
  }

  private elect(epoch: number, sentAt: number) {
    this.epoch = epoch;
    this.seen = undefined;
    this.validUntil = sentAt + this.ttlMs - this.ttlMs / 4;
    this.logger.info({ lease: this.options.name, instance: this.instanceId, epoch }, 'elected leader');
    this.callbacks?.onElected();
  }

  private depose(reason: string) {
    this.logger.warn({ lease: this.options.name, instance: this.instanceId, reason }, 'no longer leader');
    this.epoch = 0;
    this.callbacks?.onDeposed();
  }
}
