import { DomainError } from '@foresight/domain';
import { DeciderSpecification } from '@foresight/testing';
import { InviteMember } from './membership.commands';
import { membershipDecider } from './membership.decider';
import { MemberInvited } from './membership.events';

const spec = DeciderSpecification.for(membershipDecider);
const now = new Date('2026-03-01T10:00:00Z');
const later = new Date('2026-03-09T10:00:00Z');
const code = (c: string) => (e: DomainError) => e.code === c;
const ids = { tenantId: 't-1', userId: 'u-1' };
const admin = { id: 'r-admin', name: 'admin', permissions: ['members:manage', 'keys:manage'] };
const analyst = { id: 'r-analyst', name: 'analyst', permissions: ['reports:read'] };
const member = { id: 'r-member', name: 'member', permissions: ['reports:read'] };
const owner = {
  id: 'r-owner',
  name: 'owner',
  permissions: ['members:manage', 'keys:manage', 'tenants:manage'],
};
const granterPermissions = ['members:manage', 'keys:manage', 'reports:read'];

const invite = (over: Partial<InviteMember['data']> = {}): InviteMember => ({
  type: 'InviteMember',
  data: {
    ...ids,
    email: 'ann@acme.com',
    roles: [admin],
    invitedBy: 'u-owner',
    granterPermissions,
    invitationHash: 'hash-1',
    expiresAt: new Date('2026-03-08T10:00:00Z'),
    allowedRoles: ['owner', 'admin', 'member'],
    maxUsers: 5,
    memberCount: 1,
    now,
    ...over,
  },
});
const invited: MemberInvited = {
  type: 'MemberInvited',
  data: {
    ...ids,
    email: 'ann@acme.com',
    roleIds: ['r-admin'],
    invitedBy: 'u-owner',
    invitedAt: now.toISOString(),
    expiresAt: '2026-03-08T10:00:00.000Z',
    invitationHash: 'hash-1',
  },
};
const accepted = { type: 'InvitationAccepted' as const, data: { ...ids, acceptedAt: now.toISOString() } };

describe('membership decider', () => {
  describe('not a member', () => {
    it('invites with the given roles', () => spec.given([]).when(invite()).then(invited));

    it("refuses a role the tenant's tier does not allow", () =>
      spec
        .given([])
        .when(invite({ roles: [analyst] }))
        .thenThrows(
          DomainError,
          (e) => e.code === 'IDENTITY.ROLE_NOT_ALLOWED' && String(e.details?.['roles']) === 'analyst',
        ));

    it('refuses to hand out a role stronger than the inviter', () =>
      spec
        .given([])
        .when(invite({ roles: [owner] }))
        .thenThrows(
          DomainError,
          (e) =>
            e.code === 'IDENTITY.GRANT_EXCEEDS_GRANTER' &&
            String(e.details?.['missingPermissions']) === 'tenants:manage',
        ));

    it('refuses once the tier has no seat left', () =>
      spec
        .given([])
        .when(invite({ memberCount: 5 }))
        .thenThrows(DomainError, (e) => e.code === 'IDENTITY.TIER_LIMIT' && e.kind === 'limit'));
  });

  describe('invited', () => {
    it('accepts with the right invitation before it expires', () =>
      spec
        .given(invited)
        .when({ type: 'AcceptInvitation', data: { invitationHash: 'hash-1', now } })
        .then(accepted));

    it('refuses a wrong invitation, and an expired one', () => {
      spec
        .given(invited)
        .when({ type: 'AcceptInvitation', data: { invitationHash: 'hash-2', now } })
        .thenThrows(DomainError, code('IDENTITY.INVITATION_INVALID'));
      spec
        .given(invited)
        .when({ type: 'AcceptInvitation', data: { invitationHash: 'hash-1', now: later } })
        .thenThrows(DomainError, code('IDENTITY.INVITATION_EXPIRED'));
    });

    it('re-inviting replaces the invitation without taking another seat', () =>
      spec
        .given(invited)
        .when(invite({ memberCount: 5, invitationHash: 'hash-2' }))
        .then({ ...invited, data: { ...invited.data, invitationHash: 'hash-2' } }));
  });

  describe('active', () => {
    it('cannot be invited again', () =>
      spec
        .given([invited, accepted])
        .when(invite())
        .thenThrows(DomainError, code('IDENTITY.ALREADY_MEMBER')));

    it('an invitation cannot be used twice', () =>
      spec
        .given([invited, accepted])
        .when({ type: 'AcceptInvitation', data: { invitationHash: 'hash-1', now } })
        .thenThrows(DomainError, code('IDENTITY.INVITATION_INVALID')));

    it('assigns an allowed role once, and refuses a disallowed one', () => {
      const allowedRoles = ['owner', 'admin', 'member'];
      spec
        .given([invited, accepted])
        .when({ type: 'AssignRole', data: { role: member, granterPermissions, allowedRoles, now } })
        .then({
          type: 'MemberRoleAssigned',
          data: { ...ids, roleId: 'r-member', assignedAt: now.toISOString() },
        });
      spec
        .given([invited, accepted])
        .when({ type: 'AssignRole', data: { role: admin, granterPermissions, allowedRoles, now } })
        .thenNothingHappened();
      spec
        .given([invited, accepted])
        .when({ type: 'AssignRole', data: { role: analyst, granterPermissions, allowedRoles, now } })
        .thenThrows(DomainError, code('IDENTITY.ROLE_NOT_ALLOWED'));
    });

    it('unassigns a held role; unassigning one not held is no event', () => {
      spec
        .given([invited, accepted])
        .when({ type: 'UnassignRole', data: { role: admin, granterPermissions, now } })
        .then({
          type: 'MemberRoleUnassigned',
          data: { ...ids, roleId: 'r-admin', unassignedAt: now.toISOString() },
        });
      spec
        .given([invited, accepted])
        .when({ type: 'UnassignRole', data: { role: member, granterPermissions, now } })
        .thenNothingHappened();
      spec
        .given([{ ...invited, data: { ...invited.data, roleIds: ['r-owner'] } }, accepted])
        .when({ type: 'UnassignRole', data: { role: owner, granterPermissions, now } })
        .thenThrows(DomainError, code('IDENTITY.GRANT_EXCEEDS_GRANTER'));
    });
  });

  describe('removed', () => {
    const removed = { type: 'MemberRemoved' as const, data: { ...ids, removedAt: now.toISOString() } };
    it('can be invited again, taking a seat', () => {
      spec
        .given([invited, accepted, removed])
        .when(invite({ memberCount: 5 }))
        .thenThrows(DomainError, code('IDENTITY.TIER_LIMIT'));
      spec.given([invited, accepted, removed]).when(invite()).then(invited);
    });

    it('has no roles to change', () =>
      spec
        .given([invited, accepted, removed])
        .when({ type: 'UnassignRole', data: { role: admin, granterPermissions, now } })
        .thenThrows(DomainError, code('IDENTITY.MEMBER_NOT_FOUND')));
  });
});
