import { Controller, Get, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, RequirePermissions, ApiCredentials } from '@foresight/auth';
import type { Principal } from '@foresight/contracts';
import { GetRecordHandler } from './get-record.handler';
import { RecordParams } from './get-record.query';
import { RecordView } from './record.view';

@ApiTags('records')
@ApiCredentials()
@Controller('v1/records')
@RequirePermissions('records:read')
export class GetRecordHttpController {
  constructor(private readonly handler: GetRecordHandler) {}

  @Get(':entity/:externalId')
  @ApiOperation({
    summary: 'A record as it stands: current data, lifecycle status, and (accounts) usage features',
    description: 'Read model: reflects an accepted batch within about a second.',
  })
  @ApiOkResponse({ type: RecordView })
  @ApiNotFoundResponse({ description: 'INGESTION.RECORD_NOT_FOUND' })
  one(@CurrentPrincipal() principal: Principal, @Param() params: RecordParams): Promise<RecordView> {
    return this.handler.one(principal.tenantId, params);
  }
}
