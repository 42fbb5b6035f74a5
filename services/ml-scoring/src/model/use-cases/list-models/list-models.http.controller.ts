import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ApiCredentials, CurrentPrincipal, RequirePermissions } from '@foresight/auth';
import type { Principal } from '@foresight/contracts';
import { ModelParams } from '../shared/model-params';
import { TenantModelDetailView, TenantModelView } from '../shared/tenant-model.view';
import { ListModelsHandler, ModelPage } from './list-models.handler';
import { ListModelsQuery } from './list-models.query';
import { ModelView } from './model.view';

class ModelPageView implements ModelPage {
  @ApiProperty({ type: [TenantModelView], description: "the tenant's own models, newest first" })
  items!: TenantModelView[];
  @ApiPropertyOptional({ description: 'pass as `cursor` for the next page; absent on the last page' })
  nextCursor?: string;
  @ApiProperty({
    type: [ModelView],
    description:
      'the platform baseline, which scores CHURN only while the tenant has no promoted CHURN model',
  })
  fallback!: ModelView[];
}

@ApiTags('models')
@ApiCredentials()
@Controller('v1/models')
export class ListModelsHttpController {
  constructor(private readonly handler: ListModelsHandler) {}

  @Get()
  @RequirePermissions('models:read')
  @ApiOperation({ summary: "The tenant's models (status, metrics, training set) and the platform fallback" })
  @ApiOkResponse({ type: ModelPageView })
  @ApiResponse({
    status: 400,
    description: 'VALIDATION_FAILED: limit, cursor, outcome or status, named in `fields`',
  })
  @ApiResponse({ status: 422, description: 'MODEL.INVALID_CURSOR: not the nextCursor of a previous page' })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListModelsQuery): Promise<ModelPage> {
    return this.handler.execute(principal.tenantId, query);
  }

  @Get(':id')
  @RequirePermissions('models:read')
  @ApiOperation({
    summary: 'One model: configuration, profile, metrics, ROC / PR / calibration curves, importance',
  })
  @ApiOkResponse({ type: TenantModelDetailView })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED: id' })
  @ApiNotFoundResponse({ description: "MODEL.NOT_FOUND (also for another tenant's model)" })
  one(
    @CurrentPrincipal() principal: Principal,
    @Param() { id }: ModelParams,
  ): Promise<TenantModelDetailView> {
    return this.handler.one(principal.tenantId, id);
  }
}
