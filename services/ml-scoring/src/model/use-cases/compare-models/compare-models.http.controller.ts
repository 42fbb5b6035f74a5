import { Controller, Get, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiCredentials, CurrentPrincipal, RequirePermissions } from '@foresight/auth';
import type { Principal } from '@foresight/contracts';
import { ModelParams } from '../shared/model-params';
import { CompareModelsHandler } from './compare-models.handler';
import { ComparisonView } from './comparison.view';

@ApiTags('models')
@ApiCredentials()
@Controller('v1/models')
export class CompareModelsHttpController {
  constructor(private readonly handler: CompareModelsHandler) {}

  @Get(':id/comparison')
  @RequirePermissions('models:read')
  @ApiOperation({
    summary: 'A shadow model beside the served one on the same accounts: agreement and differences',
    description:
      'Shadow models score every account the served models score, on the same inputs, without publishing.',
  })
  @ApiOkResponse({ type: ComparisonView })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED: id' })
  @ApiNotFoundResponse({ description: "MODEL.NOT_FOUND (also for another tenant's model)" })
  compare(@CurrentPrincipal() principal: Principal, @Param() { id }: ModelParams): Promise<ComparisonView> {
    return this.handler.execute(principal.tenantId, id);
  }
}
