import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InvitationView } from '../../../membership/use-cases/invitation.view';
import type { CommandMeta } from '../../../shared/event-sourcing/command-meta';
import { PlatformAdmin } from '../../../shared/http/platform-admin.guard';
import { RequestMeta } from '../../../shared/http/request-meta.decorator';
import { TenantParams } from '../tenant-params';
import { InviteOwnerRequest } from './invite-owner.command';
import { InviteOwnerHandler } from './invite-owner.handler';

@ApiTags('tenants (platform operator)')
@Controller('v1/tenants/:tenantId/owner-invitations')
export class InviteOwnerHttpController {
  constructor(private readonly handler: InviteOwnerHandler) {}

  @Post()
  @HttpCode(201)
  @PlatformAdmin()
  @ApiOperation({ summary: 'Invite an owner into an existing tenant (e.g. the first invitation was lost)' })
  @ApiCreatedResponse({ type: InvitationView })
  invite(
    @Param() { tenantId }: TenantParams,
    @Body() body: InviteOwnerRequest,
    @RequestMeta() meta: CommandMeta,
  ) {
    return this.handler.execute(tenantId, body.email, meta);
  }
}
