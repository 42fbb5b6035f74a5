import { Body, Controller, Get, HttpCode, Param, Put } from '@nestjs/common';
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
import { actorOf } from '../../../shared/http/request-meta';
import { ColumnMappingView } from './column-mapping.view';
import { SaveColumnMappingCommand } from './save-column-mapping.command';
import { SaveColumnMappingHandler } from './save-column-mapping.handler';
import { MappingParams, SaveColumnMappingRequest } from './save-column-mapping.request';

/**
 * Saved CSV column mappings, per source. Both routes need `records:write`: the importer that uses
 * a mapping (`foresight import --mapping <name>`) holds an ingest key, which cannot read records.
 */
@ApiTags('integrations')
@ApiCredentials()
@Controller('v1/integrations/:source/mappings')
@RequirePermissions('records:write')
export class SaveColumnMappingHttpController {
  constructor(private readonly handler: SaveColumnMappingHandler) {}

  @Put(':name')
  @HttpCode(200)
  @ApiOperation({ summary: 'Save (or replace) a named CSV column mapping for a source' })
  @ApiOkResponse({ type: ColumnMappingView, description: 'saved; saving it unchanged again is a no-op' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: source, name, entity or fields malformed' })
  @ApiUnprocessableEntityResponse({
    description:
      'INGESTION.INVALID_MAPPING: `fields` names each unusable field source (e.g. fields.mrr.type)',
  })
  save(
    @CurrentPrincipal() principal: Principal,
    @Param() { source, name }: MappingParams,
    @Body() body: SaveColumnMappingRequest,
  ): Promise<ColumnMappingView> {
    return this.handler.execute(
      SaveColumnMappingCommand.create({
        tenantId: principal.tenantId,
        source,
        name,
        entity: body.entity,
        fields: body.fields,
        actor: actorOf(principal),
        at: new Date(),
      }),
    );
  }

  @Get(':name')
  @ApiOperation({ summary: 'A saved CSV column mapping (what `foresight import --mapping <name>` uses)' })
  @ApiOkResponse({ type: ColumnMappingView })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: source or name malformed' })
  @ApiNotFoundResponse({ description: 'INGESTION.MAPPING_NOT_FOUND' })
  one(
    @CurrentPrincipal() principal: Principal,
    @Param() { source, name }: MappingParams,
  ): Promise<ColumnMappingView> {
    return this.handler.one(principal.tenantId, source, name);
  }
}
