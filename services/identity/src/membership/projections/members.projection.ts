import { assertNever } from '@foresight/domain';
import { defineProjection } from '@foresight/projections';
import type { AsProjectionEvent } from '../../shared/read-models/projection-event';
import { MEMBERSHIP_EVENT_TYPES, MembershipEvent } from '../domain/membership.events';

export interface MemberDoc {
  userId: string;
  email: string;
  status: 'invited' | 'active' | 'removed';
  roleIds: string[];
  invitedBy: string;
  invitedAt: string;
  invitationExpiresAt: string | null;
  joinedAt: string | null;
  removedAt: string | null;
  updatedAt: string;
}

type E = AsProjectionEvent<MembershipEvent>;

export const membersProjection = defineProjection<MemberDoc, E>({
  name: 'identity-members',
  version: 1,
  collectionBase: 'identity_members',
  handles: MEMBERSHIP_EVENT_TYPES,
  // One document per (tenant, user): a user in several tenants is one member document in each.
  id: (event) => `${event.data.tenantId}:${event.data.userId}`,
  evolve(doc, event) {
    const updatedAt = event.occurredAt.toISOString();
    switch (event.type) {
      case 'MemberInvited': {
        const { userId, email, roleIds, invitedBy, invitedAt, expiresAt } = event.data;
        return {
          userId,
          email,
          status: 'invited',
          roleIds,
          invitedBy,
          invitedAt,
          invitationExpiresAt: expiresAt,
          joinedAt: null,
          removedAt: null,
          updatedAt,
        };
      }
      case 'InvitationAccepted':
        return (
          doc && {
            ...doc,
            status: 'active',
            joinedAt: event.data.acceptedAt,
            invitationExpiresAt: null,
            updatedAt,
          }
        );
      case 'MemberRoleAssigned':
        return doc && { ...doc, roleIds: [...new Set([...doc.roleIds, event.data.roleId])], updatedAt };
      case 'MemberRoleUnassigned':
        return doc && { ...doc, roleIds: doc.roleIds.filter((id) => id !== event.data.roleId), updatedAt };
      case 'MemberRemoved':
        return doc && { ...doc, status: 'removed', roleIds: [], removedAt: event.data.removedAt, updatedAt };
      default:
        return assertNever(event, 'membership event');
    }
  },
  indexes: [
    {
      fields: { tenantId: 1, status: 1 },
      why: 'seats taken in a tenant (invited + active), and member lists by status',
    },
    { fields: { tenantId: 1, email: 1 }, why: 'find a member of a tenant by email' },
  ],
});
