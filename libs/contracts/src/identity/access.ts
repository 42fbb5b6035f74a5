import { IsIn, IsISO8601, IsOptional, IsString, IsUUID } from 'class-validator';
import { defineEvent } from '../registry';
import { Topics } from '../topics';

/** Every permission a role can grant, `resource:action`. */
export const PERMISSIONS = [
  'reports:read',
  'reports:feedback',
  'reports:admin',
  'records:read',
  'records:write',
  'records:admin',
  'models:read',
  'models:train',
  'keys:manage',
  'members:manage',
  'roles:manage',
  'tenants:manage',
  'audit:read',
  'voc:read',
  'voc:write',
  'notifications:read',
  'notifications:manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const TIERS = ['free', 'pro', 'enterprise'] as const;
export type Tier = (typeof TIERS)[number];

/** Who is calling, as every service's auth guard resolves it (from a JWT or an API key). */
export interface Principal {
  kind: 'user' | 'api_key';
  /** User id or API key id. */
  id: string;
  tenantId: string;
  roles: string[];
  permissions: string[];
  tier: Tier;
  rateLimitRpm: number;
  /** Users: their email, which is how records name account owners (reports go to the owner). */
  email?: string;
  /** API keys: the display prefix and the user who owns the key. */
  keyPrefix?: string;
  ownerUserId?: string;
}

/** Claims of identity's access JWTs (EdDSA, `kid` in the header, verified offline against JWKS). */
export interface AccessTokenClaims {
  sub: string;
  /** Tenant the token acts in; a user in several tenants gets one token per tenant. */
  tid: string;
  roles: string[];
  perms: string[];
  tier: Tier;
  rpm: number;
  /** The user's email in this tenant: the key that ties records' account owners to users. */
  email?: string;
  /** Session (refresh-token family) id, so a logout or reuse detection can revoke live tokens. */
  sid: string;
  iat: number;
  exp: number;
  iss: string;
  aud: string;
}

/**
 * Access changes every service must act on within a second: each drops the cached answers that
 * the change makes stale. Keyed by tenant id on Kafka so one tenant's changes stay ordered.
 */
export class AccessChangedPayload {
  @IsIn([
    'api_key_revoked',
    'api_key_changed',
    'user_access_changed',
    'session_revoked',
    'tenant_status_changed',
    'role_changed',
  ])
  kind!:
    | 'api_key_revoked'
    | 'api_key_changed'
    | 'user_access_changed'
    | 'session_revoked'
    | 'tenant_status_changed'
    | 'role_changed';

  @IsUUID()
  tenantId!: string;

  /** The key id, user id, session id or role id the change is about; the tenant id for tenant changes. */
  @IsString()
  subjectId!: string;

  /** For API keys: the prefix, which is what verification caches are keyed by. */
  @IsOptional()
  @IsString()
  keyPrefix?: string;

  @IsISO8601()
  changedAt!: string;
}

export const AccessChanged = defineEvent({
  type: 'AccessChanged',
  schemaVersion: 1,
  topic: Topics.identityAccess,
  payload: AccessChangedPayload,
});
