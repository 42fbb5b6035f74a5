import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@foresight/contracts';
import { CONFIG } from '@foresight/service-kit';
import { apiKeyDecider } from '../api-key/domain/api-key.decider';
import type { ApiKey } from '../api-key/domain/api-key.state';
import { apiKeysProjection } from '../api-key/projections/api-keys.projection';
import { IdentityConfig } from '../config';
import { membershipDecider } from '../membership/domain/membership.decider';
import type { Membership } from '../membership/domain/membership.state';
import { membersProjection } from '../membership/projections/members.projection';
import { roleDecider } from '../role/domain/role.decider';
import type { Role } from '../role/domain/role.state';
import { rolesProjection } from '../role/projections/roles.projection';
import type { RoleGrant } from '../shared/domain/access-policy';
import { builtInRolesOf } from '../shared/domain/built-in-roles';
import { roleIdFor, streams } from '../shared/domain/ids';
import { Streams } from '../shared/event-sourcing/streams';
import { ReadModels } from '../shared/read-models/read-models';
import { tenantDecider } from '../tenant/domain/tenant.decider';
import type { Tenant } from '../tenant/domain/tenant.state';
import { tenantsProjection } from '../tenant/projections/tenants.projection';
import { FoldedStreamCache } from './folded-stream.cache';

/** Safety net only: every change is pushed to the caches as soon as the read models apply it. */
const TTL_MS = 5 * 60_000;

export interface ResolvedRoles {
  names: string[];
  permissions: string[];
  /** Ids of the roles that still exist (archived ones grant nothing). */
  ids: string[];
}

/**
 * The hot read path of access decisions (VerifyApiKey, Authorize, sign-in): key, tenant, role and
 * membership state folded from their streams, so an answer is never older than the event store,
 * cached in memory and dropped the moment a read model applies a change to the same stream.
 */
@Injectable()
export class AccessDirectory {
  readonly keys: FoldedStreamCache<ApiKey>;
  readonly tenants: FoldedStreamCache<Tenant>;
  readonly roles: FoldedStreamCache<Role>;
  readonly members: FoldedStreamCache<Membership>;

  constructor(
    private readonly streamsRepo: Streams,
    readModels: ReadModels,
    @Inject(CONFIG) config: IdentityConfig,
  ) {
    const fold =
      <S>(load: (id: string) => Promise<{ state: S }>) =>
      (id: string) =>
        load(id).then((l) => l.state);
    this.keys = new FoldedStreamCache(
      fold((id) => this.streamsRepo.load(streams.apiKey(id), apiKeyDecider)),
      config.API_KEY_CACHE_SIZE,
      TTL_MS,
    );
    this.tenants = new FoldedStreamCache(
      fold((id) => this.streamsRepo.load(streams.tenant(id), tenantDecider)),
      10_000,
      TTL_MS,
    );
    this.roles = new FoldedStreamCache(
      fold((id) => this.streamsRepo.load(streams.role(id), roleDecider)),
      50_000,
      TTL_MS,
    );
    this.members = new FoldedStreamCache(
      fold((id) => {
        const [tenantId, userId] = id.split(':') as [string, string];
        return this.streamsRepo.load(streams.member(tenantId, userId), membershipDecider);
      }),
      50_000,
      TTL_MS,
    );
    readModels.onApplied(apiKeysProjection, (events) =>
      events.forEach((e) => this.keys.invalidate(idOf(e.stream))),
    );
    readModels.onApplied(tenantsProjection, (events) =>
      events.forEach((e) => this.tenants.invalidate(idOf(e.stream))),
    );
    readModels.onApplied(rolesProjection, (events) =>
      events.forEach((e) => this.roles.invalidate(idOf(e.stream))),
    );
    readModels.onApplied(membersProjection, (events) =>
      events.forEach((e) => this.members.invalidate(idOf(e.stream).replace('_', ':'))),
    );
  }

  apiKey(keyId: string): Promise<ApiKey> {
    return this.keys.get(keyId);
  }

  tenant(tenantId: string): Promise<Tenant> {
    return this.tenants.get(tenantId);
  }

  member(tenantId: string, userId: string): Promise<Membership> {
    return this.members.get(`${tenantId}:${userId}`);
  }

  /**
   * What a principal holds right now, from the streams rather than from its token's claims (which
   * may predate a role change): the basis of every "no more than you have" check.
   */
  async currentPermissions(principal: Pick<Principal, 'kind' | 'id' | 'tenantId'>): Promise<string[]> {
    if (principal.kind === 'api_key') {
      const key = await this.apiKey(principal.id);
      if (key.status !== 'active' || key.tenantId !== principal.tenantId) return [];
      return (await this.resolveRoles(principal.tenantId, key.roleIds)).permissions;
    }
    const member = await this.member(principal.tenantId, principal.id);
    if (member.status !== 'active') return [];
    return (await this.resolveRoles(principal.tenantId, member.roleIds)).permissions;
  }

  /** A role of the tenant, built-in or custom, or undefined when it does not exist (or was archived). */
  async role(tenantId: string, roleId: string): Promise<RoleGrant | undefined> {
    const builtIn = builtInRolesOf(tenantId).get(roleId);
    if (builtIn) return builtIn;
    const role = await this.roles.get(roleId);
    return role.status === 'active' && role.tenantId === tenantId
      ? { id: role.roleId, name: role.name, permissions: role.permissions }
      : undefined;
  }

  roleByName(tenantId: string, name: string): Promise<RoleGrant | undefined> {
    return this.role(tenantId, roleIdFor(tenantId, name));
  }

  /** The roles of a tenant among `roleIds` that still exist, with the union of their permissions. */
  async resolveRoles(tenantId: string, roleIds: readonly string[]): Promise<ResolvedRoles> {
    const found = await Promise.all(roleIds.map((id) => this.role(tenantId, id)));
    const active = found.filter((r): r is RoleGrant => r !== undefined);
    return {
      names: active.map((r) => r.name).sort(),
      permissions: [...new Set(active.flatMap((r) => r.permissions))].sort(),
      ids: active.map((r) => r.id),
    };
  }
}

/** `<category>-<id>` → id. */
function idOf(stream: string): string {
  return stream.slice(stream.indexOf('-') + 1);
}
