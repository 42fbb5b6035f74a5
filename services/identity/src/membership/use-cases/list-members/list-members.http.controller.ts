import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@foresight/contracts';
import { CurrentPrincipal, RequirePermissions, ApiCredentials } from '@foresight/auth';
import { MemberParams } from '../member-params';
import { MemberPageView, MemberView } from '../member.view';
import { ListMembersHandler } from './list-members.handler';
import { ListMembersQuery } from './list-members.query';

@ApiTags('members')
@ApiCredentials()
@Controller('v1/members')
@RequirePermissions('members:manage')
export class ListMembersHttpController {
  constructor(private readonly handler: ListMembersHandler) {}

  @Get()
  @ApiOperation({ summary: "The tenant's members and pending invitations" })
  @ApiOkResponse({ type: MemberPageView })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListMembersQuery): Promise<MemberPageView> {
    return this.handler.list(principal.tenantId, query);
  }

  @Get(':userId')
  @ApiOperation({ summary: 'One member' })
  @ApiOkResponse({ type: MemberView })
  @ApiNotFoundResponse({ description: 'IDENTITY.MEMBER_NOT_FOUND' })
  one(@CurrentPrincipal() principal: Principal, @Param() { userId }: MemberParams): Promise<MemberView> {
    return this.handler.one(principal.tenantId, userId);
  }
}
