import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import type { EventStore } from '@foresight/eventstore';
import {
  Projection,
  ProjectionCatalog,
  ProjectionEvent,
  ProjectionRunner,
  ReadModel,
  rebuild,
  RebuildResult,
} from '@foresight/projections';
import { MONGO_CONNECTION } from '@foresight/service-kit';
import type { Connection } from 'mongoose';
import { ApiKeyDoc, apiKeysProjection } from '../../api-key/projections/api-keys.projection';
import { MemberDoc, membersProjection } from '../../membership/projections/members.projection';
import { RoleDoc, rolesProjection } from '../../role/projections/roles.projection';
import { TenantDoc, tenantsProjection } from '../../tenant/projections/tenants.projection';
import { IDENTITY_STORE } from '../event-sourcing/identity-store.token';
import { ProjectionProgress } from './projection-progress';

/** How long a write waits for its read models before answering anyway (they catch up on their own). */
const READ_YOUR_WRITES_TIMEOUT_MS = 5000;

type AnyProjection = Projection<object, ProjectionEvent>;
type AppliedListener = (events: readonly ProjectionEvent[]) => void;

interface Running {
  projection: AnyProjection;
  runner: ProjectionRunner;
  progress: ProjectionProgress;
  listeners: AppliedListener[];
}

/**
 * identity's Mongo read models: one runner per projection, fed by identity's own event store. Other
 * parts of the service hook into "events applied" to drop cache entries at the moment the read
 * model changed, never before (a reload in between would cache the old document again).
 */
@Injectable()
export class ReadModels implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('ReadModels');
  readonly catalog: ProjectionCatalog;
  readonly tenants: ReadModel<TenantDoc>;
  readonly roles: ReadModel<RoleDoc>;
  readonly members: ReadModel<MemberDoc>;
  readonly apiKeys: ReadModel<ApiKeyDoc>;
  private readonly running = new Map<string, Running>();

  constructor(
    @Inject(MONGO_CONNECTION) connection: Connection,
    @Inject(IDENTITY_STORE) private readonly store: EventStore,
  ) {
    this.catalog = new ProjectionCatalog(connection);
    this.tenants = new ReadModel(this.catalog, tenantsProjection);
    this.roles = new ReadModel(this.catalog, rolesProjection);
    this.members = new ReadModel(this.catalog, membersProjection);
    this.apiKeys = new ReadModel(this.catalog, apiKeysProjection);
    for (const projection of [
      tenantsProjection,
      rolesProjection,
      membersProjection,
      apiKeysProjection,
    ] as unknown as AnyProjection[]) {
      const progress = new ProjectionProgress();
      const entry: Running = {
        projection,
        progress,
        listeners: [],
        runner: new ProjectionRunner(projection, {
          catalog: this.catalog,
          store,
          onApplied: (events) => {
            // Caches first, then waiters: a request released by the wait must not hit a stale cache.
            for (const listener of entry.listeners) listener(events);
            progress.record(events);
          },
          onError: (err) =>
            this.logger.warn({
              msg: 'projection failed; resuming from its checkpoint',
              projection: projection.name,
              err: err.message,
            }),
        }),
      };
      this.running.set(projection.name, entry);
    }
  }

  onApplied(projection: Pick<AnyProjection, 'name'>, listener: AppliedListener): void {
    this.running.get(projection.name)?.listeners.push(listener);
  }

  /** Waits until every read model that projects one of `types` has applied `stream` up to `revision`. */
  async caughtUpWith(stream: string, revision: number, types: readonly string[]): Promise<void> {
    const waits = [...this.running.values()]
      .filter(({ projection }) => projection.handles.some((t) => types.includes(t)))
      .map(({ progress }) => progress.waitFor(stream, revision, READ_YOUR_WRITES_TIMEOUT_MS));
    const done = await Promise.all(waits);
    if (done.includes(false)) this.logger.warn({ msg: 'read models lag behind a write', stream, revision });
  }

  /** All read models have caught up with the store once (used by tests and readiness). */
  async caughtUp(): Promise<void> {
    await Promise.all([...this.running.values()].map(({ runner }) => runner.caughtUp));
  }

  /** Rebuilds one read model beside the live one and switches readers over (admin operation). */
  rebuild(name: string): Promise<RebuildResult> {
    const entry = this.running.get(name);
    if (!entry) throw new Error(`no read model named ${name}`);
    return rebuild(entry.projection, { catalog: this.catalog, store: this.store });
  }

  get names(): string[] {
    return [...this.running.keys()];
  }

  async onApplicationBootstrap(): Promise<void> {
    await Promise.all([...this.running.values()].map(({ runner }) => runner.start()));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all([...this.running.values()].map(({ runner }) => runner.stop()));
  }
}
