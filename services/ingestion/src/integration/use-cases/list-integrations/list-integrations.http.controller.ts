import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ApiCredentials, CurrentPrincipal, RequirePermissions } from '@foresight/auth';
import type { Principal } from '@foresight/contracts';
import { ListIntegrationsHandler } from './list-integrations.handler';
import { IntegrationPageView, ListIntegrationsQuery } from './list-integrations.query';

@ApiTags('integrations')
@ApiCredentials()
@Controller('v1/integrations')
@RequirePermissions('records:read')
export class ListIntegrationsHttpController {
  constructor(private readonly handler: ListIntegrationsHandler) {}

  @Get()
  @ApiOperation({
    summary: 'Integrations: each source that synced or has saved mappings, with its last sync and totals',
  })
  @ApiOkResponse({ type: IntegrationPageView })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: limit out of range' })
  @ApiUnprocessableEntityResponse({ description: 'INGESTION.INVALID_CURSOR' })
  list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ListIntegrationsQuery,
  ): Promise<IntegrationPageView> {
    return this.handler.page(principal.tenantId, query);
  }
}
