import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, RequirePermissions, ApiCredentials } from '@foresight/auth';
import type { Principal } from '@foresight/contracts';
import { ReportPageView } from '../report.view';
import { ListReportsHandler } from './list-reports.handler';
import { ListReportsQuery, PreviewsQuery, ReportFilterQuery } from './list-reports.query';
import { ReportPreviewsView } from './report-previews.view';

@ApiTags('reports')
@ApiCredentials()
@Controller('v1/reports')
export class ListReportsHttpController {
  constructor(private readonly handler: ListReportsHandler) {}

  @Get()
  @RequirePermissions('reports:read')
  @ApiOperation({
    summary:
      "The tenant's reports, newest first: an owner's (`owner=me`), by status, kind or subject; `asOf` answers as the engine saw them then",
  })
  @ApiOkResponse({ type: ReportPageView })
  @ApiResponse({
    status: 400,
    description: 'VALIDATION_FAILED: a query parameter (e.g. asOf), named in `fields`',
  })
  @ApiResponse({
    status: 422,
    description: 'REPORT.OWNER_UNKNOWN (owner=me with an API key), REPORT.INVALID_CURSOR',
  })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListReportsQuery): Promise<ReportPageView> {
    return this.handler.list(principal, query);
  }

  @Get('mine')
  @RequirePermissions('reports:read')
  @ApiOperation({ summary: "The signed-in user's reports, newest first, by status, kind or subject" })
  @ApiOkResponse({ type: ReportPageView })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED: a query parameter, named in `fields`' })
  @ApiResponse({
    status: 422,
    description: 'REPORT.OWNER_UNKNOWN (an API key owns no reports), REPORT.INVALID_CURSOR',
  })
  mine(@CurrentPrincipal() principal: Principal, @Query() query: ReportFilterQuery): Promise<ReportPageView> {
    return this.handler.mine(principal, query);
  }

  @Get('previews')
  @RequirePermissions('reports:read')
  @ApiOperation({ summary: 'Per kind, the newest report with open and total counts (the dashboard widget)' })
  @ApiOkResponse({ type: ReportPreviewsView })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED: owner, named in `fields`' })
  @ApiResponse({ status: 422, description: 'REPORT.OWNER_UNKNOWN (owner=me, the default, with an API key)' })
  previews(
    @CurrentPrincipal() principal: Principal,
    @Query() query: PreviewsQuery,
  ): Promise<ReportPreviewsView> {
    return this.handler.previews(principal, query);
  }
}
