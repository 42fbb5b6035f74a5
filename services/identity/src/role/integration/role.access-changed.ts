import type { RecordedEvent } from '@foresight/eventstore';
import type { AccessChange } from '../../shared/integration/access-changed.routes';
import type { RoleEvent } from '../domain/role.events';

export function accessChangeOfRole(event: RecordedEvent): AccessChange | undefined {
  const e = { type: event.type, data: event.data } as RoleEvent;
  switch (e.type) {
    case 'RolePermissionsChanged':
    case 'RoleArchived':
      return { kind: 'role_changed', tenantId: e.data.tenantId, subjectId: e.data.roleId };
    default:
      return undefined;
  }
}
