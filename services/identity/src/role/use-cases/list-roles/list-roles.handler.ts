import { Injectable } from '@nestjs/common';
import { roleAllowed } from '../../../shared/domain/access-policy';
import { builtInRolesOf } from '../../../shared/domain/built-in-roles';
import { ReadModels } from '../../../shared/read-models/read-models';
import { RoleContext } from '../role-context';
import { RoleView } from '../role.view';

@Injectable()
export class ListRolesHandler {
  constructor(
    private readonly readModels: ReadModels,
    private readonly context: RoleContext,
  ) {}

  async execute(tenantId: string, includeArchived: boolean): Promise<RoleView[]> {
    const allowed = await this.context.allowedRoles(tenantId);
    const builtIns: RoleView[] = [...builtInRolesOf(tenantId).values()].map((r) => ({
      roleId: r.id,
      name: r.name,
      permissions: [...r.permissions],
      builtIn: true,
      allowedByTier: roleAllowed(allowed, r.name),
      status: 'active',
    }));
    const custom = await this.readModels.roles.find(tenantId, includeArchived ? {} : { status: 'active' }, {
      sort: { name: 1 },
    });
    return [
      ...builtIns,
      ...custom.map((r) => ({
        roleId: r.roleId,
        name: r.name,
        permissions: r.permissions,
        builtIn: false,
        allowedByTier: roleAllowed(allowed, r.name),
        status: r.status,
      })),
    ];
  }
}
