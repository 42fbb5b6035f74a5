/**
 * Why a request was refused, as a stable code a client can branch on. The guard turns these into
 * HTTP responses `{ statusCode, code, message }` (plus `Retry-After` where it applies).
 */
export type AuthErrorCode =
  | 'AUTH.MISSING_CREDENTIALS'
  | 'AUTH.INVALID_TOKEN'
  | 'AUTH.INVALID_API_KEY'
  | 'AUTH.SESSION_REVOKED'
  | 'AUTH.ACCESS_CHANGED'
  | 'AUTH.TENANT_SUSPENDED'
  | 'AUTH.FORBIDDEN'
  | 'AUTH.TENANT_MISMATCH'
  | 'AUTH.RATE_LIMITED'
  | 'AUTH.IDENTITY_UNAVAILABLE';

export type AuthStatus = 401 | 403 | 429 | 503;

export class AuthError extends Error {
  constructor(
    readonly code: AuthErrorCode,
    message: string,
    readonly status: AuthStatus,
    readonly details?: Readonly<Record<string, unknown>>,
    /** Seconds a client should wait before retrying (429, 503). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'AuthError';
  }

  static unauthenticated(code: AuthErrorCode, message: string, details?: Record<string, unknown>): AuthError {
    return new AuthError(code, message, 401, details);
  }

  static forbidden(code: AuthErrorCode, message: string, details?: Record<string, unknown>): AuthError {
    return new AuthError(code, message, 403, details);
  }

  static tenantSuspended(tenantId: string): AuthError {
    return new AuthError('AUTH.TENANT_SUSPENDED', `tenant ${tenantId} is suspended`, 403, { tenantId });
  }

  static identityUnavailable(what: string): AuthError {
    return new AuthError(
      'AUTH.IDENTITY_UNAVAILABLE',
      `identity did not answer (${what}); retry shortly`,
      503,
      {},
      2,
    );
  }
}
