import { Controller, Delete, HttpCode, Param, Query, Req } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ApiCredentials, CurrentPrincipal, RequirePermissions } from '@foresight/auth';
import type { Principal } from '@foresight/contracts';
import type { FastifyRequest } from 'fastify';
import { ReportParams } from '../report-params';
import { DeleteReportCommand } from './delete-report.command';
import { DeleteReportHandler } from './delete-report.handler';
import { DeleteReportQuery } from './delete-report.request';

@ApiTags('reports')
@ApiCredentials()
@Controller('v1/reports')
export class DeleteReportHttpController {
  constructor(private readonly handler: DeleteReportHandler) {}

  @Delete(':id')
  @HttpCode(204)
  @RequirePermissions('reports:admin')
  @ApiOperation({
    summary: 'Delete a report: it leaves every list; its stream stays for audit (deleting twice is a no-op)',
  })
  @ApiNoContentResponse({ description: 'deleted (or already deleted)' })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED: id or reason, named in `fields`' })
  @ApiNotFoundResponse({ description: "REPORT.NOT_FOUND (also for another tenant's report)" })
  @ApiConflictResponse({ description: 'REPORT.INVALID_TRANSITION: the report is INCOMING (not loaded yet)' })
  async delete(
    @CurrentPrincipal() principal: Principal,
    @Param() { id }: ReportParams,
    @Query() query: DeleteReportQuery,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    await this.handler.execute(
      DeleteReportCommand.create({
        tenantId: principal.tenantId,
        reportId: id,
        by: principal.email?.toLowerCase() ?? principal.id,
        reason: query.reason ?? null,
        requestId: String(request.id),
        at: new Date().toISOString(),
      }),
    );
  }
}
