import { Controller, Delete, Param, Query, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPropertyOptional,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, RequirePermissions, ApiCredentials } from '@foresight/auth';
import type { Principal } from '@foresight/contracts';
import { currentTraceparent } from '@foresight/observability';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { actorOf, correlationIdOf } from '../../../shared/http/request-meta';
import { IngestRecords } from './ingest-records.command';
import { IngestRecordsHandler } from './ingest-records.handler';
import { IngestResultView } from './ingest-result.view';

export class AccountParams {
  @ApiProperty({ example: 'crm-42' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_:@/-]{0,127}$/, {
    message: 'externalId must be 1–128 letters, digits or _:@/- (starting with a letter or digit)',
  })
  externalId!: string;
}

export class RemoveAccountQuery {
  @ApiPropertyOptional({
    example: 'crm',
    description:
      'the upstream system that holds the account; when absent, the account is removed as the source that holds it',
  })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9-]{0,39}$/, {
    message: 'source must be a lowercase name like crm or product-analytics',
  })
  source?: string;

  @ApiPropertyOptional({ example: 'deleted in CRM' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

/** The upstream system removed an account: Source_Removed on its stream, RecordRemoved downstream. */
@ApiTags('ingestion')
@ApiCredentials()
@Controller('v1/ingest/accounts')
@RequirePermissions('records:write')
export class RemoveAccountHttpController {
  constructor(private readonly handler: IngestRecordsHandler) {}

  @Delete(':externalId')
  @ApiOperation({
    summary: 'Remove an account upstream removed; outcome `unchanged` when it was removed already',
  })
  @ApiOkResponse({ type: IngestResultView })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: externalId, source or reason malformed' })
  @ApiNotFoundResponse({ description: 'INGESTION.RECORD_NOT_FOUND: the tenant never had this account' })
  @ApiConflictResponse({
    description: 'INGESTION.SOURCE_CONFLICT: `source` names another system than the one holding the account',
  })
  remove(
    @CurrentPrincipal() principal: Principal,
    @Param() { externalId }: AccountParams,
    @Query() query: RemoveAccountQuery,
    @Req() req: FastifyRequest,
  ): Promise<IngestResultView> {
    const syncId = uuidv7();
    return this.handler.execute(
      IngestRecords.create({
        tenantId: principal.tenantId,
        source: query.source ?? 'api',
        resolveSource: query.source === undefined,
        entity: 'account',
        via: 'api',
        syncId,
        actor: actorOf(principal),
        receivedAt: new Date(),
        records: [{ op: 'delete', value: { externalId }, index: 0, origin: `api:${syncId}#0` }],
        removalReason: query.reason,
        addressesExisting: true,
        correlationId: correlationIdOf(req),
        traceparent: currentTraceparent(),
      }),
    );
  }
}
