import { Controller, Get, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiCredentials, CurrentPrincipal, RequirePermissions } from '@foresight/auth';
import type { Principal } from '@foresight/contracts';
import { DomainError } from '@foresight/domain';
import { ReportParams } from '../../../report/use-cases/report-params';
import { ReportReader } from '../../../report/use-cases/get-report/report-reader';
import { OutcomeView } from '../outcome.view';
import { OutcomeStreams } from '../shared/outcome-streams';
import { outcomeViewOf } from '../shared/outcome-view';

@ApiTags('outcomes')
@ApiCredentials()
@Controller('v1/reports')
export class GetOutcomeHttpController {
  constructor(
    private readonly reports: ReportReader,
    private readonly outcomes: OutcomeStreams,
  ) {}

  @Get(':id/outcome')
  @RequirePermissions('reports:read')
  @ApiOperation({
    summary: "A report's outcome from its ledger stream: the verdict, both sources, verification",
  })
  @ApiOkResponse({ type: OutcomeView })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED: id is not a UUID' })
  @ApiNotFoundResponse({ description: 'REPORT.NOT_FOUND, or OUTCOME.NOT_RECORDED (no outcome yet)' })
  async one(@CurrentPrincipal() principal: Principal, @Param() { id }: ReportParams): Promise<OutcomeView> {
    // The report's tenant is checked on its own stream; the ledger stream is only read after that.
    await this.reports.load(principal.tenantId, id);
    const state = await this.outcomes.load(id);
    if (state.status !== 'RECORDED' || state.tenantId !== principal.tenantId)
      throw new DomainError('OUTCOME.NOT_RECORDED', `Report ${id} has no outcome yet`, 'not_found', {
        reportId: id,
      });
    return outcomeViewOf(state);
  }
}
