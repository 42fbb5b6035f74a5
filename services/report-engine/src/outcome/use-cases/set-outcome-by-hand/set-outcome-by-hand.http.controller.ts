import { Body, Controller, HttpCode, Param, Put, Req } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ApiCredentials, CurrentPrincipal, RequirePermissions } from '@foresight/auth';
import type { Principal } from '@foresight/contracts';
import type { FastifyRequest } from 'fastify';
import { ReportParams } from '../../../report/use-cases/report-params';
import { OutcomeView } from '../outcome.view';
import { SetOutcomeByHand } from './set-outcome-by-hand.command';
import { SetOutcomeByHandHandler } from './set-outcome-by-hand.handler';
import { SetOutcomeByHandRequest } from './set-outcome-by-hand.request';

@ApiTags('outcomes')
@ApiCredentials()
@Controller('v1/reports')
export class SetOutcomeByHandHttpController {
  constructor(private readonly handler: SetOutcomeByHandHandler) {}

  @Put(':id/outcome')
  @HttpCode(200)
  @RequirePermissions('reports:feedback')
  @ApiOperation({
    summary:
      "State a report's outcome by hand: Pending until facts agree (Verified); Disputed when they contradict it",
  })
  @ApiOkResponse({ type: OutcomeView, description: 'the outcome the ledger holds after this' })
  @ApiResponse({
    status: 400,
    description: 'VALIDATION_FAILED: id, outcome, revenueImpact or note, named in `fields`',
  })
  @ApiResponse({ status: 403, description: 'REPORT.NOT_OWNER: neither the owner nor reports:admin' })
  @ApiNotFoundResponse({ description: 'REPORT.NOT_FOUND' })
  @ApiConflictResponse({ description: 'OUTCOME.REPORT_NOT_CREATED: the report is still INCOMING' })
  set(
    @CurrentPrincipal() principal: Principal,
    @Param() { id }: ReportParams,
    @Body() body: SetOutcomeByHandRequest,
    @Req() request: FastifyRequest,
  ): Promise<OutcomeView> {
    return this.handler.execute(
      SetOutcomeByHand.create({
        principal,
        reportId: id,
        outcome: body.outcome,
        revenueImpact: body.revenueImpact,
        note: body.note,
        requestId: String(request.id),
      }),
    );
  }
}
