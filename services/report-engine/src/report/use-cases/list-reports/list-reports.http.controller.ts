import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, RequirePermissions, ApiCredentials } from '@foresight/auth';
import type { Principal } from '@foresight/contracts';
import { ReportPageView } from '../report.view';
import { ListReportsHandler } from './list-reports.handler';
import { ListReportsQuery } from './list-reports.query';

@ApiTags('reports')
@ApiCredentials()
@Controller('v1/reports')
export class ListReportsHttpController {
  constructor(private readonly handler: ListReportsHandler) {}

  @Get()
  @RequirePermissions('reports:read')
  @ApiOperation({ summary: "The tenant's reports, newest first: an owner's (`owner=me`), by status or kind" })
  @ApiOkResponse({ type: ReportPageView })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED: a query parameter, named in `fields`' })
  @ApiResponse({
    status: 422,
    description: 'REPORT.OWNER_UNKNOWN (owner=me with an API key), REPORT.INVALID_CURSOR',
  })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListReportsQuery): Promise<ReportPageView> {
    return this.handler.list(principal, query);
  }
}
