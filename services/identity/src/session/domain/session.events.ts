import type { Event } from '@foresight/domain';

/** A refresh-token family: one per sign-in; every refresh replaces its token, and the old one is spent. */
export type SessionStarted = Event<
  'SessionStarted',
  {
    sessionId: string;
    userId: string;
    tenantId: string;
    /** SHA-256 of the refresh token's secret. */
    refreshHash: string;
    startedAt: string;
    expiresAt: string;
  }
>;
export type RefreshTokenRotated = Event<
  'RefreshTokenRotated',
  {
    sessionId: string;
    userId: string;
    tenantId: string;
    refreshHash: string;
    generation: number;
    rotatedAt: string;
  }
>;
export type SessionRevocationReason = 'logout' | 'refresh_token_reuse' | 'access_lost';
export type SessionRevoked = Event<
  'SessionRevoked',
  { sessionId: string; userId: string; tenantId: string; reason: SessionRevocationReason; revokedAt: string }
>;

export type SessionEvent = SessionStarted | RefreshTokenRotated | SessionRevoked;

export const SESSION_EVENT_TYPES = [
  'SessionStarted',
  'RefreshTokenRotated',
  'SessionRevoked',
] as const satisfies readonly SessionEvent['type'][];
