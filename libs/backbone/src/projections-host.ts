import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  BeforeApplicationShutdown,
} from '@nestjs/common';
import type { EventStore } from '@foresight/eventstore';
import { MongoLeaseElection } from '@foresight/messaging';
import { Projection, ProjectionCatalog, ProjectionEvent, ProjectionRunner } from '@foresight/projections';
import { MONGO_CONNECTION, SERVICE_NAME } from '@foresight/service-kit';
import type { Connection } from 'mongoose';
import { BACKBONE_OPTIONS, EVENT_STORE, PROJECTION_CATALOG } from './tokens';
import type { BackboneOptions } from './backbone.module';

/**
 * Runs the service's own-store projections in exactly one instance: FerretDB's conditional writes
 * are not atomic across writers, so a lease picks the writer and the others stand by.
 */
@Injectable()
export class ProjectionsHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Projections');
  private runners: ProjectionRunner[] = [];
  private election?: MongoLeaseElection;
  private switching: Promise<void> = Promise.resolve();

  constructor(
    @Inject(BACKBONE_OPTIONS) private readonly options: BackboneOptions,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROJECTION_CATALOG) private readonly catalog: ProjectionCatalog,
    @Inject(MONGO_CONNECTION) private readonly mongo: Connection,
    @Inject(SERVICE_NAME) private readonly serviceName: string,
  ) {}

  onApplicationBootstrap(): void {
    const projections = this.options.projections ?? [];
    if (!projections.length) return;
    this.election = new MongoLeaseElection({
      connection: this.mongo,
      name: `projections:${this.serviceName}`,
    });
    this.election.start({
      onElected: () => this.chain(() => this.startAll(projections)),
      onDeposed: () => this.chain(() => this.stopAll()),
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.election?.stop();
    await this.chain(() => this.stopAll());
  }

  /** Resolves when every projection has caught up (tests and the demo wait on it). */
  async caughtUp(): Promise<void> {
    await this.switching;
    await Promise.all(this.runners.map((r) => r.caughtUp));
  }

  private chain(step: () => Promise<void>): Promise<void> {
    this.switching = this.switching.then(step, step);
    return this.switching;
  }

  private async startAll(projections: readonly Projection<object, ProjectionEvent>[]): Promise<void> {
    this.runners = projections.map(
      (p) =>
        new ProjectionRunner(p, {
          catalog: this.catalog,
          store: this.store,
          onError: (err) => this.logger.warn(`${p.name}: ${err.message}; resuming from its checkpoint`),
        }),
    );
    await Promise.all(this.runners.map((r) => r.start()));
    this.logger.log(`running ${projections.map((p) => p.name).join(', ')}`);
  }

  private async stopAll(): Promise<void> {
    const runners = this.runners;
    this.runners = [];
    await Promise.all(runners.map((r) => r.stop()));
  }
}
