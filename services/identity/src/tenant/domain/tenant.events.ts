import type { Tier } from '@foresight/contracts';
import type { Event } from '@foresight/domain';

export type TenantCreated = Event<
  'TenantCreated',
  {
    tenantId: string;
    slug: string;
    displayName: string;
    domain: string;
    region: string;
    tier: Tier;
    createdAt: string;
  }
>;
export type TenantTierChanged = Event<
  'TenantTierChanged',
  { tenantId: string; from: Tier; to: Tier; changedAt: string }
>;
export type TenantSuspended = Event<
  'TenantSuspended',
  { tenantId: string; reason: string; suspendedAt: string }
>;
export type TenantReactivated = Event<'TenantReactivated', { tenantId: string; reactivatedAt: string }>;
export type TenantArchived = Event<'TenantArchived', { tenantId: string; archivedAt: string }>;

export type TenantEvent =
  TenantCreated | TenantTierChanged | TenantSuspended | TenantReactivated | TenantArchived;

export const TENANT_EVENT_TYPES = [
  'TenantCreated',
  'TenantTierChanged',
  'TenantSuspended',
  'TenantReactivated',
  'TenantArchived',
] as const satisfies readonly TenantEvent['type'][];
