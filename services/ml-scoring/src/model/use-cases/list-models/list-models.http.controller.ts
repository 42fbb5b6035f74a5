import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, RequirePermissions } from '@foresight/auth';
import type { Principal } from '@foresight/contracts';
import { ListModelsHandler } from './list-models.handler';
import { ModelView } from './model.view';

@ApiTags('models')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('v1/models')
export class ListModelsHttpController {
  constructor(private readonly handler: ListModelsHandler) {}

  @Get()
  @RequirePermissions('models:read')
  @ApiOperation({ summary: 'Model versions with their holdout metrics and which one is promoted' })
  @ApiOkResponse({ type: [ModelView] })
  list(@CurrentPrincipal() principal: Principal): Promise<ModelView[]> {
    return this.handler.execute(principal.tenantId);
  }
}
