import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ApiCredentials, CurrentPrincipal, RequirePermissions } from '@foresight/auth';
import type { Principal } from '@foresight/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { actorOf, correlationIdOf } from '../../../shared/http/request-meta';
import { RuleView } from '../rule.view';
import { DefineRule } from './define-rule.command';
import { DefineRuleHandler } from './define-rule.handler';
import { DefineRuleRequest } from './define-rule.request';

@ApiTags('validation rules')
@ApiCredentials()
@Controller('v1/ingest/rules')
@RequirePermissions('records:admin')
export class DefineRuleHttpController {
  constructor(private readonly handler: DefineRuleHandler) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Define a validation rule for one field of one entity',
    description:
      'Applies to records received from then on (REST, upstream topics, uploads), after the schema check; a failing record is rejected with the rule id, field and message and listed in GET /v1/ingest/rejections. Records accepted earlier are never re-judged. Takes effect once GET /v1/ingest/rules lists it (about a second).',
  })
  @ApiCreatedResponse({ type: RuleView, description: 'defined: a new version of the tenant rule set' })
  @ApiOkResponse({
    type: RuleView,
    description: 'the same definition was already in force under this id: nothing changed',
  })
  @ApiBadRequestResponse({
    description: 'VALIDATION_FAILED: the body is malformed; `fields` names the field',
  })
  @ApiUnprocessableEntityResponse({
    description:
      'RULE.INVALID: the rule cannot be applied — unknown field (the known ones are listed), a pattern RE2 cannot compile (backreferences, lookarounds), min > max, a numeric check on a text field, a parameter of another kind, unique_in_tenant on usage; `fields` names each. RULE.TOO_MANY: the tenant holds 200 rules',
  })
  @ApiConflictResponse({
    description: 'RULE.EXISTS: another definition already uses this id (change it with PUT)',
  })
  async define(
    @CurrentPrincipal() principal: Principal,
    @Body() body: DefineRuleRequest,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RuleView> {
    const { id, ...spec } = body;
    const { created, rule } = await this.handler.execute(
      DefineRule.create({
        tenantId: principal.tenantId,
        actor: actorOf(principal),
        at: new Date(),
        correlationId: correlationIdOf(req),
        id,
        spec,
      }),
    );
    void reply.status(created ? 201 : 200);
    return rule;
  }
}
