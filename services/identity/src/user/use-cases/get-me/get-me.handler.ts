import { Injectable } from '@nestjs/common';
import type { Principal } from '@foresight/contracts';
import { AccessDirectory } from '../../../access/access-directory';
import { identityError } from '../../../shared/domain/identity.errors';
import { streams } from '../../../shared/domain/ids';
import { Streams } from '../../../shared/event-sourcing/streams';
import { userDecider } from '../../domain/user.decider';
import { MeView } from '../me.view';

@Injectable()
export class GetMeHandler {
  constructor(
    private readonly eventStreams: Streams,
    private readonly directory: AccessDirectory,
  ) {}

  async execute(principal: Principal): Promise<MeView> {
    if (principal.kind !== 'user')
      throw identityError('USER_REQUIRED', 'This route is about a signed-in user, not an API key');
    const [{ state: user }, member] = await Promise.all([
      this.eventStreams.load(streams.user(principal.id), userDecider),
      this.directory.member(principal.tenantId, principal.id),
    ]);
    if (user.status !== 'registered' || member.status !== 'active')
      throw identityError('NOT_A_MEMBER', 'You are not a member of this tenant');
    const roles = await this.directory.resolveRoles(principal.tenantId, member.roleIds);
    return {
      userId: user.userId,
      email: user.email,
      tenantId: principal.tenantId,
      roles: roles.names,
      permissions: roles.permissions,
      totpEnabled: user.totp.enabled,
    };
  }
}
