import type { Tier } from '@foresight/contracts';
import { assertNever } from '@foresight/domain';
import { defineProjection } from '@foresight/projections';
import type { AsProjectionEvent } from '../../shared/read-models/projection-event';
import { TENANT_EVENT_TYPES, TenantEvent } from '../domain/tenant.events';
import type { TenantStatus } from '../domain/tenant.state';

export interface TenantDoc {
  tenantId: string;
  slug: string;
  displayName: string;
  domain: string;
  region: string;
  tier: Tier;
  status: TenantStatus;
  suspendedReason: string | null;
  createdAt: string;
  updatedAt: string;
}

type E = AsProjectionEvent<TenantEvent>;

export const tenantsProjection = defineProjection<TenantDoc, E>({
  name: 'identity-tenants',
  version: 1,
  collectionBase: 'identity_tenants',
  handles: TENANT_EVENT_TYPES,
  id: (event) => event.data.tenantId,
  evolve(doc, event) {
    const updatedAt = event.occurredAt.toISOString();
    switch (event.type) {
      case 'TenantCreated': {
        const { createdAt, ...tenant } = event.data;
        return { ...tenant, status: 'active', suspendedReason: null, createdAt, updatedAt };
      }
      case 'TenantTierChanged':
        return doc && { ...doc, tier: event.data.to, updatedAt };
      case 'TenantSuspended':
        return doc && { ...doc, status: 'suspended', suspendedReason: event.data.reason, updatedAt };
      case 'TenantReactivated':
        return doc && { ...doc, status: 'active', suspendedReason: null, updatedAt };
      case 'TenantArchived':
        return doc && { ...doc, status: 'archived', updatedAt };
      default:
        return assertNever(event, 'tenant event');
    }
  },
  indexes: [
    { fields: { slug: 1 }, why: 'the platform operator finds a tenant by slug' },
    { fields: { createdAt: -1 }, why: 'the platform operator lists tenants newest first' },
  ],
});
