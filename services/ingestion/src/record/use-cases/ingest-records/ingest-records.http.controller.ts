import { applyDecorators, Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, RequirePermissions, ApiCredentials } from '@foresight/auth';
import type { Principal, RecordEntity } from '@foresight/contracts';
import { currentTraceparent } from '@foresight/observability';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { actorOf, correlationIdOf } from '../../../shared/http/request-meta';
import {
  AccountBatchRequest,
  ContactBatchRequest,
  ContractBatchRequest,
  FeedbackBatchRequest,
  IntentSignalBatchRequest,
  SubscriptionBatchRequest,
  UsageBatchRequest,
} from './ingest-batch.request';
import { IngestRecords } from './ingest-records.command';
import { IngestRecordsHandler } from './ingest-records.handler';
import { IngestResultView } from './ingest-result.view';

const BatchResponses = () =>
  applyDecorators(
    ApiOkResponse({ type: IngestResultView, description: 'every record accepted or unchanged' }),
    ApiResponse({
      status: 207,
      type: IngestResultView,
      description:
        'some (or all) records rejected, each with its reasons in `rejected`; the others are stored',
    }),
    ApiBadRequestResponse({
      description: 'VALIDATION_FAILED: the batch envelope is malformed (`fields` names source or records)',
    }),
  );

/**
 * The REST batch API. 200 when every record was accepted or unchanged, 207 when some were rejected
 * (the good ones are stored all the same); a malformed envelope is a 400 and stores nothing.
 */
@ApiTags('ingestion')
@ApiCredentials()
@Controller('v1/ingest')
@RequirePermissions('records:write')
export class IngestRecordsHttpController {
  constructor(private readonly handler: IngestRecordsHandler) {}

  @Post('accounts')
  @HttpCode(200)
  @ApiOperation({ summary: 'Upsert accounts (companies, with their owner)' })
  @BatchResponses()
  accounts(
    @CurrentPrincipal() principal: Principal,
    @Body() body: AccountBatchRequest,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<IngestResultView> {
    return this.run(principal, 'account', body, req, reply);
  }

  @Post('contracts')
  @HttpCode(200)
  @ApiOperation({ summary: 'Upsert contracts of accounts already ingested' })
  @BatchResponses()
  contracts(
    @CurrentPrincipal() principal: Principal,
    @Body() body: ContractBatchRequest,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<IngestResultView> {
    return this.run(principal, 'contract', body, req, reply);
  }

  @Post('usage')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Record usage periods of accounts already ingested; their features are recomputed and published',
  })
  @BatchResponses()
  usage(
    @CurrentPrincipal() principal: Principal,
    @Body() body: UsageBatchRequest,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<IngestResultView> {
    return this.run(principal, 'usage', body, req, reply);
  }

  @Post('feedback')
  @HttpCode(200)
  @ApiOperation({ summary: 'Upsert feedback items (NPS, surveys, tickets, …) of accounts already ingested' })
  @BatchResponses()
  feedback(
    @CurrentPrincipal() principal: Principal,
    @Body() body: FeedbackBatchRequest,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<IngestResultView> {
    return this.run(principal, 'feedback', body, req, reply);
  }

  @Post('subscriptions')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Upsert product subscriptions (plan, units, MRR) of accounts already ingested',
    description: 'Creation, up/downgrades and cancellation are published as outcome facts.',
  })
  @BatchResponses()
  subscriptions(
    @CurrentPrincipal() principal: Principal,
    @Body() body: SubscriptionBatchRequest,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<IngestResultView> {
    return this.run(principal, 'subscription', body, req, reply);
  }

  @Post('contacts')
  @HttpCode(200)
  @ApiOperation({ summary: 'Upsert contacts (people) of accounts already ingested' })
  @BatchResponses()
  contacts(
    @CurrentPrincipal() principal: Principal,
    @Body() body: ContactBatchRequest,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<IngestResultView> {
    return this.run(principal, 'contact', body, req, reply);
  }

  @Post('intent-signals')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Upsert buyer-intent signals (type, strength 0–100) of accounts already ingested',
  })
  @BatchResponses()
  intentSignals(
    @CurrentPrincipal() principal: Principal,
    @Body() body: IntentSignalBatchRequest,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<IngestResultView> {
    return this.run(principal, 'intent_signal', body, req, reply);
  }

  private async run(
    principal: Principal,
    entity: RecordEntity,
    body: { source: string; records: unknown[] },
    req: FastifyRequest,
    reply: FastifyReply,
  ): Promise<IngestResultView> {
    const syncId = uuidv7();
    const command = IngestRecords.create({
      tenantId: principal.tenantId,
      source: body.source,
      entity,
      via: 'api',
      syncId,
      actor: actorOf(principal),
      receivedAt: new Date(),
      records: body.records.map((value, index) => ({
        op: 'upsert',
        value,
        index,
        origin: `api:${syncId}#${index}`,
      })),
      correlationId: correlationIdOf(req),
      traceparent: currentTraceparent(),
    });
    const result = await this.handler.execute(command);
    void reply.status(result.rejected.length ? 207 : 200);
    return result;
  }
}
