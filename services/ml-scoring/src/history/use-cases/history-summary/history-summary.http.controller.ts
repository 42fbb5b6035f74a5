import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, RequirePermissions } from '@foresight/auth';
import type { Principal } from '@foresight/contracts';
import { AccountHistories } from '../../account-histories';
import { HistorySummaryView } from './history-summary.view';

@ApiTags('history')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('v1/history')
export class HistorySummaryHttpController {
  constructor(private readonly histories: AccountHistories) {}

  @Get('summary')
  @RequirePermissions('models:read')
  @ApiOperation({
    summary: "How much of the tenant's history (accounts, usage rows, outcome facts) training can read now",
    description:
      'The history is built from ingestion’s events as they arrive; after a large import, a client waits for these counts to reach what it sent before training.',
  })
  @ApiOkResponse({ type: HistorySummaryView })
  summary(@CurrentPrincipal() principal: Principal): Promise<HistorySummaryView> {
    return this.histories.summary(principal.tenantId);
  }
}
