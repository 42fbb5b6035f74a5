import { BUILT_IN_PERMISSIONS, BUILT_IN_ROLES, RoleGrant } from './access-policy';
import { roleIdFor } from './ids';

const byTenant = new Map<string, Map<string, RoleGrant>>();

/**
 * The built-in roles of a tenant: the same names and permissions everywhere, ids derived per
 * tenant. They have no stream (nothing about them can change per tenant), so a new tenant needs no
 * extra writes and a change of the built-in set reaches every tenant at once.
 */
export function builtInRolesOf(tenantId: string): ReadonlyMap<string, RoleGrant> {
  let roles = byTenant.get(tenantId);
  if (!roles) {
    roles = new Map(
      BUILT_IN_ROLES.map((name) => {
        const id = roleIdFor(tenantId, name);
        return [id, { id, name, permissions: BUILT_IN_PERMISSIONS[name] }];
      }),
    );
    // Bounded: ids are cheap to derive again.
    if (byTenant.size > 10_000) byTenant.clear();
    byTenant.set(tenantId, roles);
  }
  return roles;
}
