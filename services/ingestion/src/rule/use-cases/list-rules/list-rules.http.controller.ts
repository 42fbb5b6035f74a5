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
import { RulePageView } from '../rule.view';
import { ListRulesHandler } from './list-rules.handler';
import { ListRulesQuery } from './list-rules.query';

@ApiTags('validation rules')
@ApiCredentials()
@Controller('v1/ingest/rules')
@RequirePermissions('records:admin')
export class ListRulesHttpController {
  constructor(private readonly handler: ListRulesHandler) {}

  @Get()
  @ApiOperation({
    summary: "The tenant's validation rules in force, newest first",
    description:
      'Read model: a change shows here within about a second, and applies to ingestion from then on.',
  })
  @ApiOkResponse({ type: RulePageView })
  @ApiBadRequestResponse({
    description: 'VALIDATION_FAILED: entity, limit or cursor malformed; `fields` names it',
  })
  @ApiUnprocessableEntityResponse({ description: 'INGESTION.INVALID_CURSOR' })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListRulesQuery): Promise<RulePageView> {
    return this.handler.page(principal.tenantId, query);
  }
}
