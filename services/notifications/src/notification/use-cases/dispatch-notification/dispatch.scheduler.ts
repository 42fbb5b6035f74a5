import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { TenantContext } from '@foresight/auth';
import { PROJECTION_CATALOG } from '@foresight/backbone';
import { MongoLeaseElection } from '@foresight/messaging';
import type { ProjectionCatalog } from '@foresight/projections';
import { MONGO_CONNECTION, SERVICE_NAME } from '@foresight/service-kit';
import type { Connection } from 'mongoose';
import { dueNotificationsProjection } from '../../projections/due-notifications.projection';
import { DispatchNotificationHandler, OUTCOME_DEADLINE_MS } from './dispatch-notification.handler';

export const POLL_MS = Symbol('POLL_MS');

/** Calls in flight at once: enough that one slow endpoint does not hold up the others, few enough for FerretDB. */
const CONCURRENCY = 4;
const BATCH = 20;

/**
 * Runs the dispatcher in one instance at a time (a Mongo lease, like the relay), polling the
 * due-notifications read model: new requests, retries whose time has come, and attempts that were
 * dispatched but never got an outcome. State lives in the streams and the read model, so a restart
 * (or a new leader) picks up exactly where the last one stopped.
 */
@Injectable()
export class DispatchScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('DispatchScheduler');
  private election?: MongoLeaseElection;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private leading = false;
  private readonly inFlight = new Set<string>();
  private readonly nudged = new Set<Promise<void>>();

  constructor(
    private readonly dispatch: DispatchNotificationHandler,
    @Inject(PROJECTION_CATALOG) private readonly catalog: ProjectionCatalog,
    @Inject(MONGO_CONNECTION) private readonly mongo: Connection,
    @Inject(SERVICE_NAME) private readonly serviceName: string,
    @Inject(POLL_MS) private readonly pollMs: number,
    @Inject(OUTCOME_DEADLINE_MS) private readonly outcomeDeadlineMs: number,
  ) {}

  onApplicationBootstrap(): void {
    this.election = new MongoLeaseElection({
      connection: this.mongo,
      name: `dispatcher:${this.serviceName}`,
    });
    this.election.start({
      onElected: () => {
        this.leading = true;
        this.logger.log('dispatching notifications');
        this.schedule(0);
      },
      onDeposed: () => {
        this.leading = false;
        clearTimeout(this.timer);
      },
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.leading = false;
    clearTimeout(this.timer);
    await Promise.all([this.running, ...this.nudged]);
    await this.election?.stop();
  }

  /**
   * A notification was just requested in this process: when it leads, send it now instead of at the
   * next poll (which waits for the read model too: most of a second). Not awaited by the caller, so
   * a slow endpoint never holds up the consumer's offsets. Followers leave it to the leader's poll,
   * and so does everything a crash interrupts.
   */
  nudge(notificationId: string): void {
    if (!this.leading || this.inFlight.has(notificationId)) return;
    this.inFlight.add(notificationId);
    const work = this.dispatch
      .execute(notificationId)
      .catch((err: unknown) =>
        this.logger.warn(
          `dispatch of ${notificationId} failed: ${(err as Error).message}; retrying at the next poll`,
        ),
      )
      .finally(() => {
        this.inFlight.delete(notificationId);
        this.nudged.delete(work);
      });
    this.nudged.add(work);
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.running = this.tick()
        .catch((err: unknown) => this.logger.warn(`dispatch poll failed: ${(err as Error).message}`))
        .finally(() => {
          if (this.leading) this.schedule(this.pollMs);
        });
    }, ms);
  }

  private async tick(): Promise<void> {
    const due = await this.due();
    const queue = due.filter((id) => !this.inFlight.has(id));
    const workers = Array.from({ length: Math.min(CONCURRENCY, queue.length) }, async () => {
      for (let id = queue.shift(); id !== undefined && this.leading; id = queue.shift()) {
        this.inFlight.add(id);
        try {
          await this.dispatch.execute(id);
        } catch (err) {
          this.logger.warn(`dispatch of ${id} failed: ${(err as Error).message}; retrying at the next poll`);
        } finally {
          this.inFlight.delete(id);
        }
      }
    });
    await Promise.all(workers);
  }

  /** Across tenants by design: the dispatcher serves every tenant, and each stream carries its own. */
  private due(): Promise<string[]> {
    return TenantContext.acrossTenants(async () => {
      const now = Date.now();
      const model = await this.catalog.modelFor(dueNotificationsProjection);
      const docs = await model
        .find(
          {
            $or: [
              { status: { $in: ['REQUESTED', 'FAILED'] }, dueAt: { $lte: new Date(now).toISOString() } },
              { status: 'DISPATCHED', dueAt: { $lte: new Date(now - this.outcomeDeadlineMs).toISOString() } },
            ],
          },
          { notificationId: 1 },
        )
        .sort({ dueAt: 1 })
        .limit(BATCH)
        .lean()
        .exec();
      return docs.map((d) => d.notificationId);
    });
  }
}
