import type { AccessDirectory } from './access-directory';
import type { RoleGrant } from '../shared/domain/access-policy';
import { identityError } from '../shared/domain/identity.errors';

/** Role names from a request, as grants; an unknown name is refused with the names that were not found. */
export async function rolesByName(
  directory: AccessDirectory,
  tenantId: string,
  names: readonly string[],
): Promise<RoleGrant[]> {
  const unique = [...new Set(names)];
  const found = await Promise.all(unique.map((name) => directory.roleByName(tenantId, name)));
  const unknown = unique.filter((_, i) => !found[i]);
  if (unknown.length)
    throw identityError('ROLE_NOT_FOUND', `No role named ${unknown.join(', ')} in this tenant`, {
      roles: unknown,
    });
  return found as RoleGrant[];
}
