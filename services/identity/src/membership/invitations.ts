import { Inject, Injectable } from '@nestjs/common';
import { CONFIG } from '@foresight/service-kit';
import { v7 as uuidv7 } from 'uuid';
import { AccessDirectory } from '../access/access-directory';
import { IdentityConfig } from '../config';
import { newOpaqueSecret, sha256Hex } from '../shared/crypto/random';
import type { RoleGrant } from '../shared/domain/access-policy';
import { identityError } from '../shared/domain/identity.errors';
import { normaliseEmail, PLATFORM_TENANT_ID, streams } from '../shared/domain/ids';
import type { CommandMeta } from '../shared/event-sourcing/command-meta';
import { Streams } from '../shared/event-sourcing/streams';
import { ReadModels } from '../shared/read-models/read-models';
import { TIER_POLICIES, TierPolicies } from '../shared/tier-policies';
import { emailClaimDecider } from '../user/domain/email-claim.decider';
import { userDecider } from '../user/domain/user.decider';
import { membershipDecider } from './domain/membership.decider';
import { formatInvitationToken } from './invitation-token';
import type { InvitationView } from './use-cases/invitation.view';

export interface Invite {
  tenantId: string;
  email: string;
  roles: readonly RoleGrant[];
  granterPermissions: readonly string[];
  meta: CommandMeta;
  now: Date;
}

/**
 * Invites an email into a tenant: the platform operator's owner invitation and a member's
 * invitation both come through here. The address is claimed first (one user per address, across
 * tenants), so a person invited into a second tenant keeps one account and one password.
 */
@Injectable()
export class Invitations {
  constructor(
    private readonly eventStreams: Streams,
    private readonly directory: AccessDirectory,
    private readonly readModels: ReadModels,
    @Inject(TIER_POLICIES) private readonly policies: TierPolicies,
    @Inject(CONFIG) private readonly config: IdentityConfig,
  ) {}

  async invite({ tenantId, email, roles, granterPermissions, meta, now }: Invite): Promise<InvitationView> {
    const tenant = await this.directory.tenant(tenantId);
    if (tenant.status === 'none') throw identityError('TENANT_NOT_FOUND', 'No such tenant');
    if (tenant.status !== 'active')
      throw identityError('TENANT_NOT_ACTIVE', `The tenant is ${tenant.status}`, { status: tenant.status });
    const policy = this.policies[tenant.tier];
    const address = normaliseEmail(email);

    const claim = await this.eventStreams.decide(
      streams.email(sha256Hex(address)),
      emailClaimDecider,
      { type: 'ClaimEmail', data: { userId: uuidv7(), now } },
      PLATFORM_TENANT_ID,
      meta,
      { awaitReadModels: false },
    );
    const userId = claim.newState.userId!;
    await this.eventStreams.decide(
      streams.user(userId),
      userDecider,
      { type: 'RegisterUser', data: { userId, email: address, now } },
      PLATFORM_TENANT_ID,
      meta,
      { awaitReadModels: false },
    );

    const memberCount = await this.readModels.members.count(tenantId, {
      status: { $in: ['invited', 'active'] },
    });
    const secret = newOpaqueSecret();
    const expiresAt = new Date(now.getTime() + this.config.INVITATION_TTL_HOURS * 3600_000);
    await this.eventStreams.decide(
      streams.member(tenantId, userId),
      membershipDecider,
      {
        type: 'InviteMember',
        data: {
          tenantId,
          userId,
          email: address,
          roles,
          invitedBy: meta.actor,
          granterPermissions,
          invitationHash: sha256Hex(secret),
          expiresAt,
          allowedRoles: policy.allowedRoles,
          maxUsers: policy.maxUsers,
          memberCount,
          now,
        },
      },
      tenantId,
      meta,
    );
    return {
      tenantId,
      userId,
      email: address,
      roles: roles.map((r) => r.name),
      invitationToken: formatInvitationToken(tenantId, userId, secret),
      expiresAt: expiresAt.toISOString(),
    };
  }
}
