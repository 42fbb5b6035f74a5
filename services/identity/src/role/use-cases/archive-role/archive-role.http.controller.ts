import { Controller, Delete, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@foresight/contracts';
import { CurrentPrincipal, RequirePermissions, ApiCredentials } from '@foresight/auth';
import type { CommandMeta } from '../../../shared/event-sourcing/command-meta';
import { RequestMeta } from '../../../shared/http/request-meta.decorator';
import { RoleParams } from '../role-params';
import { RoleView } from '../role.view';
import { ArchiveRoleHandler } from './archive-role.handler';

@ApiTags('roles')
@ApiCredentials()
@Controller('v1/roles/:roleId')
export class ArchiveRoleHttpController {
  constructor(private readonly handler: ArchiveRoleHandler) {}

  @Delete()
  @RequirePermissions('roles:manage')
  @ApiOperation({ summary: 'Archive a custom role: it grants nothing from now on, and its name stays taken' })
  @ApiOkResponse({ type: RoleView })
  @ApiNotFoundResponse({ description: 'IDENTITY.ROLE_NOT_FOUND' })
  archive(
    @CurrentPrincipal() principal: Principal,
    @Param() { roleId }: RoleParams,
    @RequestMeta() meta: CommandMeta,
  ): Promise<RoleView> {
    return this.handler.execute(principal, roleId, meta);
  }
}
