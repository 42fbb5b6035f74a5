import { assertNever } from '@foresight/domain';
import { defineProjection } from '@foresight/projections';
import type { AsProjectionEvent } from '../../shared/read-models/projection-event';
import { ROLE_EVENT_TYPES, RoleEvent } from '../domain/role.events';

export interface RoleDoc {
  roleId: string;
  name: string;
  permissions: string[];
  status: 'active' | 'archived';
  definedAt: string;
  updatedAt: string;
}

type E = AsProjectionEvent<RoleEvent>;

export const rolesProjection = defineProjection<RoleDoc, E>({
  name: 'identity-roles',
  version: 1,
  collectionBase: 'identity_roles',
  handles: ROLE_EVENT_TYPES,
  id: (event) => event.data.roleId,
  evolve(doc, event) {
    const updatedAt = event.occurredAt.toISOString();
    switch (event.type) {
      case 'RoleDefined': {
        const { roleId, name, permissions, definedAt } = event.data;
        return { roleId, name, permissions, status: 'active', definedAt, updatedAt };
      }
      case 'RolePermissionsChanged':
        return doc && { ...doc, permissions: event.data.permissions, updatedAt };
      case 'RoleArchived':
        return doc && { ...doc, status: 'archived', updatedAt };
      default:
        return assertNever(event, 'role event');
    }
  },
  indexes: [
    {
      fields: { tenantId: 1, name: 1 },
      why: "a tenant's roles by name (listing, and role names in requests)",
    },
  ],
});
