import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ApiCredentials, CurrentPrincipal } from '@foresight/auth';
import type { Principal } from '@foresight/contracts';
import { InboxPageView } from './inbox-item.view';
import { inboxOwnerOf } from './inbox-owner';
import { ListInboxHandler } from './list-inbox.handler';
import { ListInboxQuery } from './list-inbox.query';
import { InboxItemParams } from './mark-inbox-item.command';
import { InboxMarkView, MarkInboxItemHandler } from './mark-inbox-item.handler';

const USER_ONLY = { status: 403, description: 'INBOX.USER_ONLY: an API key has no inbox' };

/** Any signed-in user, for their own inbox only: no permission beyond being the recipient. */
@ApiTags('inbox')
@ApiCredentials()
@Controller('v1/inbox')
export class InboxHttpController {
  constructor(
    private readonly list: ListInboxHandler,
    private readonly mark: MarkInboxItemHandler,
  ) {}

  @Get()
  @ApiOperation({ summary: "The caller's in-app notifications, newest first" })
  @ApiOkResponse({ type: InboxPageView })
  @ApiResponse({
    status: 400,
    description: 'VALIDATION_FAILED / INBOX.INVALID_CURSOR: limit or cursor, named in `fields`',
  })
  @ApiResponse(USER_ONLY)
  page(@CurrentPrincipal() principal: Principal, @Query() query: ListInboxQuery): Promise<InboxPageView> {
    return this.list.list(principal.tenantId, inboxOwnerOf(principal), query.limit ?? 50, query.cursor);
  }

  @Post(':id/seen')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark one of the caller’s in-app notifications seen (idempotent)' })
  @ApiOkResponse({ type: InboxMarkView })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED: id, named in `fields`' })
  @ApiResponse(USER_ONLY)
  @ApiNotFoundResponse({ description: 'NOTIFICATION.NOT_FOUND: no such item in the caller’s inbox' })
  @ApiConflictResponse({ description: 'NOTIFICATION.INVALID_TRANSITION: not delivered yet' })
  seen(@CurrentPrincipal() principal: Principal, @Param() { id }: InboxItemParams): Promise<InboxMarkView> {
    return this.mark.execute('seen', {
      tenantId: principal.tenantId,
      recipient: inboxOwnerOf(principal),
      notificationId: id,
    });
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark one of the caller’s in-app notifications read, and so seen (idempotent)' })
  @ApiOkResponse({ type: InboxMarkView })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED: id, named in `fields`' })
  @ApiResponse(USER_ONLY)
  @ApiNotFoundResponse({ description: 'NOTIFICATION.NOT_FOUND: no such item in the caller’s inbox' })
  @ApiConflictResponse({ description: 'NOTIFICATION.INVALID_TRANSITION: not delivered yet' })
  read(@CurrentPrincipal() principal: Principal, @Param() { id }: InboxItemParams): Promise<InboxMarkView> {
    return this.mark.execute('read', {
      tenantId: principal.tenantId,
      recipient: inboxOwnerOf(principal),
      notificationId: id,
    });
  }
}
