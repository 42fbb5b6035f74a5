import { Inject, Injectable } from '@nestjs/common';
import { AccessDirectory } from '../../access/access-directory';
import { isBuiltInRole, roleAllowed } from '../../shared/domain/access-policy';
import { identityError } from '../../shared/domain/identity.errors';
import { ReadModels } from '../../shared/read-models/read-models';
import { TIER_POLICIES, TierPolicies } from '../../shared/tier-policies';
import { RoleView } from './role.view';

/** What the role use cases read: the tenant's tier allow-list, and a role as the API shows it. */
@Injectable()
export class RoleContext {
  constructor(
    private readonly directory: AccessDirectory,
    private readonly readModels: ReadModels,
    @Inject(TIER_POLICIES) private readonly policies: TierPolicies,
  ) {}

  async allowedRoles(tenantId: string): Promise<readonly string[]> {
    const tenant = await this.directory.tenant(tenantId);
    if (tenant.status === 'none') throw identityError('TENANT_NOT_FOUND', 'No such tenant');
    return this.policies[tenant.tier].allowedRoles;
  }

  async view(tenantId: string, roleId: string): Promise<RoleView> {
    const doc = await this.readModels.roles.findById(tenantId, roleId);
    if (!doc) throw identityError('ROLE_NOT_FOUND', 'No such role');
    const allowed = await this.allowedRoles(tenantId);
    return {
      roleId: doc.roleId,
      name: doc.name,
      permissions: doc.permissions,
      builtIn: isBuiltInRole(doc.name),
      allowedByTier: roleAllowed(allowed, doc.name),
      status: doc.status,
    };
  }
}
