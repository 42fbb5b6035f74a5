import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, RequirePermissions, ApiCredentials } from '@foresight/auth';
import type { Principal } from '@foresight/contracts';
import { ListNotificationsHandler } from './list-notifications.handler';
import { ListNotificationsQuery } from './list-notifications.query';
import { NotificationPageView } from './notification.view';

@ApiTags('notifications')
@ApiCredentials()
@Controller('v1/notifications')
export class ListNotificationsHttpController {
  constructor(private readonly handler: ListNotificationsHandler) {}

  @Get()
  @RequirePermissions('notifications:read')
  @ApiOperation({ summary: 'The notification log, newest first: every notification with its attempts' })
  @ApiOkResponse({ type: NotificationPageView })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED: a query parameter, named in `fields`' })
  list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ListNotificationsQuery,
  ): Promise<NotificationPageView> {
    return this.handler.list(principal.tenantId, query);
  }
}
