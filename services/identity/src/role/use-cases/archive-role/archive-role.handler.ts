import { Injectable } from '@nestjs/common';
import type { Principal } from '@foresight/contracts';
import type { CommandMeta } from '../../../shared/event-sourcing/command-meta';
import { RoleChanges } from '../role-changes';
import { RoleContext } from '../role-context';
import { RoleView } from '../role.view';

/** An archived role grants nothing from then on; its name stays taken (the id derives from it). */
@Injectable()
export class ArchiveRoleHandler {
  constructor(
    private readonly changes: RoleChanges,
    private readonly context: RoleContext,
  ) {}

  async execute(
    principal: Principal,
    roleId: string,
    meta: CommandMeta,
    now = new Date(),
  ): Promise<RoleView> {
    await this.changes.apply(principal, roleId, { type: 'ArchiveRole', data: { now } }, meta);
    return this.context.view(principal.tenantId, roleId);
  }
}
