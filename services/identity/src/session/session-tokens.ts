import { Inject, Injectable } from '@nestjs/common';
import { CONFIG } from '@foresight/service-kit';
import { AccessDirectory } from '../access/access-directory';
import { IdentityConfig } from '../config';
import { identityError } from '../shared/domain/identity.errors';
import { TIER_POLICIES, TierPolicies } from '../shared/tier-policies';
import { AccessTokenIssuer } from '../token/access-token.issuer';
import { formatRefreshToken } from './refresh-token';
import { TokenPairView } from './use-cases/token-pair.view';

export interface SessionRef {
  sessionId: string;
  userId: string;
  tenantId: string;
  refreshSecret: string;
  expiresAt: string;
}

/** What sign-in and refresh both do last: check the user may still act in the tenant, then mint tokens. */
@Injectable()
export class SessionTokens {
  constructor(
    private readonly directory: AccessDirectory,
    private readonly issuer: AccessTokenIssuer,
    @Inject(TIER_POLICIES) private readonly policies: TierPolicies,
    @Inject(CONFIG) private readonly config: IdentityConfig,
  ) {}

  /** Throws when the user is not an active member of an active tenant. */
  async access(tenantId: string, userId: string) {
    const [tenant, member] = await Promise.all([
      this.directory.tenant(tenantId),
      this.directory.member(tenantId, userId),
    ]);
    if (tenant.status === 'none' || member.status !== 'active')
      throw identityError('NOT_A_MEMBER', 'You are not a member of this tenant');
    if (tenant.status !== 'active')
      throw identityError('TENANT_NOT_ACTIVE', `The tenant is ${tenant.status}`, { status: tenant.status });
    const roles = await this.directory.resolveRoles(tenantId, member.roleIds);
    return { tenant, member, roles, policy: this.policies[tenant.tier] };
  }

  async pair(session: SessionRef, now: Date): Promise<TokenPairView> {
    const { tenant, member, roles, policy } = await this.access(session.tenantId, session.userId);
    const access = await this.issuer.issue(
      {
        sub: session.userId,
        tid: session.tenantId,
        roles: roles.names,
        perms: roles.permissions,
        tier: tenant.tier,
        rpm: policy.rateLimitRpm,
        sid: session.sessionId,
        email: member.email,
      },
      now,
    );
    return {
      accessToken: access.token,
      tokenType: 'Bearer',
      expiresIn: access.expiresIn,
      refreshToken: formatRefreshToken(session.sessionId, session.refreshSecret),
      refreshExpiresAt: session.expiresAt,
      tenantId: session.tenantId,
      userId: session.userId,
    };
  }

  refreshLifetimeMs(): number {
    return this.config.REFRESH_TOKEN_TTL_SECONDS * 1000;
  }
}
