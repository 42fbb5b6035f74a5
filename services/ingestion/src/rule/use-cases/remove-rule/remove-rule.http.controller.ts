import { Controller, Delete, HttpCode, Param, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiCredentials, CurrentPrincipal, RequirePermissions } from '@foresight/auth';
import type { Principal } from '@foresight/contracts';
import type { FastifyRequest } from 'fastify';
import { actorOf, correlationIdOf } from '../../../shared/http/request-meta';
import { RuleParams } from '../rule-params';
import { RemoveRule } from './remove-rule.command';
import { RemoveRuleHandler } from './remove-rule.handler';

@ApiTags('validation rules')
@ApiCredentials()
@Controller('v1/ingest/rules')
@RequirePermissions('records:admin')
export class RemoveRuleHttpController {
  constructor(private readonly handler: RemoveRuleHandler) {}

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Remove a rule (a new version of the rule set); records it rejected stay rejected',
  })
  @ApiNoContentResponse({ description: 'removed' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: the id is malformed' })
  @ApiNotFoundResponse({
    description: 'RULE.NOT_FOUND: the tenant has no rule with this id (or it was removed)',
  })
  async remove(
    @CurrentPrincipal() principal: Principal,
    @Param() { id }: RuleParams,
    @Req() req: FastifyRequest,
  ): Promise<void> {
    await this.handler.execute(
      RemoveRule.create({
        tenantId: principal.tenantId,
        actor: actorOf(principal),
        at: new Date(),
        correlationId: correlationIdOf(req),
        id,
      }),
    );
  }
}
