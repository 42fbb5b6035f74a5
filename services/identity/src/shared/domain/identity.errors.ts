import { DomainError, DomainErrorKind } from '@foresight/domain';

/**
 * Every refusal identity can give, by code. The kind decides the HTTP status in service-kit's filter
 * (and the gRPC status), so handlers never pick status codes themselves.
 */
const KINDS = {
  TENANT_EXISTS: 'conflict',
  TENANT_NOT_FOUND: 'not_found',
  TENANT_NOT_ACTIVE: 'forbidden',
  INVALID_TRANSITION: 'conflict',
  ROLE_EXISTS: 'conflict',
  ROLE_NOT_FOUND: 'not_found',
  BUILT_IN_ROLE: 'forbidden',
  ROLE_NOT_ALLOWED: 'forbidden',
  TIER_LIMIT: 'limit',
  ALREADY_MEMBER: 'conflict',
  MEMBER_NOT_FOUND: 'not_found',
  NOT_A_MEMBER: 'forbidden',
  INVITATION_INVALID: 'unauthenticated',
  INVITATION_EXPIRED: 'unauthenticated',
  PASSWORD_REQUIRED: 'invalid',
  PASSWORD_ALREADY_SET: 'conflict',
  INVALID_CREDENTIALS: 'unauthenticated',
  LOCKED: 'locked',
  TOTP_REQUIRED: 'unauthenticated',
  TOTP_INVALID: 'unauthenticated',
  TOTP_NOT_PENDING: 'conflict',
  TOTP_ALREADY_ENABLED: 'conflict',
  INVALID_REFRESH_TOKEN: 'unauthenticated',
  REFRESH_TOKEN_REUSED: 'unauthenticated',
  SESSION_REVOKED: 'unauthenticated',
  SESSION_EXPIRED: 'unauthenticated',
  USER_NOT_FOUND: 'not_found',
  USER_REQUIRED: 'forbidden',
  KEY_NOT_FOUND: 'not_found',
  KEY_EXCEEDS_OWNER: 'forbidden',
  KEY_REVOKED: 'conflict',
  KEY_EXPIRED: 'conflict',
  KEY_ALREADY_ROTATED: 'conflict',
  INVALID_EXPIRY: 'invalid',
  FORBIDDEN: 'forbidden',
  ADMIN_TOKEN_REQUIRED: 'unauthenticated',
  GRANT_EXCEEDS_GRANTER: 'forbidden',
  INVALID_CURSOR: 'invalid',
} as const satisfies Record<string, DomainErrorKind>;

export type IdentityErrorCode = keyof typeof KINDS;

export function identityError(
  code: IdentityErrorCode,
  message: string,
  details?: Readonly<Record<string, unknown>>,
): DomainError {
  return new DomainError(`IDENTITY.${code}`, message, KINDS[code], details);
}

export function isIdentityError(error: unknown, code: IdentityErrorCode): error is DomainError {
  return error instanceof DomainError && error.code === `IDENTITY.${code}`;
}
