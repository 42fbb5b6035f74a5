import { Body, Controller, Param, Put } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandMeta } from '../../../shared/event-sourcing/command-meta';
import { PlatformAdmin } from '../../../shared/http/platform-admin.guard';
import { RequestMeta } from '../../../shared/http/request-meta.decorator';
import { TenantParams } from '../tenant-params';
import { TenantView } from '../tenant.view';
import { ChangeTenantTierRequest } from './change-tenant-tier.command';
import { ChangeTenantTierHandler } from './change-tenant-tier.handler';

@ApiTags('tenants (platform operator)')
@Controller('v1/tenants/:tenantId/tier')
export class ChangeTenantTierHttpController {
  constructor(private readonly handler: ChangeTenantTierHandler) {}

  @Put()
  @PlatformAdmin()
  @ApiOperation({
    summary:
      'Move a tenant to another tier (limits apply to what is created from now on; rate limits at once)',
  })
  @ApiOkResponse({ type: TenantView })
  @ApiNotFoundResponse({ description: 'IDENTITY.TENANT_NOT_FOUND' })
  change(
    @Param() { tenantId }: TenantParams,
    @Body() body: ChangeTenantTierRequest,
    @RequestMeta() meta: CommandMeta,
  ) {
    return this.handler.execute(tenantId, body.tier, meta);
  }
}
