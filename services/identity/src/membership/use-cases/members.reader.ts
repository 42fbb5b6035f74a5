import { Injectable } from '@nestjs/common';
import { AccessDirectory } from '../../access/access-directory';
import type { MemberDoc } from '../projections/members.projection';
import { MemberView } from './member.view';

/** Member documents with role ids turned into names (archived roles drop out). */
@Injectable()
export class MembersReader {
  constructor(private readonly directory: AccessDirectory) {}

  async view(tenantId: string, doc: MemberDoc): Promise<MemberView> {
    const roles = await this.directory.resolveRoles(tenantId, doc.roleIds);
    return {
      userId: doc.userId,
      email: doc.email,
      status: doc.status,
      roles: roles.names,
      invitedBy: doc.invitedBy,
      invitedAt: doc.invitedAt,
      invitationExpiresAt: doc.invitationExpiresAt,
      joinedAt: doc.joinedAt,
      removedAt: doc.removedAt,
    };
  }
}
