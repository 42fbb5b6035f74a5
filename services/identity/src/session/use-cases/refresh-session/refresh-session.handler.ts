import { Injectable } from '@nestjs/common';
import { DomainError } from '@foresight/domain';
import { newOpaqueSecret, sha256Hex } from '../../../shared/crypto/random';
import { identityError } from '../../../shared/domain/identity.errors';
import { streams } from '../../../shared/domain/ids';
import type { CommandMeta } from '../../../shared/event-sourcing/command-meta';
import { Streams } from '../../../shared/event-sourcing/streams';
import { sessionDecider } from '../../domain/session.decider';
import { parseRefreshToken } from '../../refresh-token';
import { SessionTokens } from '../../session-tokens';
import { TokenPairView } from '../token-pair.view';

/**
 * Refresh-token rotation: every refresh spends the presented token and hands out the next one. A
 * spent token coming back means two parties hold the family, so the whole family is revoked (the
 * event goes out on identity.access.v1, and every service refuses the family's access tokens too).
 */
@Injectable()
export class RefreshSessionHandler {
  constructor(
    private readonly eventStreams: Streams,
    private readonly tokens: SessionTokens,
  ) {}

  async execute(refreshToken: string, meta: CommandMeta, now = new Date()): Promise<TokenPairView> {
    const parsed = parseRefreshToken(refreshToken);
    if (!parsed) throw identityError('INVALID_REFRESH_TOKEN', 'The refresh token is not valid');
    const stream = streams.session(parsed.sessionId);
    const { state } = await this.eventStreams.load(stream, sessionDecider);
    if (state.status === 'none')
      throw identityError('INVALID_REFRESH_TOKEN', 'The refresh token is not valid');
    const actor = { ...meta, actor: state.userId };
    const nextSecret = newOpaqueSecret();
    const rotated = await this.eventStreams.decide(
      stream,
      sessionDecider,
      {
        type: 'RotateRefreshToken',
        data: { presentedHash: sha256Hex(parsed.secret), nextHash: sha256Hex(nextSecret), now },
      },
      state.tenantId,
      actor,
      { awaitReadModels: false },
    );
    if (
      rotated.events.some((e) => e.type === 'SessionRevoked') ||
      (rotated.events.length === 0 && rotated.newState.status === 'revoked')
    )
      throw identityError(
        'REFRESH_TOKEN_REUSED',
        'This refresh token was already used; the session has been ended, sign in again',
      );
    try {
      return await this.tokens.pair(
        {
          sessionId: state.sessionId,
          userId: state.userId,
          tenantId: state.tenantId,
          refreshSecret: nextSecret,
          expiresAt: state.expiresAt,
        },
        now,
      );
    } catch (err) {
      // Removed from the tenant, or the tenant suspended, since sign-in: the session ends here.
      if (err instanceof DomainError)
        await this.eventStreams.decide(
          stream,
          sessionDecider,
          { type: 'EndSession', data: { presentedHash: null, reason: 'access_lost', now } },
          state.tenantId,
          actor,
          { awaitReadModels: false },
        );
      throw err;
    }
  }
}
