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
import { MemberParams } from '../member-params';
import { MemberView } from '../member.view';
import { RemoveMemberHandler } from './remove-member.handler';

@ApiTags('members')
@ApiCredentials()
@Controller('v1/members/:userId')
export class RemoveMemberHttpController {
  constructor(private readonly handler: RemoveMemberHandler) {}

  @Delete()
  @RequirePermissions('members:manage')
  @ApiOperation({ summary: 'Remove a member from the tenant; their API keys here are revoked' })
  @ApiOkResponse({ type: MemberView })
  @ApiNotFoundResponse({ description: 'IDENTITY.MEMBER_NOT_FOUND' })
  @ApiForbiddenResponse({ description: 'IDENTITY.GRANT_EXCEEDS_GRANTER (the member holds more than you)' })
  remove(
    @CurrentPrincipal() principal: Principal,
    @Param() { userId }: MemberParams,
    @RequestMeta() meta: CommandMeta,
  ): Promise<MemberView> {
    return this.handler.execute(principal, userId, meta);
  }
}
