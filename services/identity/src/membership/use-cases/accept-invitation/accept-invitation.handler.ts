import { Injectable } from '@nestjs/common';
import { sha256Hex } from '../../../shared/crypto/random';
import { PasswordHasher } from '../../../shared/crypto/password-hasher';
import { identityError } from '../../../shared/domain/identity.errors';
import { PLATFORM_TENANT_ID, streams } from '../../../shared/domain/ids';
import type { CommandMeta } from '../../../shared/event-sourcing/command-meta';
import { Streams } from '../../../shared/event-sourcing/streams';
import { userDecider } from '../../../user/domain/user.decider';
import { AcceptInvitation } from '../../domain/membership.commands';
import { membershipDecider } from '../../domain/membership.decider';
import { parseInvitationToken } from '../../invitation-token';
import { AcceptedInvitationView, AcceptInvitationRequest } from './accept-invitation.command';

/**
 * Two streams change: the user's (a first password) and the membership. The invitation is checked
 * before the password is stored, so a wrong or expired invitation can never set one; the
 * membership is accepted last, so a failure in between leaves an invitation that still works.
 */
@Injectable()
export class AcceptInvitationHandler {
  constructor(
    private readonly eventStreams: Streams,
    private readonly hasher: PasswordHasher,
  ) {}

  async execute(
    request: AcceptInvitationRequest,
    meta: CommandMeta,
    now = new Date(),
  ): Promise<AcceptedInvitationView> {
    const parsed = parseInvitationToken(request.token);
    if (!parsed) throw identityError('INVITATION_INVALID', 'This invitation is not valid');
    const { tenantId, userId } = parsed;
    const accept: AcceptInvitation = {
      type: 'AcceptInvitation',
      data: { invitationHash: sha256Hex(parsed.secret), now },
    };
    const membership = await this.eventStreams.load(streams.member(tenantId, userId), membershipDecider);
    membershipDecider.decide(accept, membership.state);

    const user = await this.eventStreams.load(streams.user(userId), userDecider);
    if (user.state.status !== 'registered')
      throw identityError('INVITATION_INVALID', 'This invitation is not valid');
    const actor = { ...meta, actor: userId };
    let passwordSet = false;
    if (user.state.passwordHash === null) {
      if (!request.password)
        throw identityError(
          'PASSWORD_REQUIRED',
          'Choose a password (12 to 128 characters) to accept this invitation',
          {
            field: 'password',
          },
        );
      const passwordHash = await this.hasher.hash(request.password);
      await this.eventStreams.decide(
        streams.user(userId),
        userDecider,
        { type: 'SetPassword', data: { passwordHash, now } },
        PLATFORM_TENANT_ID,
        actor,
        {
          awaitReadModels: false,
        },
      );
      passwordSet = true;
    } else if (request.password) {
      throw identityError(
        'PASSWORD_ALREADY_SET',
        'You already have a password: accept without one, and sign in with yours',
        {
          field: 'password',
        },
      );
    }
    await this.eventStreams.decide(
      streams.member(tenantId, userId),
      membershipDecider,
      accept,
      tenantId,
      actor,
    );
    return { tenantId, userId, email: user.state.email, passwordSet };
  }
}
