import { Body, Controller, Param, Put, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ApiCredentials, CurrentPrincipal, RequirePermissions } from '@foresight/auth';
import type { Principal } from '@foresight/contracts';
import type { FastifyRequest } from 'fastify';
import { actorOf, correlationIdOf } from '../../../shared/http/request-meta';
import { RuleParams } from '../rule-params';
import { RuleView } from '../rule.view';
import { ChangeRule } from './change-rule.command';
import { ChangeRuleHandler } from './change-rule.handler';
import { ChangeRuleRequest } from './change-rule.request';

@ApiTags('validation rules')
@ApiCredentials()
@Controller('v1/ingest/rules')
@RequirePermissions('records:admin')
export class ChangeRuleHttpController {
  constructor(private readonly handler: ChangeRuleHandler) {}

  @Put(':id')
  @ApiOperation({
    summary: 'Replace a rule with a new definition (a new version of the rule set)',
    description:
      'Applies to records received from then on; records accepted under the earlier definition stay as they are. Sending the definition in force changes nothing.',
  })
  @ApiOkResponse({ type: RuleView, description: 'the rule as it now stands' })
  @ApiBadRequestResponse({
    description: 'VALIDATION_FAILED: the body or id is malformed; `fields` names the field',
  })
  @ApiNotFoundResponse({ description: 'RULE.NOT_FOUND: the tenant has no rule with this id' })
  @ApiUnprocessableEntityResponse({
    description:
      'RULE.INVALID: the new definition cannot be applied (unknown field, bad pattern, min > max, …); `fields` names each',
  })
  change(
    @CurrentPrincipal() principal: Principal,
    @Param() { id }: RuleParams,
    @Body() body: ChangeRuleRequest,
    @Req() req: FastifyRequest,
  ): Promise<RuleView> {
    return this.handler.execute(
      ChangeRule.create({
        tenantId: principal.tenantId,
        actor: actorOf(principal),
        at: new Date(),
        correlationId: correlationIdOf(req),
        id,
        spec: body,
      }),
    );
  }
}
