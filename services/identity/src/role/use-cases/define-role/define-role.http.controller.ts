import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Principal } from '@foresight/contracts';
import { CurrentPrincipal, RequirePermissions, ApiCredentials } from '@foresight/auth';
import type { CommandMeta } from '../../../shared/event-sourcing/command-meta';
import { RequestMeta } from '../../../shared/http/request-meta.decorator';
import { RoleView } from '../role.view';
import { DefineRoleRequest } from './define-role.command';
import { DefineRoleHandler } from './define-role.handler';

@ApiTags('roles')
@ApiCredentials()
@Controller('v1/roles')
export class DefineRoleHttpController {
  constructor(private readonly handler: DefineRoleHandler) {}

  @Post()
  @HttpCode(201)
  @RequirePermissions('roles:manage')
  @ApiOperation({
    summary: 'Define a custom role (needs a tier that allows custom roles, and only permissions you hold)',
  })
  @ApiCreatedResponse({ type: RoleView })
  @ApiConflictResponse({ description: 'IDENTITY.ROLE_EXISTS' })
  @ApiForbiddenResponse({ description: 'IDENTITY.ROLE_NOT_ALLOWED or IDENTITY.GRANT_EXCEEDS_GRANTER' })
  define(
    @CurrentPrincipal() principal: Principal,
    @Body() body: DefineRoleRequest,
    @RequestMeta() meta: CommandMeta,
  ): Promise<RoleView> {
    return this.handler.execute(principal, body.name, body.permissions, meta);
  }
}
