import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@foresight/contracts';
import { AccessDirectory } from '../../access/access-directory';
import { rolesByName } from '../../access/role-names';
import { identityError } from '../../shared/domain/identity.errors';
import { streams } from '../../shared/domain/ids';
import type { CommandMeta } from '../../shared/event-sourcing/command-meta';
import { Streams } from '../../shared/event-sourcing/streams';
import { TIER_POLICIES, TierPolicies } from '../../shared/tier-policies';
import { membershipDecider } from '../domain/membership.decider';
import { MembershipCommand } from '../domain/membership.commands';

/**
 * Shared by assign-role, unassign-role and remove-member: what each needs about the tenant and the
 * caller before the membership decider can decide.
 */
@Injectable()
export class MemberChanges {
  constructor(
    private readonly eventStreams: Streams,
    private readonly directory: AccessDirectory,
    @Inject(TIER_POLICIES) private readonly policies: TierPolicies,
  ) {}

  async context(principal: Principal, roleName?: string) {
    const tenant = await this.directory.tenant(principal.tenantId);
    if (tenant.status !== 'active') throw identityError('TENANT_NOT_ACTIVE', 'The tenant is not active');
    const [granterPermissions, roles] = await Promise.all([
      this.directory.currentPermissions(principal),
      roleName ? rolesByName(this.directory, principal.tenantId, [roleName]) : Promise.resolve([]),
    ]);
    return { policy: this.policies[tenant.tier], granterPermissions, role: roles[0] };
  }

  async apply(
    principal: Principal,
    userId: string,
    command: MembershipCommand,
    meta: CommandMeta,
  ): Promise<void> {
    const stream = streams.member(principal.tenantId, userId);
    const { state } = await this.eventStreams.load(stream, membershipDecider);
    if (state.status === 'none') throw identityError('MEMBER_NOT_FOUND', 'No such member in this tenant');
    await this.eventStreams.decide(stream, membershipDecider, command, principal.tenantId, meta);
  }
}
