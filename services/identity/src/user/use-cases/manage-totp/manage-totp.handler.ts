import { Injectable } from '@nestjs/common';
import type { Principal } from '@foresight/contracts';
import { identityError } from '../../../shared/domain/identity.errors';
import { PLATFORM_TENANT_ID, streams } from '../../../shared/domain/ids';
import type { CommandMeta } from '../../../shared/event-sourcing/command-meta';
import { Streams } from '../../../shared/event-sourcing/streams';
import { userDecider } from '../../domain/user.decider';
import { RegisteredUser } from '../../domain/user.state';
import { TotpCodes } from '../../totp-codes';
import { TotpEnrollmentView } from '../me.view';

/** Two-factor sign-in: start (a new secret), confirm with a first code (only then is it on), turn off with a code. */
@Injectable()
export class ManageTotpHandler {
  constructor(
    private readonly eventStreams: Streams,
    private readonly codes: TotpCodes,
  ) {}

  async start(principal: Principal, meta: CommandMeta, now = new Date()): Promise<TotpEnrollmentView> {
    const user = await this.user(principal);
    const { secret, sealed } = this.codes.newSecret(user.userId);
    await this.decide(
      user.userId,
      { type: 'StartTotpEnrollment', data: { secretSealed: sealed, now } },
      meta,
    );
    return { secret, otpauthUrl: this.codes.uri(user.email, secret) };
  }

  async confirm(principal: Principal, code: string, meta: CommandMeta, now = new Date()): Promise<void> {
    const user = await this.user(principal);
    const codeValid = user.totp.pendingSealed
      ? await this.codes.check(user.totp.pendingSealed, user.userId, code)
      : false;
    await this.decide(user.userId, { type: 'ConfirmTotp', data: { codeValid, now } }, meta);
  }

  async disable(principal: Principal, code: string, meta: CommandMeta, now = new Date()): Promise<void> {
    const user = await this.user(principal);
    const codeValid = user.totp.secretSealed
      ? await this.codes.check(user.totp.secretSealed, user.userId, code)
      : false;
    await this.decide(user.userId, { type: 'DisableTotp', data: { codeValid, now } }, meta);
  }

  private async user(principal: Principal): Promise<RegisteredUser> {
    if (principal.kind !== 'user')
      throw identityError('USER_REQUIRED', 'Two-factor sign-in belongs to a user, not to an API key');
    const { state } = await this.eventStreams.load(streams.user(principal.id), userDecider);
    if (state.status !== 'registered') throw identityError('USER_NOT_FOUND', 'No such user');
    return state;
  }

  private decide(userId: string, command: Parameters<typeof userDecider.decide>[0], meta: CommandMeta) {
    return this.eventStreams.decide(streams.user(userId), userDecider, command, PLATFORM_TENANT_ID, meta, {
      awaitReadModels: false,
    });
  }
}
