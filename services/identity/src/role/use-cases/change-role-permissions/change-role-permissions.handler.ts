import { Injectable } from '@nestjs/common';
import type { Principal } from '@foresight/contracts';
import { AccessDirectory } from '../../../access/access-directory';
import type { CommandMeta } from '../../../shared/event-sourcing/command-meta';
import { RoleChanges } from '../role-changes';
import { RoleContext } from '../role-context';
import { RoleView } from '../role.view';

/** Holders' tokens are re-checked and their keys restricted within a second (role_changed). */
@Injectable()
export class ChangeRolePermissionsHandler {
  constructor(
    private readonly changes: RoleChanges,
    private readonly directory: AccessDirectory,
    private readonly context: RoleContext,
  ) {}

  async execute(
    principal: Principal,
    roleId: string,
    permissions: string[],
    meta: CommandMeta,
    now = new Date(),
  ): Promise<RoleView> {
    const definerPermissions = await this.directory.currentPermissions(principal);
    await this.changes.apply(
      principal,
      roleId,
      { type: 'ChangeRolePermissions', data: { permissions, definerPermissions, now } },
      meta,
    );
    return this.context.view(principal.tenantId, roleId);
  }
}
