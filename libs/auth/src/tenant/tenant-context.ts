import { AsyncLocalStorage } from 'node:async_hooks';
import type { Principal } from '@foresight/contracts';

/** The tenant a unit of work acts for: set by the auth guard per request, by consumers per event. */
export interface TenantScope {
  readonly tenantId: string;
  /** Absent outside HTTP (a consumer acting on an event of the tenant). */
  readonly principal?: Principal;
}

interface Scope extends Partial<TenantScope> {
  /** Set only by `acrossTenants`: the tenant checks of the persistence plugin stand aside. */
  readonly allTenants?: true;
}

const storage = new AsyncLocalStorage<Scope>();

export class TenantContextMissingError extends Error {
  constructor(what: string) {
    super(`${what} needs a tenant, but no tenant context is active (run it inside TenantContext.run)`);
    this.name = 'TenantContextMissingError';
  }
}

export const TenantContext = {
  /** Runs `work` (and everything it awaits or schedules) as the given tenant. */
  run<T>(scope: TenantScope, work: () => T): T {
    if (!scope.tenantId) throw new TenantContextMissingError('TenantContext.run');
    return storage.run({ tenantId: scope.tenantId, principal: scope.principal }, work);
  },

  /**
   * Runs `work` with the tenant checks lifted, for the rare job that really spans tenants (a rebuild,
   * an expiry sweep). Named loudly so that every such place can be found with one grep.
   */
  acrossTenants<T>(work: () => T): T {
    return storage.run({ allTenants: true }, work);
  },

  current(): TenantScope | undefined {
    const scope = storage.getStore();
    return scope?.tenantId ? (scope as TenantScope) : undefined;
  },

  /** The active tenant id; throws when there is none, so a forgotten scope fails where it happens. */
  tenantId(): string {
    const id = storage.getStore()?.tenantId;
    if (!id) throw new TenantContextMissingError('TenantContext.tenantId()');
    return id;
  },

  isAcrossTenants(): boolean {
    return storage.getStore()?.allTenants === true;
  },
};
