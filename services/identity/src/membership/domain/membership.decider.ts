import { assertNever, Decider } from '@foresight/domain';
import { missingPermissions, RoleGrant, roleAllowed } from '../../shared/domain/access-policy';
import { identityError } from '../../shared/domain/identity.errors';
import { constantTimeEqual } from '../../shared/domain/constant-time';
import { MembershipCommand } from './membership.commands';
import { MembershipEvent } from './membership.events';
import { CurrentMembership, Membership } from './membership.state';

function current(state: Membership): CurrentMembership {
  if (state.status !== 'invited' && state.status !== 'active')
    throw identityError('MEMBER_NOT_FOUND', 'No such member in this tenant');
  return state;
}

function refuseDisallowed(allowedRoles: readonly string[], names: readonly string[]): void {
  const refused = names.filter((name) => !roleAllowed(allowedRoles, name));
  if (refused.length)
    throw identityError(
      'ROLE_NOT_ALLOWED',
      `The tenant's tier does not allow the role(s) ${refused.join(', ')}`,
      {
        roles: refused,
      },
    );
}

function refuseBeyondGranter(roles: readonly RoleGrant[], granterPermissions: readonly string[]): void {
  const missing = missingPermissions(
    roles.flatMap((r) => r.permissions),
    granterPermissions,
  );
  if (missing.length)
    throw identityError(
      'GRANT_EXCEEDS_GRANTER',
      'You cannot grant or take away a role stronger than your own',
      {
        roles: roles.map((r) => r.name),
        missingPermissions: missing,
      },
    );
}

export const membershipDecider: Decider<Membership, MembershipCommand, MembershipEvent> = {
  initialState: () => ({ status: 'none' }),

  decide(command, state) {
    switch (command.type) {
      case 'InviteMember': {
        const d = command.data;
        if (state.status === 'active')
          throw identityError('ALREADY_MEMBER', 'This user is already a member of the tenant');
        refuseDisallowed(
          d.allowedRoles,
          d.roles.map((r) => r.name),
        );
        refuseBeyondGranter(d.roles, d.granterPermissions);
        // A re-invitation replaces the pending one and takes no extra seat.
        if (state.status !== 'invited' && d.memberCount >= d.maxUsers)
          throw identityError('TIER_LIMIT', `The tenant's tier allows at most ${d.maxUsers} members`, {
            limit: 'maxUsers',
            max: d.maxUsers,
            current: d.memberCount,
          });
        return {
          type: 'MemberInvited',
          data: {
            tenantId: d.tenantId,
            userId: d.userId,
            email: d.email,
            roleIds: [...new Set(d.roles.map((r) => r.id))],
            invitedBy: d.invitedBy,
            invitedAt: d.now.toISOString(),
            expiresAt: d.expiresAt.toISOString(),
            invitationHash: d.invitationHash,
          },
        };
      }
      case 'AcceptInvitation': {
        if (
          state.status !== 'invited' ||
          !constantTimeEqual(state.invitationHash, command.data.invitationHash)
        )
          throw identityError('INVITATION_INVALID', 'This invitation is not valid');
        if (Date.parse(state.expiresAt) <= command.data.now.getTime())
          throw identityError('INVITATION_EXPIRED', 'This invitation has expired; ask for a new one');
        return {
          type: 'InvitationAccepted',
          data: {
            tenantId: state.tenantId,
            userId: state.userId,
            acceptedAt: command.data.now.toISOString(),
          },
        };
      }
      case 'AssignRole': {
        const member = current(state);
        const { role, allowedRoles, granterPermissions, now } = command.data;
        refuseDisallowed(allowedRoles, [role.name]);
        refuseBeyondGranter([role], granterPermissions);
        if (member.roleIds.includes(role.id)) return [];
        return {
          type: 'MemberRoleAssigned',
          data: {
            tenantId: member.tenantId,
            userId: member.userId,
            roleId: role.id,
            assignedAt: now.toISOString(),
          },
        };
      }
      case 'UnassignRole': {
        const member = current(state);
        const { role, granterPermissions } = command.data;
        if (!member.roleIds.includes(role.id)) return [];
        refuseBeyondGranter([role], granterPermissions);
        return {
          type: 'MemberRoleUnassigned',
          data: {
            tenantId: member.tenantId,
            userId: member.userId,
            roleId: role.id,
            unassignedAt: command.data.now.toISOString(),
          },
        };
      }
      case 'RemoveMember': {
        if (state.status === 'removed') return [];
        const member = current(state);
        return {
          type: 'MemberRemoved',
          data: {
            tenantId: member.tenantId,
            userId: member.userId,
            removedAt: command.data.now.toISOString(),
          },
        };
      }
      default:
        return assertNever(command, 'membership command');
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'MemberInvited': {
        const { tenantId, userId, email, roleIds, invitationHash, expiresAt } = event.data;
        return { status: 'invited', tenantId, userId, email, roleIds, invitationHash, expiresAt };
      }
      case 'InvitationAccepted': {
        const { tenantId, userId, email, roleIds } = current(state);
        return { status: 'active', tenantId, userId, email, roleIds };
      }
      case 'MemberRoleAssigned': {
        const member = current(state);
        return { ...member, roleIds: [...member.roleIds, event.data.roleId] };
      }
      case 'MemberRoleUnassigned': {
        const member = current(state);
        return { ...member, roleIds: member.roleIds.filter((id) => id !== event.data.roleId) };
      }
      case 'MemberRemoved': {
        const { tenantId, userId, email } = current(state);
        return { status: 'removed', tenantId, userId, email };
      }
      default:
        return assertNever(event, 'membership event');
    }
  },
};
