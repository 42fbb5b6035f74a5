import { assertNever, Decider } from '@foresight/domain';
import { isBuiltInRole, missingPermissions, roleAllowed } from '../../shared/domain/access-policy';
import { identityError } from '../../shared/domain/identity.errors';
import { RoleCommand } from './role.commands';
import { RoleEvent } from './role.events';
import { ExistingRole, Role } from './role.state';

function activeRole(state: Role): ExistingRole {
  if (state.status !== 'active') throw identityError('ROLE_NOT_FOUND', 'No such role');
  return state;
}

function sorted(permissions: readonly string[]): string[] {
  return [...new Set(permissions)].sort();
}

function refuseBeyondDefiner(permissions: readonly string[], definerPermissions: readonly string[]): void {
  const missing = missingPermissions(permissions, definerPermissions);
  if (missing.length)
    throw identityError('GRANT_EXCEEDS_GRANTER', 'A role cannot grant permissions its author does not hold', {
      missingPermissions: missing,
    });
}

export const roleDecider: Decider<Role, RoleCommand, RoleEvent> = {
  initialState: () => ({ status: 'none' }),

  decide(command, state) {
    switch (command.type) {
      case 'DefineRole': {
        const { tenantId, roleId, name, permissions, allowedRoles, definerPermissions, now } = command.data;
        // Archived names stay taken: the role id is derived from the name, and old events refer to it.
        if (state.status !== 'none' || isBuiltInRole(name))
          throw identityError('ROLE_EXISTS', `A role named ${name} already exists in this tenant`, {
            role: name,
          });
        if (!roleAllowed(allowedRoles, name))
          throw identityError('ROLE_NOT_ALLOWED', `The tenant's tier does not allow custom roles`, {
            role: name,
          });
        refuseBeyondDefiner(permissions, definerPermissions);
        return {
          type: 'RoleDefined',
          data: { tenantId, roleId, name, permissions: sorted(permissions), definedAt: now.toISOString() },
        };
      }
      case 'ChangeRolePermissions': {
        const role = activeRole(state);
        const permissions = sorted(command.data.permissions);
        refuseBeyondDefiner(permissions, command.data.definerPermissions);
        if (permissions.join() === role.permissions.join()) return [];
        return {
          type: 'RolePermissionsChanged',
          data: {
            tenantId: role.tenantId,
            roleId: role.roleId,
            permissions,
            previous: role.permissions,
            changedAt: command.data.now.toISOString(),
          },
        };
      }
      case 'ArchiveRole': {
        if (state.status === 'archived') return [];
        const role = activeRole(state);
        return {
          type: 'RoleArchived',
          data: { tenantId: role.tenantId, roleId: role.roleId, archivedAt: command.data.now.toISOString() },
        };
      }
      default:
        return assertNever(command, 'role command');
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'RoleDefined': {
        const { definedAt: _at, ...role } = event.data;
        return { status: 'active', ...role };
      }
      case 'RolePermissionsChanged':
        return { ...activeRole(state), permissions: event.data.permissions };
      case 'RoleArchived':
        return { ...activeRole(state), status: 'archived' };
      default:
        return assertNever(event, 'role event');
    }
  },
};
