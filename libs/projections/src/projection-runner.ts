import type { EventStore, RecordedEvent, Subscription } from '@foresight/eventstore';
import { metrics } from '@foresight/observability';
import { openBuild, ProjectionCatalog, writerFor } from './catalog';
import { DocumentWriter, WriteStats } from './document-writer';
import { checkpointKey, fromRecordedEvent, Projection, ProjectionEvent } from './projection';

export interface RunnerOptions {
  catalog: ProjectionCatalog;
  store: EventStore;
  /** Events per write during catch-up (one find + one bulkWrite each); live batches are smaller. */
  batchSize?: number;
  /** Called once a batch's writes have landed, before its checkpoint is saved. */
  onApplied?: (events: readonly ProjectionEvent[], stats: WriteStats) => void;
  /** Every failure is reported here; the runner then resumes from its checkpoint after a backoff. */
  onError?: (err: Error) => void;
  /** How long a replaced collection stays readable before it is dropped; defaults to the catalog's cache time. */
  dropGraceMs?: number;
}

/**
 * Feeds a service's own events (EventStore.subscribeAll) to one projection. The checkpoint moves
 * only after the batch's writes landed, so a crash replays the batch, which the documents skip.
 *
 * The checkpoint document also names the collection the checkpoint belongs to; saving it is a
 * compare-and-set on that name. When a rebuild hands over to a new collection the save misses, and
 * the runner resumes from the rebuild's checkpoint in the new collection.
 */
export class ProjectionRunner {
  private subscription?: Subscription;
  private writer?: DocumentWriter;
  private stopped = true;
  private stale = false;
  private retries = 0;
  private retryTimer?: NodeJS.Timeout;
  private watchTimer?: NodeJS.Timeout;
  private reopening?: Promise<void>;
  private unsaved?: { checkpoint: string; position: string; collection: string };
  private saving?: Promise<void>;
  private readonly drops = new Map<string, NodeJS.Timeout>();
  private markCaughtUp!: () => void;
  /** Resolves once the projection has caught up with the store (and taken over the alias if it built a new collection). */
  readonly caughtUp = new Promise<void>((resolve) => (this.markCaughtUp = resolve));

  constructor(
    readonly projection: Projection<object, ProjectionEvent>,
    private readonly options: RunnerOptions,
  ) {}

  /** The physical collection this runner writes to. */
  get collection(): string | undefined {
    return this.writer?.collectionName;
  }

  async start(): Promise<void> {
    this.stopped = false;
    await this.open();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    clearInterval(this.watchTimer);
    await this.reopening;
    await this.subscription?.stop();
    this.subscription = undefined;
    await this.saving;
    // Pending drops run now rather than being forgotten; readers of this process are going away too.
    const pending = [...this.drops.keys()];
    for (const timer of this.drops.values()) clearTimeout(timer);
    this.drops.clear();
    for (const collection of pending) await this.options.catalog.drop(collection).catch(() => undefined);
  }

  private async open(): Promise<void> {
    const { catalog, store, batchSize = 500 } = this.options;
    const build = await openBuild(catalog, this.projection);
    await catalog.ensureIndexes(this.projection, build.collection);
    // The very first build of a projection is visible while it runs; later builds take over when caught up.
    await catalog.claimAlias(this.projection.name, build.collection, this.projection.version);
    this.writer = await writerFor(catalog, this.projection, build.collection);
    this.stale = false;
    const subscription = store.subscribeAll(
      { after: build.checkpoint ?? undefined, filter: { types: this.projection.handles }, batchSize },
      (events) => this.onBatch(events),
      (err) => this.fail(err),
    );
    this.subscription = subscription;
    // An idle runner saves no checkpoint, so it would not notice a hand-over until its next event.
    clearInterval(this.watchTimer);
    this.watchTimer = setInterval(() => void this.watchHandOver(), Math.max(100, catalog.cacheMs));
    this.watchTimer.unref();
    subscription.caughtUp.then(
      () => this.takeOver(build.collection).then(this.markCaughtUp, (err: Error) => this.fail(err)),
      () => undefined,
    );
  }

  private async onBatch(batch: readonly RecordedEvent[]): Promise<void> {
    // Batches already queued when a hand-over was detected belong to a collection we no longer own.
    if (this.stale || this.stopped || batch.length === 0) return;
    const events = batch.map(fromRecordedEvent);
    const stats = await this.writer!.apply(events);
    this.options.onApplied?.(events, stats);
    const last = batch[batch.length - 1]!;
    const name = this.projection.name;
    metrics.projectionEvents.inc({ projection: name }, stats.applied);
    metrics.projectionLag.set(
      { projection: name },
      Math.max(0, Date.now() - last.recordedAt.getTime()) / 1000,
    );
    // Saved off the critical path: the next batch's writes need not wait for it, and a crash
    // before it lands only replays events the documents skip.
    this.unsaved = {
      checkpoint: last.checkpoint,
      position: last.position.toString(),
      collection: this.writer!.collectionName,
    };
    this.saving ??= this.saveCheckpoints().finally(() => (this.saving = undefined));
    this.retries = 0;
  }

  /** Saves the latest checkpoint until none is pending; a miss means a rebuild handed over. */
  private async saveCheckpoints(): Promise<void> {
    try {
      for (let next = this.unsaved; next; next = this.unsaved) {
        this.unsaved = undefined;
        const saved = await this.options.catalog.checkpoints.updateOne(
          { _id: checkpointKey(this.projection), collection: next.collection },
          { $set: { checkpoint: next.checkpoint, position: next.position, updatedAt: new Date() } },
        );
        if (saved.matchedCount === 0) this.handOver();
      }
    } catch (err) {
      this.fail(err as Error);
    }
  }

  private async watchHandOver(): Promise<void> {
    if (this.stale || this.stopped) return;
    try {
      const build = await this.options.catalog.checkpoints.findOne({ _id: checkpointKey(this.projection) });
      if (build && build.collection !== this.collection && !this.stale) this.handOver();
    } catch {
      // The next tick (or the next batch's checkpoint save) tries again.
    }
  }

  private handOver(): void {
    if (this.stale) return;
    this.stale = true;
    this.reopening = this.reopen().finally(() => (this.reopening = undefined));
  }

  /** A rebuild moved the checkpoint to another collection: follow it, and clean up what we wrote meanwhile. */
  private async reopen(): Promise<void> {
    const old = this.writer?.collectionName;
    try {
      await this.subscription?.stop();
      await this.saving;
      this.unsaved = undefined;
      if (this.stopped) return;
      await this.open();
      const alias = await this.options.catalog.alias(this.projection.name);
      // Still the readers' collection: the rebuild drops it after switching the alias.
      if (old && old !== this.collection && alias?.collection !== old) await this.options.catalog.drop(old);
    } catch (err) {
      this.fail(err as Error);
    }
  }

  /** Points readers at our collection once it is complete, unless a newer projection version owns them. */
  private async takeOver(collection: string): Promise<void> {
    const { catalog } = this.options;
    if (this.stopped || this.stale || this.collection !== collection) return;
    const alias = await catalog.alias(this.projection.name);
    if (!alias || alias.collection === collection || alias.version > this.projection.version) return;
    const previous = await catalog.switchTo(this.projection.name, collection, this.projection.version);
    if (previous) this.dropLater(previous);
  }

  private dropLater(collection: string): void {
    const grace = this.options.dropGraceMs ?? this.options.catalog.cacheMs;
    const timer = setTimeout(() => {
      this.drops.delete(collection);
      this.options.catalog.drop(collection).catch((err: Error) => this.options.onError?.(err));
    }, grace);
    timer.unref();
    this.drops.set(collection, timer);
  }

  private fail(err: Error): void {
    this.options.onError?.(err);
    if (this.stopped) return;
    this.stale = true;
    clearTimeout(this.retryTimer);
    // Transient outages (Mongo or the store restarting) heal by resuming from the checkpoint; a
    // projection bug keeps failing, at most every 30 s, with its error reported each time.
    const delay = Math.min(30_000, 250 * 2 ** Math.min(this.retries++, 7));
    this.retryTimer = setTimeout(() => {
      this.reopening = this.reopen().finally(() => (this.reopening = undefined));
    }, delay);
    this.retryTimer.unref();
  }
}
