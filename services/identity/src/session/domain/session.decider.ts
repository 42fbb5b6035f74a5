import { assertNever, Decider } from '@foresight/domain';
import { constantTimeEqual } from '../../shared/domain/constant-time';
import { identityError } from '../../shared/domain/identity.errors';
import { SessionCommand } from './session.commands';
import { SessionEvent, SessionRevoked } from './session.events';
import { ExistingSession, Session } from './session.state';

function existing(state: Session): ExistingSession {
  if (state.status === 'none') throw identityError('INVALID_REFRESH_TOKEN', 'The refresh token is not valid');
  return state;
}

function revoked(
  session: ExistingSession,
  reason: SessionRevoked['data']['reason'],
  now: Date,
): SessionRevoked {
  const { sessionId, userId, tenantId } = session;
  return {
    type: 'SessionRevoked',
    data: { sessionId, userId, tenantId, reason, revokedAt: now.toISOString() },
  };
}

export const sessionDecider: Decider<Session, SessionCommand, SessionEvent> = {
  initialState: () => ({ status: 'none' }),

  decide(command, state) {
    switch (command.type) {
      case 'StartSession': {
        if (state.status !== 'none') return [];
        const { now, expiresAt, ...session } = command.data;
        return {
          type: 'SessionStarted',
          data: { ...session, startedAt: now.toISOString(), expiresAt: expiresAt.toISOString() },
        };
      }
      case 'RotateRefreshToken': {
        const session = existing(state);
        const { presentedHash, nextHash, now } = command.data;
        if (session.spentHashes.some((h) => constantTimeEqual(h, presentedHash)))
          // A spent token is back: either its thief or its owner holds a copy. Revoke the whole
          // family so both must sign in again; the handler reports the refusal after this is stored.
          return session.status === 'active' ? revoked(session, 'refresh_token_reuse', now) : [];
        if (!constantTimeEqual(session.currentHash, presentedHash))
          throw identityError('INVALID_REFRESH_TOKEN', 'The refresh token is not valid');
        if (session.status === 'revoked')
          throw identityError('SESSION_REVOKED', 'This session has ended; sign in again', {
            reason: session.revokedReason,
          });
        if (Date.parse(session.expiresAt) <= now.getTime())
          throw identityError('SESSION_EXPIRED', 'This session has expired; sign in again');
        return {
          type: 'RefreshTokenRotated',
          data: {
            sessionId: session.sessionId,
            userId: session.userId,
            tenantId: session.tenantId,
            refreshHash: nextHash,
            generation: session.generation + 1,
            rotatedAt: now.toISOString(),
          },
        };
      }
      case 'EndSession': {
        const session = existing(state);
        const { presentedHash, reason, now } = command.data;
        if (presentedHash !== null && !constantTimeEqual(session.currentHash, presentedHash))
          throw identityError('INVALID_REFRESH_TOKEN', 'The refresh token is not valid');
        if (session.status === 'revoked') return [];
        return revoked(session, reason, now);
      }
      default:
        return assertNever(command, 'session command');
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'SessionStarted':
        return {
          status: 'active',
          sessionId: event.data.sessionId,
          userId: event.data.userId,
          tenantId: event.data.tenantId,
          currentHash: event.data.refreshHash,
          spentHashes: [],
          generation: 0,
          expiresAt: event.data.expiresAt,
          revokedReason: null,
        };
      case 'RefreshTokenRotated': {
        const session = existing(state);
        return {
          ...session,
          currentHash: event.data.refreshHash,
          spentHashes: [...session.spentHashes, session.currentHash],
          generation: event.data.generation,
        };
      }
      case 'SessionRevoked':
        return { ...existing(state), status: 'revoked', revokedReason: event.data.reason };
      default:
        return assertNever(event, 'session event');
    }
  },
};
