import { AccessChanged, AccessChangedPayload, Topics } from '@foresight/contracts';
import type { RecordedEvent } from '@foresight/eventstore';
import type { Route } from '@foresight/messaging';
import { accessChangeOfApiKey } from '../../api-key/integration/api-key.access-changed';
import { accessChangeOfMembership } from '../../membership/integration/membership.access-changed';
import { accessChangeOfRole } from '../../role/integration/role.access-changed';
import { accessChangeOfSession } from '../../session/integration/session.access-changed';
import { accessChangeOfTenant } from '../../tenant/integration/tenant.access-changed';

export type AccessChange = Omit<AccessChangedPayload, 'changedAt'>;

const translators: ((event: RecordedEvent) => AccessChange | undefined)[] = [
  accessChangeOfApiKey,
  accessChangeOfMembership,
  accessChangeOfRole,
  accessChangeOfSession,
  accessChangeOfTenant,
];

/** Every domain event that can translate into an AccessChanged (the relay reads only these). */
export const ACCESS_CHANGING_EVENT_TYPES = [
  'ApiKeyRevoked',
  'ApiKeyRotated',
  'ApiKeyRolesRestricted',
  'MemberRoleAssigned',
  'MemberRoleUnassigned',
  'MemberRemoved',
  'RolePermissionsChanged',
  'RoleArchived',
  'SessionRevoked',
  'TenantSuspended',
  'TenantReactivated',
  'TenantArchived',
  'TenantTierChanged',
] as const;

/**
 * The relay's route function: identity publishes integration events only. A domain event that
 * changes someone's access becomes an AccessChanged on identity.access.v1, keyed by tenant so one
 * tenant's changes stay in order; every other domain event stays inside identity.
 */
export function accessChangedRoute(event: RecordedEvent): Route | undefined {
  for (const translate of translators) {
    const change = translate(event);
    if (!change) continue;
    const payload: AccessChangedPayload = { ...change, changedAt: event.occurredAt.toISOString() };
    return { topic: Topics.identityAccess, key: change.tenantId, type: AccessChanged.type, payload };
  }
  return undefined;
}
