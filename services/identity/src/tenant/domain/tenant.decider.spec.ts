import { DomainError } from '@foresight/domain';
import { DeciderSpecification } from '@foresight/testing';
import { tenantDecider } from './tenant.decider';
import { TenantCreated, TenantSuspended } from './tenant.events';

const spec = DeciderSpecification.for(tenantDecider);
const now = new Date('2026-03-01T10:00:00Z');
const tenantId = '5b0d3a8e-0d7e-5c1a-9a44-2f8e7c1d0b11';
const created: TenantCreated = {
  type: 'TenantCreated',
  data: {
    tenantId,
    slug: 'acme',
    displayName: 'Acme',
    domain: 'acme.com',
    region: 'eu',
    tier: 'free',
    createdAt: '2026-02-01T00:00:00.000Z',
  },
};
const suspended: TenantSuspended = {
  type: 'TenantSuspended',
  data: { tenantId, reason: 'unpaid', suspendedAt: '2026-02-10T00:00:00.000Z' },
};
const code = (c: string) => (e: DomainError) => e.code === c;

describe('tenant decider', () => {
  describe('no tenant yet', () => {
    it('creates the tenant, active, in its tier', () =>
      spec
        .given([])
        .when({
          type: 'CreateTenant',
          data: {
            tenantId,
            slug: 'acme',
            displayName: 'Acme',
            domain: 'acme.com',
            region: 'eu',
            tier: 'free',
            now,
          },
        })
        .then({ ...created, data: { ...created.data, createdAt: now.toISOString() } }));

    it('refuses to suspend a tenant that does not exist', () =>
      spec
        .given([])
        .when({ type: 'SuspendTenant', data: { reason: 'x', now } })
        .thenThrows(DomainError, code('IDENTITY.TENANT_NOT_FOUND')));
  });

  describe('active', () => {
    it('refuses a second tenant with the same slug', () =>
      spec
        .given(created)
        .when({
          type: 'CreateTenant',
          data: {
            tenantId,
            slug: 'acme',
            displayName: 'Other',
            domain: 'x.com',
            region: 'eu',
            tier: 'pro',
            now,
          },
        })
        .thenThrows(DomainError, code('IDENTITY.TENANT_EXISTS')));

    it('suspends with the reason', () =>
      spec
        .given(created)
        .when({ type: 'SuspendTenant', data: { reason: 'unpaid', now } })
        .then({
          type: 'TenantSuspended',
          data: { tenantId, reason: 'unpaid', suspendedAt: now.toISOString() },
        }));

    it('changes tier, and a change to the same tier is no event', () => {
      spec
        .given(created)
        .when({ type: 'ChangeTenantTier', data: { tier: 'pro', now } })
        .then({
          type: 'TenantTierChanged',
          data: { tenantId, from: 'free', to: 'pro', changedAt: now.toISOString() },
        });
      spec
        .given(created)
        .when({ type: 'ChangeTenantTier', data: { tier: 'free', now } })
        .thenNothingHappened();
    });
  });

  describe('suspended', () => {
    it('reactivates', () =>
      spec
        .given([created, suspended])
        .when({ type: 'ReactivateTenant', data: { now } })
        .then({ type: 'TenantReactivated', data: { tenantId, reactivatedAt: now.toISOString() } }));

    it('suspending again changes nothing', () =>
      spec
        .given([created, suspended])
        .when({ type: 'SuspendTenant', data: { reason: 'again', now } })
        .thenNothingHappened());
  });

  describe('archived', () => {
    const archived = { type: 'TenantArchived' as const, data: { tenantId, archivedAt: now.toISOString() } };
    it('cannot come back', () =>
      spec
        .given([created, archived])
        .when({ type: 'ReactivateTenant', data: { now } })
        .thenThrows(DomainError, code('IDENTITY.INVALID_TRANSITION')));
  });
});
