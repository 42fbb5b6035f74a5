import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, RequirePermissions, ApiCredentials } from '@foresight/auth';
import type { Principal } from '@foresight/contracts';
import { ReportParams } from '../report-params';
import { ReportView } from '../report.view';
import { GetReportQuery } from './get-report.query';
import { ReportReader } from './report-reader';

@ApiTags('reports')
@ApiCredentials()
@Controller('v1/reports')
export class GetReportHttpController {
  constructor(private readonly reader: ReportReader) {}

  @Get(':id')
  @RequirePermissions('reports:read')
  @ApiOperation({
    summary:
      'One report from its stream: latest data beside the notified-at snapshot, next best actions, feedback and its timeline; `asOf` answers as the engine saw it then',
  })
  @ApiOkResponse({ type: ReportView })
  @ApiResponse({
    status: 400,
    description: 'VALIDATION_FAILED: id is not a UUID, or asOf is not an ISO-8601 time',
  })
  @ApiNotFoundResponse({ description: 'REPORT.NOT_FOUND (also: the report did not exist yet at asOf)' })
  one(
    @CurrentPrincipal() principal: Principal,
    @Param() { id }: ReportParams,
    @Query() { asOf }: GetReportQuery,
  ): Promise<ReportView> {
    return this.reader.view(principal.tenantId, id, asOf ? new Date(asOf) : undefined);
  }
}
