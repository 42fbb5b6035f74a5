import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiSecurity,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentPrincipal, RequirePermissions } from '@foresight/auth';
import type { Principal } from '@foresight/contracts';
import { GetNpsHandler } from './get-nps.handler';
import { NpsPeriodQuery } from './get-nps.query';
import { NpsView } from './nps.view';

@ApiTags('voice of customer')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('v1/voc/nps')
export class GetNpsHttpController {
  constructor(private readonly handler: GetNpsHandler) {}

  @Get()
  @RequirePermissions('voc:read')
  @ApiOperation({ summary: "The tenant's NPS over the answers given in a period, with counts per class" })
  @ApiOkResponse({ type: NpsView })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: from or to is not an ISO-8601 date-time' })
  @ApiUnprocessableEntityResponse({ description: 'VOC.INVALID_PERIOD: from is not before to' })
  get(@CurrentPrincipal() principal: Principal, @Query() query: NpsPeriodQuery): Promise<NpsView> {
    return this.handler.execute(principal.tenantId, query);
  }
}
