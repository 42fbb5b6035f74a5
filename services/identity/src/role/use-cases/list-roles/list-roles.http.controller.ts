import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@foresight/contracts';
import { CurrentPrincipal, ApiCredentials } from '@foresight/auth';
import { RoleView } from '../role.view';
import { ListRolesHandler } from './list-roles.handler';
import { ListRolesQuery } from './list-roles.query';

@ApiTags('roles')
@ApiCredentials()
@Controller('v1/roles')
export class ListRolesHttpController {
  constructor(private readonly handler: ListRolesHandler) {}

  @Get()
  @ApiOperation({ summary: 'Built-in and custom roles of the tenant, with their permissions' })
  @ApiOkResponse({ type: [RoleView] })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListRolesQuery): Promise<RoleView[]> {
    return this.handler.execute(principal.tenantId, query.includeArchived === 'true');
  }
}
