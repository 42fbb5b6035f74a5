import type { Command } from '@foresight/domain';

export type DefineRole = Command<
  'DefineRole',
  {
    tenantId: string;
    roleId: string;
    name: string;
    permissions: readonly string[];
    /** The tenant tier's allow-list: custom roles need '*' (or their name) in it. */
    allowedRoles: readonly string[];
    /** What the definer holds: nobody defines a role stronger than themselves. */
    definerPermissions: readonly string[];
    now: Date;
  }
>;
export type ChangeRolePermissions = Command<
  'ChangeRolePermissions',
  { permissions: readonly string[]; definerPermissions: readonly string[]; now: Date }
>;
export type ArchiveRole = Command<'ArchiveRole', { now: Date }>;

export type RoleCommand = DefineRole | ChangeRolePermissions | ArchiveRole;
