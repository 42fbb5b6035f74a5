import type { Tier } from '@foresight/contracts';
import type { Command } from '@foresight/domain';

export type CreateTenant = Command<
  'CreateTenant',
  {
    tenantId: string;
    slug: string;
    displayName: string;
    domain: string;
    region: string;
    tier: Tier;
    now: Date;
  }
>;
export type ChangeTenantTier = Command<'ChangeTenantTier', { tier: Tier; now: Date }>;
export type SuspendTenant = Command<'SuspendTenant', { reason: string; now: Date }>;
export type ReactivateTenant = Command<'ReactivateTenant', { now: Date }>;
export type ArchiveTenant = Command<'ArchiveTenant', { now: Date }>;

export type TenantCommand =
  CreateTenant | ChangeTenantTier | SuspendTenant | ReactivateTenant | ArchiveTenant;
