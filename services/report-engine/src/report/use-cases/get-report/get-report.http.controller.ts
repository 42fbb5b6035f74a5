import { Controller, Get, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, RequirePermissions, ApiCredentials } from '@foresight/auth';
import type { Principal } from '@foresight/contracts';
import { ReportParams } from '../report-params';
import { ReportView } from '../report.view';
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
      'One report: latest data beside the notified-at snapshot, next best actions, feedback and its timeline',
  })
  @ApiOkResponse({ type: ReportView })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED: id is not a UUID' })
  @ApiNotFoundResponse({ description: 'REPORT.NOT_FOUND' })
  one(@CurrentPrincipal() principal: Principal, @Param() { id }: ReportParams): Promise<ReportView> {
    return this.reader.view(principal.tenantId, id);
  }
}
