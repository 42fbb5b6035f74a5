import { Controller, Get, Param } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiCredentials, CurrentPrincipal, RequirePermissions } from '@foresight/auth';
import type { Principal } from '@foresight/contracts';
import { RuleParams } from '../rule-params';
import { RuleView } from '../rule.view';
import { GetRuleHandler } from './get-rule.handler';

@ApiTags('validation rules')
@ApiCredentials()
@Controller('v1/ingest/rules')
@RequirePermissions('records:admin')
export class GetRuleHttpController {
  constructor(private readonly handler: GetRuleHandler) {}

  @Get(':id')
  @ApiOperation({
    summary: 'One validation rule in force',
    description: 'Read model: follows a change within about a second.',
  })
  @ApiOkResponse({ type: RuleView })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: the id is malformed' })
  @ApiNotFoundResponse({ description: 'RULE.NOT_FOUND' })
  one(@CurrentPrincipal() principal: Principal, @Param() { id }: RuleParams): Promise<RuleView> {
    return this.handler.one(principal.tenantId, id);
  }
}
