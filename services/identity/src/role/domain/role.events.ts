import type { Event } from '@foresight/domain';

/** Custom roles only: the built-in ones are the same in every tenant and live in code (access-policy.ts). */
export type RoleDefined = Event<
  'RoleDefined',
  { tenantId: string; roleId: string; name: string; permissions: string[]; definedAt: string }
>;
export type RolePermissionsChanged = Event<
  'RolePermissionsChanged',
  { tenantId: string; roleId: string; permissions: string[]; previous: string[]; changedAt: string }
>;
export type RoleArchived = Event<'RoleArchived', { tenantId: string; roleId: string; archivedAt: string }>;

export type RoleEvent = RoleDefined | RolePermissionsChanged | RoleArchived;

export const ROLE_EVENT_TYPES = [
  'RoleDefined',
  'RolePermissionsChanged',
  'RoleArchived',
] as const satisfies readonly RoleEvent['type'][];
