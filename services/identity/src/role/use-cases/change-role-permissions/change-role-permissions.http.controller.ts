import { Body, Controller, Param, Put } from '@nestjs/common';
import {
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Principal } from '@foresight/contracts';
import { CurrentPrincipal, RequirePermissions, ApiCredentials } from '@foresight/auth';
import type { CommandMeta } from '../../../shared/event-sourcing/command-meta';
import { RequestMeta } from '../../../shared/http/request-meta.decorator';
import { RoleParams } from '../role-params';
import { RolePermissionsRequest } from '../role-permissions';
import { RoleView } from '../role.view';
import { ChangeRolePermissionsHandler } from './change-role-permissions.handler';

@ApiTags('roles')
@ApiCredentials()
@Controller('v1/roles/:roleId/permissions')
export class ChangeRolePermissionsHttpController {
  constructor(private readonly handler: ChangeRolePermissionsHandler) {}

  @Put()
  @RequirePermissions('roles:manage')
  @ApiOperation({
    summary: "Replace a custom role's permissions (holders' tokens and keys follow within a second)",
  })
  @ApiOkResponse({ type: RoleView })
  @ApiNotFoundResponse({ description: 'IDENTITY.ROLE_NOT_FOUND' })
  @ApiForbiddenResponse({ description: 'IDENTITY.BUILT_IN_ROLE or IDENTITY.GRANT_EXCEEDS_GRANTER' })
  change(
    @CurrentPrincipal() principal: Principal,
    @Param() { roleId }: RoleParams,
    @Body() body: RolePermissionsRequest,
    @RequestMeta() meta: CommandMeta,
  ): Promise<RoleView> {
    return this.handler.execute(principal, roleId, body.permissions, meta);
  }
}
