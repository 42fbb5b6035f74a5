import type { Principal } from '@foresight/contracts';

export interface ApiKeyVerification {
  valid: boolean;
  /** When not valid: unknown, revoked, expired, tenant_suspended, malformed. */
  reason: string;
  principal?: Principal;
  /** How long the answer may be cached; 0 when identity did not say. */
  cacheTtlSeconds: number;
}

export interface AuthorizeQuestion {
  principalKind: Principal['kind'];
  principalId: string;
  tenantId: string;
  /** `resource:action`; empty asks only whether the principal is still active in an active tenant. */
  permission: string;
}

export interface AuthorizeAnswer {
  allowed: boolean;
  reason: string;
}

/** identity's `identity.v1.Access` service as the guard needs it. */
export interface IdentityAccess {
  verifyApiKey(apiKey: string): Promise<ApiKeyVerification>;
  authorize(question: AuthorizeQuestion): Promise<AuthorizeAnswer>;
  close(): void;
}

/** identity's reasons that mean "the tenant is not active", whatever else it adds later. */
export function isTenantSuspension(reason: string): boolean {
  return /suspend|archiv|tenant_inactive|tenant_disabled/i.test(reason);
}
