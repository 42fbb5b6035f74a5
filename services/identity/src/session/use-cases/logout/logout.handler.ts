import { Injectable } from '@nestjs/common';
import { sha256Hex } from '../../../shared/crypto/random';
import { identityError } from '../../../shared/domain/identity.errors';
import { streams } from '../../../shared/domain/ids';
import type { CommandMeta } from '../../../shared/event-sourcing/command-meta';
import { Streams } from '../../../shared/event-sourcing/streams';
import { sessionDecider } from '../../domain/session.decider';
import { parseRefreshToken } from '../../refresh-token';

/** Ends the session: its refresh token stops working, and its access tokens are refused everywhere. */
@Injectable()
export class LogoutHandler {
  constructor(private readonly eventStreams: Streams) {}

  async execute(refreshToken: string, meta: CommandMeta, now = new Date()): Promise<void> {
    const parsed = parseRefreshToken(refreshToken);
    if (!parsed) throw identityError('INVALID_REFRESH_TOKEN', 'The refresh token is not valid');
    const stream = streams.session(parsed.sessionId);
    const { state } = await this.eventStreams.load(stream, sessionDecider);
    if (state.status === 'none')
      throw identityError('INVALID_REFRESH_TOKEN', 'The refresh token is not valid');
    await this.eventStreams.decide(
      stream,
      sessionDecider,
      { type: 'EndSession', data: { presentedHash: sha256Hex(parsed.secret), reason: 'logout', now } },
      state.tenantId,
      { ...meta, actor: state.userId },
      { awaitReadModels: false },
    );
  }
}
