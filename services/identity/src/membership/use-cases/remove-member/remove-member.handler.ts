import { Injectable } from '@nestjs/common';
import type { Principal } from '@foresight/contracts';
import { AccessDirectory } from '../../../access/access-directory';
import { identityError } from '../../../shared/domain/identity.errors';
import type { CommandMeta } from '../../../shared/event-sourcing/command-meta';
import { missingPermissions } from '../../../shared/domain/access-policy';
import { ListMembersHandler } from '../list-members/list-members.handler';
import { MemberView } from '../member.view';
import { MemberChanges } from '../member-changes';

/** Removing someone takes all their roles away, so it needs as much as taking each away would. */
@Injectable()
export class RemoveMemberHandler {
  constructor(
    private readonly changes: MemberChanges,
    private readonly directory: AccessDirectory,
    private readonly members: ListMembersHandler,
  ) {}

  async execute(
    principal: Principal,
    userId: string,
    meta: CommandMeta,
    now = new Date(),
  ): Promise<MemberView> {
    const { granterPermissions } = await this.changes.context(principal);
    const theirs = await this.directory.currentPermissions({
      kind: 'user',
      id: userId,
      tenantId: principal.tenantId,
    });
    const missing = missingPermissions(theirs, granterPermissions);
    if (missing.length)
      throw identityError('GRANT_EXCEEDS_GRANTER', 'You cannot remove a member who holds more than you', {
        missingPermissions: missing,
      });
    await this.changes.apply(principal, userId, { type: 'RemoveMember', data: { now } }, meta);
    return this.members.one(principal.tenantId, userId);
  }
}
