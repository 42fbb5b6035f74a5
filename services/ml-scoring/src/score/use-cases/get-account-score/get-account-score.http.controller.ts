import { Controller, Get, Param } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiSecurity,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, RequirePermissions } from '@foresight/auth';
import type { Principal } from '@foresight/contracts';
import { AccountScoreView } from './account-score.view';
import { GetAccountScoreHandler } from './get-account-score.handler';
import { AccountParams } from './get-account-score.query';

@ApiTags('scores')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('v1/scores')
export class GetAccountScoreHttpController {
  constructor(private readonly handler: GetAccountScoreHandler) {}

  @Get(':accountId')
  @RequirePermissions('models:read')
  @ApiOperation({ summary: "An account's latest churn score, its explanation and the score history" })
  @ApiOkResponse({ type: AccountScoreView })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: accountId is not a UUID' })
  @ApiNotFoundResponse({ description: 'SCORING.NOT_SCORED: no score published for this account' })
  get(
    @CurrentPrincipal() principal: Principal,
    @Param() { accountId }: AccountParams,
  ): Promise<AccountScoreView> {
    return this.handler.execute(principal.tenantId, accountId);
  }
}
