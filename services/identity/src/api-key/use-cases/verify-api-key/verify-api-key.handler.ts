import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@foresight/contracts';
import { CONFIG } from '@foresight/service-kit';
import { AccessDirectory } from '../../../access/access-directory';
import { IdentityConfig } from '../../../config';
import { sha256Hex } from '../../../shared/crypto/random';
import { constantTimeEqual } from '../../../shared/domain/constant-time';
import { apiKeyIdForPrefix } from '../../../shared/domain/ids';
import { TIER_POLICIES, TierPolicies } from '../../../shared/tier-policies';
import { parseApiKey } from '../../domain/api-key-format';
import { effectiveExpiry, usability } from '../../domain/api-key.state';
import { KeyUsageTracker } from '../../key-usage.tracker';

export type VerifyRefusal =
  'malformed' | 'unknown' | 'revoked' | 'expired' | 'tenant_suspended' | 'tenant_archived';

export type Verification =
  | { valid: true; principal: Principal; cacheTtlSeconds: number }
  | { valid: false; reason: VerifyRefusal; tenantId?: string };

/**
 * The hot path of every API-key request in the platform (on a guard's cache miss). Warm, it is a
 * format check, one SHA-256 and a few map lookups; cold, one read of the key's stream (a handful of
 * events), then the tenant's and the roles' (usually cached). No read model is involved, so a key
 * works the moment its creation is stored and stops the moment its revocation is.
 */
@Injectable()
export class VerifyApiKeyHandler {
  constructor(
    private readonly directory: AccessDirectory,
    private readonly usage: KeyUsageTracker,
    @Inject(TIER_POLICIES) private readonly policies: TierPolicies,
    @Inject(CONFIG) private readonly config: IdentityConfig,
  ) {}

  async verify(presented: string, now = new Date()): Promise<Verification> {
    const parsed = parseApiKey(presented);
    if (!parsed) return { valid: false, reason: 'malformed' };
    const key = await this.directory.apiKey(apiKeyIdForPrefix(parsed.prefix));
    // The prefix is public (shown in lists, written in logs): a wrong secret and an unknown prefix answer alike.
    if (
      key.status === 'none' ||
      key.environment !== parsed.environment ||
      !constantTimeEqual(key.secretHash, sha256Hex(parsed.secret))
    )
      return { valid: false, reason: 'unknown' };
    const state = usability(key, now);
    if (state !== 'usable') return { valid: false, reason: state, tenantId: key.tenantId };
    const tenant = await this.directory.tenant(key.tenantId);
    if (tenant.status !== 'active')
      return {
        valid: false,
        reason: tenant.status === 'archived' ? 'tenant_archived' : 'tenant_suspended',
        tenantId: key.tenantId,
      };
    const roles = await this.directory.resolveRoles(key.tenantId, key.roleIds);
    const policy = this.policies[tenant.tier];
    this.usage.touch(key.keyId, key.tenantId, now);
    const until = effectiveExpiry(key);
    const secondsLeft = until === null ? Infinity : Math.floor((Date.parse(until) - now.getTime()) / 1000);
    return {
      valid: true,
      principal: {
        kind: 'api_key',
        id: key.keyId,
        tenantId: key.tenantId,
        roles: roles.names,
        permissions: roles.permissions,
        tier: tenant.tier,
        rateLimitRpm: policy.rateLimitRpm,
        keyPrefix: key.prefix,
        ownerUserId: key.ownerUserId,
      },
      // A caller must not keep believing in a key past its expiry.
      cacheTtlSeconds: Math.max(0, Math.min(this.config.VERIFY_CACHE_TTL_SECONDS, secondsLeft)),
    };
  }
}
