export type Role =
  | { status: 'none' }
  | {
      status: 'active' | 'archived';
      tenantId: string;
      roleId: string;
      name: string;
      permissions: string[];
    };

export type ExistingRole = Exclude<Role, { status: 'none' }>;
