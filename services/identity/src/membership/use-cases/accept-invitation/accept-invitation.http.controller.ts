import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Public } from '@foresight/auth';
import type { CommandMeta } from '../../../shared/event-sourcing/command-meta';
import { RequestMeta } from '../../../shared/http/request-meta.decorator';
import { AcceptedInvitationView, AcceptInvitationRequest } from './accept-invitation.command';
import { AcceptInvitationHandler } from './accept-invitation.handler';

@ApiTags('members')
@Controller('v1/invitations/accept')
export class AcceptInvitationHttpController {
  constructor(private readonly handler: AcceptInvitationHandler) {}

  @Post()
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept an invitation (and choose a password on the first one)' })
  @ApiOkResponse({ type: AcceptedInvitationView })
  @ApiUnauthorizedResponse({ description: 'IDENTITY.INVITATION_INVALID or IDENTITY.INVITATION_EXPIRED' })
  @ApiConflictResponse({ description: 'IDENTITY.PASSWORD_ALREADY_SET' })
  accept(
    @Body() body: AcceptInvitationRequest,
    @RequestMeta() meta: CommandMeta,
  ): Promise<AcceptedInvitationView> {
    return this.handler.execute(body, meta);
  }
}
