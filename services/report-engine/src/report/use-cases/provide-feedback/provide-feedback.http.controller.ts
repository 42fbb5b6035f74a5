import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, RequirePermissions, ApiCredentials } from '@foresight/auth';
import type { Principal } from '@foresight/contracts';
import type { FastifyRequest } from 'fastify';
import { ReportParams } from '../report-params';
import { ReportView } from '../report.view';
import { ProvideFeedbackRequest } from './provide-feedback.command';
import { ProvideFeedbackHandler } from './provide-feedback.handler';

@ApiTags('reports')
@ApiCredentials()
@Controller('v1/reports')
export class ProvideFeedbackHttpController {
  constructor(private readonly handler: ProvideFeedbackHandler) {}

  @Post(':id/feedback')
  @HttpCode(200)
  @RequirePermissions('reports:feedback')
  @ApiOperation({ summary: "The owner's answer to a notified report → FEEDBACK_PROVIDED (may be revised)" })
  @ApiOkResponse({ type: ReportView, description: 'the report after the feedback' })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED: outcome or note, named in `fields`' })
  @ApiResponse({ status: 403, description: 'REPORT.NOT_OWNER: neither the owner nor reports:admin' })
  @ApiNotFoundResponse({ description: 'REPORT.NOT_FOUND' })
  @ApiConflictResponse({
    description: 'REPORT.INVALID_TRANSITION: the report is not NOTIFIED or FEEDBACK_PROVIDED (e.g. STALE)',
  })
  provide(
    @CurrentPrincipal() principal: Principal,
    @Param() { id }: ReportParams,
    @Body() body: ProvideFeedbackRequest,
    @Req() request: FastifyRequest,
  ): Promise<ReportView> {
    return this.handler.execute({
      principal,
      reportId: id,
      outcome: body.outcome,
      note: body.note,
      requestId: String(request.id),
    });
  }
}
