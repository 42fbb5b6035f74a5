import { Injectable } from '@nestjs/common';
import type { Principal } from '@foresight/contracts';
import { builtInRolesOf } from '../../shared/domain/built-in-roles';
import { identityError } from '../../shared/domain/identity.errors';
import { streams } from '../../shared/domain/ids';
import type { CommandMeta } from '../../shared/event-sourcing/command-meta';
import { Streams } from '../../shared/event-sourcing/streams';
import { RoleCommand } from '../domain/role.commands';
import { roleDecider } from '../domain/role.decider';

/** Applies a command to one of the caller's tenant's custom roles (built-ins have no stream to change). */
@Injectable()
export class RoleChanges {
  constructor(private readonly eventStreams: Streams) {}

  async apply(principal: Principal, roleId: string, command: RoleCommand, meta: CommandMeta): Promise<void> {
    const builtIn = builtInRolesOf(principal.tenantId).get(roleId);
    if (builtIn)
      throw identityError('BUILT_IN_ROLE', `The built-in role ${builtIn.name} cannot be changed`, {
        role: builtIn.name,
      });
    const stream = streams.role(roleId);
    const { state } = await this.eventStreams.load(stream, roleDecider);
    // Another tenant's role answers exactly like a missing one.
    if (state.status === 'none' || state.tenantId !== principal.tenantId)
      throw identityError('ROLE_NOT_FOUND', 'No such role');
    await this.eventStreams.decide(stream, roleDecider, command, principal.tenantId, meta);
  }
}
