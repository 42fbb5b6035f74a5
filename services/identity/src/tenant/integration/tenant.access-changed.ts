import type { RecordedEvent } from '@foresight/eventstore';
import type { AccessChange } from '../../shared/integration/access-changed.routes';
import type { TenantEvent } from '../domain/tenant.events';

/** Status and tier (which sets the rate limit) both change what a tenant's principals may do. */
export function accessChangeOfTenant(event: RecordedEvent): AccessChange | undefined {
  const e = { type: event.type, data: event.data } as TenantEvent;
  switch (e.type) {
    case 'TenantSuspended':
    case 'TenantReactivated':
    case 'TenantArchived':
    case 'TenantTierChanged':
      return { kind: 'tenant_status_changed', tenantId: e.data.tenantId, subjectId: e.data.tenantId };
    default:
      return undefined;
  }
}
