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
import { AccountSignalsView } from './account-signals.view';
import { AccountParams } from './get-account-signals.query';
import { GetAccountSignalsHandler } from './get-account-signals.handler';

@ApiTags('voice of customer')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('v1/voc/accounts')
export class GetAccountSignalsHttpController {
  constructor(private readonly handler: GetAccountSignalsHandler) {}

  @Get(':accountId/signals')
  @RequirePermissions('voc:read')
  @ApiOperation({
    summary: "An account's voice-of-customer signals: rolling sentiment, latest NPS, negative volume",
  })
  @ApiOkResponse({ type: AccountSignalsView })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: accountId is not a UUID' })
  @ApiNotFoundResponse({ description: 'VOC.NO_SIGNALS: no feedback analysed for this account' })
  get(
    @CurrentPrincipal() principal: Principal,
    @Param() { accountId }: AccountParams,
  ): Promise<AccountSignalsView> {
    return this.handler.execute(principal.tenantId, accountId);
  }
}
