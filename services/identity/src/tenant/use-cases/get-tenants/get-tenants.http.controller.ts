import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PlatformAdmin } from '../../../shared/http/platform-admin.guard';
import { TenantParams } from '../tenant-params';
import { TenantPageView, TenantView } from '../tenant.view';
import { GetTenantsHandler } from './get-tenants.handler';
import { ListTenantsQuery } from './get-tenants.query';

@ApiTags('tenants (platform operator)')
@Controller('v1/tenants')
export class GetTenantsHttpController {
  constructor(private readonly handler: GetTenantsHandler) {}

  @Get()
  @PlatformAdmin()
  @ApiOperation({ summary: 'List tenants, newest first' })
  @ApiOkResponse({ type: TenantPageView })
  list(@Query() query: ListTenantsQuery): Promise<TenantPageView> {
    return this.handler.listForOperator(query);
  }

  @Get(':tenantId')
  @PlatformAdmin()
  @ApiOperation({ summary: 'One tenant' })
  @ApiOkResponse({ type: TenantView })
  @ApiNotFoundResponse({ description: 'IDENTITY.TENANT_NOT_FOUND' })
  one(@Param() { tenantId }: TenantParams): Promise<TenantView> {
    return this.handler.one(tenantId);
  }
}
