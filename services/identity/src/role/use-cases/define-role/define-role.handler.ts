import { Injectable } from '@nestjs/common';
import type { Principal } from '@foresight/contracts';
import { AccessDirectory } from '../../../access/access-directory';
import { roleIdFor, streams } from '../../../shared/domain/ids';
import type { CommandMeta } from '../../../shared/event-sourcing/command-meta';
import { Streams } from '../../../shared/event-sourcing/streams';
import { roleDecider } from '../../domain/role.decider';
import { RoleContext } from '../role-context';
import { RoleView } from '../role.view';

@Injectable()
export class DefineRoleHandler {
  constructor(
    private readonly eventStreams: Streams,
    private readonly directory: AccessDirectory,
    private readonly context: RoleContext,
  ) {}

  async execute(
    principal: Principal,
    name: string,
    permissions: string[],
    meta: CommandMeta,
    now = new Date(),
  ): Promise<RoleView> {
    const roleId = roleIdFor(principal.tenantId, name);
    const [allowedRoles, definerPermissions] = await Promise.all([
      this.context.allowedRoles(principal.tenantId),
      this.directory.currentPermissions(principal),
    ]);
    await this.eventStreams.decide(
      streams.role(roleId),
      roleDecider,
      {
        type: 'DefineRole',
        data: {
          tenantId: principal.tenantId,
          roleId,
          name,
          permissions,
          allowedRoles,
          definerPermissions,
          now,
        },
      },
      principal.tenantId,
      meta,
    );
    return this.context.view(principal.tenantId, roleId);
  }
}
