import { DomainError } from '@foresight/domain';
import type { AllFilter, AllHandler, RecordedEvent, Subscription } from '../event-store.port';
import type { NotifyCallback } from './notify-listener';

export interface Cursor {
  xid: bigint;
  position: bigint;
}

export interface Page {
  events: RecordedEvent[];
  /** Every transaction below this id has ended and all its rows up to the cursor have been seen. */
  horizon: bigint;
}

export interface SubscriptionDeps {
  readPage(after: Cursor, limit: number, filter: AllFilter | undefined): Promise<Page>;
  listen(callback: NotifyCallback): { settled: Promise<void>; remove: () => void };
  pollIntervalMs: number;
  onEnd(subscription: PostgresSubscription): void;
}

/** Re-poll quickly while a notified commit is still hidden behind an older running transaction. */
const REPOLL_MIN_MS = 5;
const REPOLL_MAX_MS = 250;
/** Reads that keep failing this many times in a row (about 30 s of backoff) end the subscription. */
const MAX_READ_FAILURES = 10;

export function cursorOf(event: RecordedEvent): Cursor {
  return parseCheckpoint(event.checkpoint);
}

export function parseCheckpoint(checkpoint: string): Cursor {
  const match = /^(\d{1,20}):(\d{1,20})$/.exec(checkpoint);
  if (!match)
    throw new DomainError(
      'EVENTSTORE.INVALID_CHECKPOINT',
      `Invalid checkpoint ${JSON.stringify(checkpoint)}: pass a RecordedEvent.checkpoint of this store`,
    );
  return { xid: BigInt(match[1]), position: BigInt(match[2]) };
}

export class PostgresSubscription implements Subscription {
  readonly caughtUp: Promise<void>;
  private resolveCaughtUp!: () => void;
  private rejectCaughtUp!: (err: Error) => void;
  private isCaughtUp = false;
  private stopped = false;
  private readonly done: Promise<void>;
  private readonly listening: { settled: Promise<void>; remove: () => void };
  /** Highest transaction id a notification announced; compared with each page's horizon. */
  private notifiedXid: bigint | undefined;
  private woken = false;
  private wake: (() => void) | undefined;

  constructor(
    private readonly deps: SubscriptionDeps,
    private cursor: Cursor,
    private readonly batchSize: number,
    private readonly filter: AllFilter | undefined,
    private readonly handler: AllHandler,
    private readonly onError: (err: Error) => void,
  ) {
    this.caughtUp = new Promise<void>((resolve, reject) => {
      this.resolveCaughtUp = resolve;
      this.rejectCaughtUp = reject;
    });
    // Nobody has to await caughtUp; a failure is reported through onError as well.
    this.caughtUp.catch(() => undefined);
    this.listening = deps.listen((xid) => {
      if (xid !== undefined && (this.notifiedXid === undefined || xid > this.notifiedXid))
        this.notifiedXid = xid;
      this.signal();
    });
    this.done = this.run().finally(() => {
      this.listening.remove();
      this.deps.onEnd(this);
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.signal();
    await this.done;
  }

  private async run(): Promise<void> {
    let failures = 0;
    let repollMs = REPOLL_MIN_MS;
    await this.listening.settled;
    while (!this.stopped) {
      // This read sees every commit signalled so far; only signals arriving from now on need another.
      this.woken = false;
      let page: Page;
      try {
        page = await this.deps.readPage(this.cursor, this.batchSize, this.filter);
        failures = 0;
      } catch (err) {
        if (++failures >= MAX_READ_FAILURES) return this.fail(err);
        await this.sleep(Math.min(100 * 2 ** failures, 5000));
        continue;
      }
      if (this.stopped) return;
      if (page.events.length > 0) {
        try {
          await this.handler(page.events);
        } catch (err) {
          return this.fail(err);
        }
        this.cursor = cursorOf(page.events[page.events.length - 1]);
        if (page.events.length === this.batchSize) continue;
      }
      // Everything below the horizon has been scanned: a filtered subscription need not rescan it.
      if (page.horizon > this.cursor.xid) this.cursor = { xid: page.horizon, position: 0n };
      if (!this.isCaughtUp) {
        this.isCaughtUp = true;
        this.resolveCaughtUp();
      }
      if (this.notifiedXid !== undefined && this.notifiedXid >= page.horizon) {
        await this.sleep(repollMs);
        repollMs = Math.min(repollMs * 2, REPOLL_MAX_MS);
      } else {
        repollMs = REPOLL_MIN_MS;
        await this.sleep(this.deps.pollIntervalMs);
      }
    }
  }

  private fail(err: unknown): void {
    const error = err instanceof Error ? err : new Error(String(err));
    this.stopped = true;
    if (!this.isCaughtUp) this.rejectCaughtUp(error);
    this.onError(error);
  }

  private signal(): void {
    this.woken = true;
    this.wake?.();
  }

  /** Resolves after `ms`, or at once when a notification or stop() arrived since the last sleep. */
  private sleep(ms: number): Promise<void> {
    if (this.woken || this.stopped) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    }).finally(() => {
      this.wake = undefined;
      this.woken = false;
    });
  }
}
