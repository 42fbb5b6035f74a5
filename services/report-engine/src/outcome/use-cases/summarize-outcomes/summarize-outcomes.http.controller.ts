import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiCredentials, CurrentPrincipal, RequirePermissions } from '@foresight/auth';
import type { Principal } from '@foresight/contracts';
import { OutcomeSummaryView } from './outcome-summary.view';
import { SummarizeOutcomesHandler } from './summarize-outcomes.handler';
import { SummarizeOutcomesQuery } from './summarize-outcomes.query';

@ApiTags('outcomes')
@ApiCredentials()
@Controller('v1/outcomes')
export class SummarizeOutcomesHttpController {
  constructor(private readonly handler: SummarizeOutcomesHandler) {}

  @Get('summary')
  @RequirePermissions('reports:read')
  @ApiOperation({
    summary:
      'How reports turned out, for reports raised in [from, to): per kind, owner and month — precision, revenue at risk saved, expansion won',
  })
  @ApiOkResponse({ type: OutcomeSummaryView })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED: from, to or owner, named in `fields`' })
  @ApiResponse({
    status: 422,
    description:
      'OUTCOME.INVALID_RANGE (from not before to), REPORT.OWNER_UNKNOWN (owner=me with an API key)',
  })
  summary(
    @CurrentPrincipal() principal: Principal,
    @Query() query: SummarizeOutcomesQuery,
  ): Promise<OutcomeSummaryView> {
    return this.handler.summarize(principal, query);
  }
}
