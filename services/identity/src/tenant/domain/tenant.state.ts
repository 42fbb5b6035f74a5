import type { Tier } from '@foresight/contracts';

export type TenantStatus = 'active' | 'suspended' | 'archived';

export type Tenant =
  | { status: 'none' }
  | {
      status: TenantStatus;
      tenantId: string;
      slug: string;
      displayName: string;
      domain: string;
      region: string;
      tier: Tier;
    };

export type ExistingTenant = Exclude<Tenant, { status: 'none' }>;
