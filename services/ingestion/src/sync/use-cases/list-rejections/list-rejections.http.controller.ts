import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { CurrentPrincipal, RequirePermissions, ApiCredentials } from '@foresight/auth';
import type { Principal } from '@foresight/contracts';
import { ListRejectionsHandler } from './list-rejections.handler';
import { ListRejectionsQuery, RejectionPageView } from './list-rejections.query';

@ApiTags('ingestion')
@ApiCredentials()
@Controller('v1/ingest/rejections')
@RequirePermissions('records:read')
export class ListRejectionsHttpController {
  constructor(private readonly handler: ListRejectionsHandler) {}

  @Get()
  @ApiOperation({
    summary: 'Rejected records (pipeline errors) with their reasons and the record as sent; newest first',
  })
  @ApiOkResponse({ type: RejectionPageView })
  @ApiUnprocessableEntityResponse({ description: 'INGESTION.INVALID_CURSOR' })
  list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ListRejectionsQuery,
  ): Promise<RejectionPageView> {
    return this.handler.page(principal.tenantId, query);
  }
}
