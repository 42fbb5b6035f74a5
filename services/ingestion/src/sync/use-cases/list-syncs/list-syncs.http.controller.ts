import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentPrincipal, RequirePermissions, ApiCredentials } from '@foresight/auth';
import type { Principal } from '@foresight/contracts';
import { ListSyncsHandler } from './list-syncs.handler';
import { ListSyncsQuery, SyncPageView, SyncParams, SyncView } from './list-syncs.query';

@ApiTags('ingestion')
@ApiCredentials()
@Controller('v1/ingest/batches')
@RequirePermissions('records:read')
export class ListSyncsHttpController {
  constructor(private readonly handler: ListSyncsHandler) {}

  @Get()
  @ApiOperation({
    summary:
      'Sync history: every batch and upstream chunk with its counts, duration and status; newest first',
  })
  @ApiOkResponse({ type: SyncPageView })
  @ApiUnprocessableEntityResponse({ description: 'INGESTION.INVALID_CURSOR' })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListSyncsQuery): Promise<SyncPageView> {
    return this.handler.page(principal.tenantId, query);
  }

  @Get(':syncId')
  @ApiOperation({ summary: 'One batch (its rejections: GET /v1/ingest/rejections?syncId=)' })
  @ApiOkResponse({ type: SyncView })
  @ApiNotFoundResponse({ description: 'INGESTION.SYNC_NOT_FOUND' })
  one(@CurrentPrincipal() principal: Principal, @Param() { syncId }: SyncParams): Promise<SyncView> {
    return this.handler.one(principal.tenantId, syncId);
  }
}
