import { Controller, Delete, Param } from '@nestjs/common';
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
import { MemberRoleParams } from '../member-params';
import { MemberView } from '../member.view';
import { UnassignRoleHandler } from './unassign-role.handler';

@ApiTags('members')
@ApiCredentials()
@Controller('v1/members/:userId/roles/:role')
export class UnassignRoleHttpController {
  constructor(private readonly handler: UnassignRoleHandler) {}

  @Delete()
  @RequirePermissions('members:manage')
  @ApiOperation({
    summary: "Take a role away; the member's API keys lose whatever the member no longer covers",
  })
  @ApiOkResponse({ type: MemberView })
  @ApiNotFoundResponse({ description: 'IDENTITY.MEMBER_NOT_FOUND or IDENTITY.ROLE_NOT_FOUND' })
  @ApiForbiddenResponse({ description: 'IDENTITY.GRANT_EXCEEDS_GRANTER' })
  unassign(
    @CurrentPrincipal() principal: Principal,
    @Param() params: MemberRoleParams,
    @RequestMeta() meta: CommandMeta,
  ): Promise<MemberView> {
    return this.handler.execute(principal, params.userId, params.role, meta);
  }
}
