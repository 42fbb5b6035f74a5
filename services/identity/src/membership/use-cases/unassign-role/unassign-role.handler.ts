import { Injectable } from '@nestjs/common';
import type { Principal } from '@foresight/contracts';
import type { CommandMeta } from '../../../shared/event-sourcing/command-meta';
import { ListMembersHandler } from '../list-members/list-members.handler';
import { MemberView } from '../member.view';
import { MemberChanges } from '../member-changes';

/** The member's API keys lose what the member no longer covers (see restrict-keys-when-owner-access-changes). */
@Injectable()
export class UnassignRoleHandler {
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
    const { granterPermissions, role } = await this.changes.context(principal, roleName);
    await this.changes.apply(
      principal,
      userId,
      { type: 'UnassignRole', data: { role: role!, granterPermissions, now } },
      meta,
    );
    return this.members.one(principal.tenantId, userId);
  }
}
