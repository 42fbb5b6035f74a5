import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@foresight/contracts';
import { CurrentPrincipal, ApiCredentials } from '@foresight/auth';
import { GetTenantsHandler } from '../get-tenants/get-tenants.handler';
import { TenantView } from '../tenant.view';

@ApiTags('tenant')
@ApiCredentials()
@Controller('v1/tenant')
export class GetCurrentTenantHttpController {
  constructor(private readonly handler: GetTenantsHandler) {}

  @Get()
  @ApiOperation({ summary: "The caller's tenant" })
  @ApiOkResponse({ type: TenantView })
  current(@CurrentPrincipal() principal: Principal): Promise<TenantView> {
    return this.handler.one(principal.tenantId);
  }
}
