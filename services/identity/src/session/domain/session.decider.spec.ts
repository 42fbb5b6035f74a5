import { DomainError } from '@foresight/domain';
import { DeciderSpecification } from '@foresight/testing';
import { sessionDecider } from './session.decider';
import { RefreshTokenRotated, SessionStarted } from './session.events';

const spec = DeciderSpecification.for(sessionDecider);
const now = new Date('2026-03-01T10:00:00Z');
const ids = { sessionId: 's-1', userId: 'u-1', tenantId: 't-1' };
const code = (c: string) => (e: DomainError) => e.code === c;
const started: SessionStarted = {
  type: 'SessionStarted',
  data: { ...ids, refreshHash: 'h0', startedAt: now.toISOString(), expiresAt: '2026-03-31T10:00:00.000Z' },
};
const rotated: RefreshTokenRotated = {
  type: 'RefreshTokenRotated',
  data: { ...ids, refreshHash: 'h1', generation: 1, rotatedAt: now.toISOString() },
};
const rotate = (presentedHash: string, at = now) =>
  ({ type: 'RotateRefreshToken', data: { presentedHash, nextHash: 'h-next', now: at } }) as const;

describe('session decider', () => {
  describe('active', () => {
    it('swaps the current refresh token for a new one', () =>
      spec
        .given([started, rotated])
        .when(rotate('h1'))
        .then({
          type: 'RefreshTokenRotated',
          data: { ...ids, refreshHash: 'h-next', generation: 2, rotatedAt: now.toISOString() },
        }));

    it('revokes the whole family when a spent token comes back', () =>
      spec
        .given([started, rotated])
        .when(rotate('h0'))
        .then({
          type: 'SessionRevoked',
          data: { ...ids, reason: 'refresh_token_reuse', revokedAt: now.toISOString() },
        }));

    it('refuses a token that was never part of the family, without revoking it', () =>
      spec
        .given([started, rotated])
        .when(rotate('forged'))
        .thenThrows(DomainError, code('IDENTITY.INVALID_REFRESH_TOKEN')));

    it('refuses after the family has expired', () =>
      spec
        .given(started)
        .when(rotate('h0', new Date('2026-04-01T00:00:00Z')))
        .thenThrows(DomainError, code('IDENTITY.SESSION_EXPIRED')));

    it('logs out with the current token only', () => {
      spec
        .given([started, rotated])
        .when({ type: 'EndSession', data: { presentedHash: 'h1', reason: 'logout', now } })
        .then({ type: 'SessionRevoked', data: { ...ids, reason: 'logout', revokedAt: now.toISOString() } });
      spec
        .given([started, rotated])
        .when({ type: 'EndSession', data: { presentedHash: 'h0', reason: 'logout', now } })
        .thenThrows(DomainError, code('IDENTITY.INVALID_REFRESH_TOKEN'));
    });
  });

  describe('revoked', () => {
    const revoked = {
      type: 'SessionRevoked' as const,
      data: { ...ids, reason: 'logout' as const, revokedAt: now.toISOString() },
    };
    it('refuses the last token it handed out', () =>
      spec
        .given([started, rotated, revoked])
        .when(rotate('h1'))
        .thenThrows(DomainError, code('IDENTITY.SESSION_REVOKED')));

    it('a reused token changes nothing more', () =>
      spec.given([started, rotated, revoked]).when(rotate('h0')).thenNothingHappened());
  });
});
