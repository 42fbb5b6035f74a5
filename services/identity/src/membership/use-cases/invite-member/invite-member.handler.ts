import { Injectable } from '@nestjs/common';
import type { Principal } from '@foresight/contracts';
import { AccessDirectory } from '../../../access/access-directory';
import { rolesByName } from '../../../access/role-names';
import type { CommandMeta } from '../../../shared/event-sourcing/command-meta';
import { Invitations } from '../../invitations';
import { InvitationView } from '../invitation.view';
import { InviteMemberRequest } from './invite-member.command';

@Injectable()
export class InviteMemberHandler {
  constructor(
    private readonly invitations: Invitations,
    private readonly directory: AccessDirectory,
  ) {}

  async execute(
    principal: Principal,
    request: InviteMemberRequest,
    meta: CommandMeta,
    now = new Date(),
  ): Promise<InvitationView> {
    const [roles, granterPermissions] = await Promise.all([
      rolesByName(this.directory, principal.tenantId, request.roles),
      this.directory.currentPermissions(principal),
    ]);
    return this.invitations.invite({
      tenantId: principal.tenantId,
      email: request.email,
      roles,
      granterPermissions,
      meta,
      now,
    });
  }
}
