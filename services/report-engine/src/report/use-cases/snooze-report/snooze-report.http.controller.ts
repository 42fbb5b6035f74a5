import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ApiCredentials, CurrentPrincipal, RequirePermissions } from '@foresight/auth';
import type { Principal } from '@foresight/contracts';
import type { FastifyRequest } from 'fastify';
import { ReportParams } from '../report-params';
import { SnoozeReportCommand } from './snooze-report.command';
import { SnoozeReportHandler } from './snooze-report.handler';
import { SnoozeReportRequest } from './snooze-report.request';

class SnoozedView {
  @ApiProperty({ format: 'uuid' }) reportId!: string;
  @ApiProperty() status!: string;
  @ApiProperty({ format: 'date-time' }) snoozedUntil!: string;
}

@ApiTags('reports')
@ApiCredentials()
@Controller('v1/reports')
export class SnoozeReportHttpController {
  constructor(private readonly handler: SnoozeReportHandler) {}

  @Post(':id/snooze')
  @HttpCode(200)
  @RequirePermissions('reports:feedback')
  @ApiOperation({
    summary: 'Snooze a report until a date: it is not re-notified before then (its status stays)',
  })
  @ApiOkResponse({ type: SnoozedView })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED: until or reason, named in `fields`' })
  @ApiResponse({ status: 403, description: 'REPORT.NOT_OWNER: neither the owner nor reports:admin' })
  @ApiNotFoundResponse({ description: 'REPORT.NOT_FOUND' })
  @ApiConflictResponse({ description: 'REPORT.INVALID_TRANSITION: INCOMING, ended or deleted' })
  @ApiResponse({
    status: 422,
    description: 'REPORT.INVALID_SNOOZE: until is not in the future (field `until`)',
  })
  snooze(
    @CurrentPrincipal() principal: Principal,
    @Param() { id }: ReportParams,
    @Body() body: SnoozeReportRequest,
    @Req() request: FastifyRequest,
  ): Promise<SnoozedView> {
    return this.handler.execute(
      SnoozeReportCommand.create({
        tenantId: principal.tenantId,
        reportId: id,
        until: new Date(body.until).toISOString(),
        reason: body.reason,
        by: principal.email?.toLowerCase() ?? principal.id,
        admin: principal.permissions.includes('reports:admin'),
        requestId: String(request.id),
        at: new Date().toISOString(),
      }),
    );
  }
}
