import type { RecordedEvent } from '@foresight/eventstore';
import type { AccessChange } from '../../shared/integration/access-changed.routes';
import type { MembershipEvent } from '../domain/membership.events';

/** A member's roles changed or they left: their tokens (and their keys) are in doubt everywhere. */
export function accessChangeOfMembership(event: RecordedEvent): AccessChange | undefined {
  const e = { type: event.type, data: event.data } as MembershipEvent;
  switch (e.type) {
    case 'MemberRoleAssigned':
    case 'MemberRoleUnassigned':
    case 'MemberRemoved':
      return { kind: 'user_access_changed', tenantId: e.data.tenantId, subjectId: e.data.userId };
    default:
      return undefined;
  }
}
