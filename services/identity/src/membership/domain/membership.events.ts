import type { Event } from '@foresight/domain';

export type MemberInvited = Event<
  'MemberInvited',
  {
    tenantId: string;
    userId: string;
    email: string;
    roleIds: string[];
    invitedBy: string;
    invitedAt: string;
    expiresAt: string;
    /** SHA-256 of the invitation secret; the secret itself is only ever in the invitation. */
    invitationHash: string;
  }
>;
export type InvitationAccepted = Event<
  'InvitationAccepted',
  { tenantId: string; userId: string; acceptedAt: string }
>;
export type MemberRoleAssigned = Event<
  'MemberRoleAssigned',
  { tenantId: string; userId: string; roleId: string; assignedAt: string }
>;
export type MemberRoleUnassigned = Event<
  'MemberRoleUnassigned',
  { tenantId: string; userId: string; roleId: string; unassignedAt: string }
>;
export type MemberRemoved = Event<'MemberRemoved', { tenantId: string; userId: string; removedAt: string }>;

export type MembershipEvent =
  MemberInvited | InvitationAccepted | MemberRoleAssigned | MemberRoleUnassigned | MemberRemoved;

export const MEMBERSHIP_EVENT_TYPES = [
  'MemberInvited',
  'InvitationAccepted',
  'MemberRoleAssigned',
  'MemberRoleUnassigned',
  'MemberRemoved',
] as const satisfies readonly MembershipEvent['type'][];
