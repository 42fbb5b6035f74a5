import { Injectable } from '@nestjs/common';
import { PERMISSIONS } from '@foresight/contracts';
import { Invitations } from '../../../membership/invitations';
import { InvitationView } from '../../../membership/use-cases/invitation.view';
import { builtInRolesOf } from '../../../shared/domain/built-in-roles';
import { roleIdFor } from '../../../shared/domain/ids';
import type { CommandMeta } from '../../../shared/event-sourcing/command-meta';

/** The operator's way to give a tenant an(other) owner: a lost invitation, a departed owner. */
@Injectable()
export class InviteOwnerHandler {
  constructor(private readonly invitations: Invitations) {}

  execute(tenantId: string, email: string, meta: CommandMeta, now = new Date()): Promise<InvitationView> {
    return this.invitations.invite({
      tenantId,
      email,
      roles: [builtInRolesOf(tenantId).get(roleIdFor(tenantId, 'owner'))!],
      granterPermissions: PERMISSIONS,
      meta,
      now,
    });
  }
}
