import type { AllFilter, EventStore, RecordedEvent, Subscription } from '@foresight/eventstore';
import type { Connection, mongo } from 'mongoose';

interface CheckpointDoc {
  _id: string;
  checkpoint: string;
  updatedAt: Date;
}

export interface FollowerOptions {
  /** Names the checkpoint; one per follower. */
  name: string;
  store: EventStore;
  connection: Connection;
  filter?: AllFilter;
  /** Must be idempotent: after a crash the batch since the last checkpoint comes again. */
  handle: (events: readonly RecordedEvent[]) => Promise<void>;
  onError: (err: Error) => void;
}

/**
 * Follows identity's event store from a saved checkpoint (saved after each handled batch), for the
 * readers that are not plain document projections: the audit log, which needs each event's
 * metadata (actor, IP, user agent), and the reactions. A failure resumes from the checkpoint after
 * a backoff.
 */
export class StoreFollower {
  private readonly checkpoints: mongo.Collection<CheckpointDoc>;
  private subscription?: Subscription;
  private stopped = true;
  private retries = 0;
  private timer?: NodeJS.Timeout;
  private markCaughtUp!: () => void;
  readonly caughtUp = new Promise<void>((resolve) => (this.markCaughtUp = resolve));

  constructor(private readonly options: FollowerOptions) {
    this.checkpoints = options.connection.collection<CheckpointDoc>('identity_follower_checkpoints');
  }

  async start(): Promise<void> {
    this.stopped = false;
    await this.open();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.subscription?.stop();
  }

  private async open(): Promise<void> {
    const saved = await this.checkpoints.findOne({ _id: this.options.name });
    const subscription = this.options.store.subscribeAll(
      { after: saved?.checkpoint, filter: this.options.filter, batchSize: 500 },
      async (events) => {
        if (this.stopped || !events.length) return;
        await this.options.handle(events);
        await this.checkpoints.updateOne(
          { _id: this.options.name },
          { $set: { checkpoint: events[events.length - 1]!.checkpoint, updatedAt: new Date() } },
          { upsert: true },
        );
        this.retries = 0;
      },
      (err) => this.fail(err),
    );
    this.subscription = subscription;
    subscription.caughtUp.then(
      () => this.markCaughtUp(),
      () => undefined,
    );
  }

  private fail(err: Error): void {
    this.options.onError(err);
    if (this.stopped) return;
    const delay = Math.min(30_000, 250 * 2 ** Math.min(this.retries++, 7));
    this.timer = setTimeout(() => {
      void (async () => {
        await this.subscription?.stop();
        if (!this.stopped) await this.open();
      })().catch((e: Error) => this.fail(e));
    }, delay);
    this.timer.unref();
  }
}
