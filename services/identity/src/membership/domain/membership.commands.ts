import type { Command } from '@foresight/domain';
import type { RoleGrant } from '../../shared/domain/access-policy';

export type InviteMember = Command<
  'InviteMember',
  {
    tenantId: string;
    userId: string;
    email: string;
    roles: readonly RoleGrant[];
    invitedBy: string;
    /** What the inviter holds: nobody hands out more than they have. */
    granterPermissions: readonly string[];
    invitationHash: string;
    expiresAt: Date;
    allowedRoles: readonly string[];
    maxUsers: number;
    /** Members (invited or active) the tenant has now, this one excluded. */
    memberCount: number;
    now: Date;
  }
>;
export type AcceptInvitation = Command<'AcceptInvitation', { invitationHash: string; now: Date }>;
export type AssignRole = Command<
  'AssignRole',
  { role: RoleGrant; granterPermissions: readonly string[]; allowedRoles: readonly string[]; now: Date }
>;
/** Taking a role away needs as much as handing it out, or an admin could strip the owners. */
export type UnassignRole = Command<
  'UnassignRole',
  { role: RoleGrant; granterPermissions: readonly string[]; now: Date }
>;
export type RemoveMember = Command<'RemoveMember', { now: Date }>;

export type MembershipCommand = InviteMember | AcceptInvitation | AssignRole | UnassignRole | RemoveMember;
