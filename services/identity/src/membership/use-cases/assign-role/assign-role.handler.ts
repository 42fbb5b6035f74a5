import { Injectable } from '@nestjs/common';
import type { Principal } from '@foresight/contracts';
import type { CommandMeta } from '../../../shared/event-sourcing/command-meta';
import { ListMembersHandler } from '../list-members/list-members.handler';
import { MemberView } from '../member.view';
import { MemberChanges } from '../member-changes';

@Injectable()
export class AssignRoleHandler {
  constructor(
    private readonly changes: MemberChanges,
    private readonly members: ListMembersHandler,
  ) {}

  async execute(
    principal: Principal,
    userId: string,
    roleName: string,
    meta: CommandMeta,
    now = new Date(),
  ): Promise<MemberView> {
    const { policy, granterPermissions, role } = await this.changes.context(principal, roleName);
    await this.changes.apply(
      principal,
      userId,
      {
        type: 'AssignRole',
        data: { role: role!, granterPermissions, allowedRoles: policy.allowedRoles, now },
      },
      meta,
    );
    return this.members.one(principal.tenantId, userId);
  }
}
