import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { Principal } from '@foresight/contracts';
import { CurrentPrincipal, RequirePermissions, ApiCredentials } from '@foresight/auth';
import type { CommandMeta } from '../../../shared/event-sourcing/command-meta';
import { RequestMeta } from '../../../shared/http/request-meta.decorator';
import { InvitationView } from '../invitation.view';
import { InviteMemberRequest } from './invite-member.command';
import { InviteMemberHandler } from './invite-member.handler';

@ApiTags('members')
@ApiCredentials()
@Controller('v1/invitations')
export class InviteMemberHttpController {
  constructor(private readonly handler: InviteMemberHandler) {}

  @Post()
  @HttpCode(201)
  @RequirePermissions('members:manage')
  @ApiOperation({
    summary: 'Invite someone into the tenant',
    description: 'Returns the invitation token once; a real deployment e-mails it to the invitee instead.',
  })
  @ApiCreatedResponse({ type: InvitationView })
  @ApiForbiddenResponse({
    description:
      'IDENTITY.ROLE_NOT_ALLOWED (tier) or IDENTITY.GRANT_EXCEEDS_GRANTER (a role stronger than yours)',
  })
  @ApiTooManyRequestsResponse({ description: "IDENTITY.TIER_LIMIT: the tier's maxUsers is reached" })
  invite(
    @CurrentPrincipal() principal: Principal,
    @Body() body: InviteMemberRequest,
    @RequestMeta() meta: CommandMeta,
  ): Promise<InvitationView> {
    return this.handler.execute(principal, body, meta);
  }
}
