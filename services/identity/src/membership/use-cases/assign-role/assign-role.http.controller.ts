import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
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
import { MemberParams } from '../member-params';
import { MemberView } from '../member.view';
import { AssignRoleRequest } from './assign-role.command';
import { AssignRoleHandler } from './assign-role.handler';

@ApiTags('members')
@ApiCredentials()
@Controller('v1/members/:userId/roles')
export class AssignRoleHttpController {
  constructor(private readonly handler: AssignRoleHandler) {}

  @Post()
  @HttpCode(200)
  @RequirePermissions('members:manage')
  @ApiOperation({ summary: 'Give a member a role' })
  @ApiOkResponse({ type: MemberView })
  @ApiNotFoundResponse({ description: 'IDENTITY.MEMBER_NOT_FOUND or IDENTITY.ROLE_NOT_FOUND' })
  @ApiForbiddenResponse({ description: 'IDENTITY.ROLE_NOT_ALLOWED (tier) or IDENTITY.GRANT_EXCEEDS_GRANTER' })
  assign(
    @CurrentPrincipal() principal: Principal,
    @Param() { userId }: MemberParams,
    @Body() body: AssignRoleRequest,
    @RequestMeta() meta: CommandMeta,
  ): Promise<MemberView> {
    return this.handler.execute(principal, userId, body.role, meta);
  }
}
