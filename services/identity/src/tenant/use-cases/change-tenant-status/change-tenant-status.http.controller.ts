import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { CommandMeta } from '../../../shared/event-sourcing/command-meta';
import { PlatformAdmin } from '../../../shared/http/platform-admin.guard';
import { RequestMeta } from '../../../shared/http/request-meta.decorator';
import { TenantParams } from '../tenant-params';
import { TenantView } from '../tenant.view';
import { SuspendTenantRequest } from './change-tenant-status.command';
import { ChangeTenantStatusHandler } from './change-tenant-status.handler';

@ApiTags('tenants (platform operator)')
@Controller('v1/tenants/:tenantId')
@PlatformAdmin()
@ApiOkResponse({ type: TenantView })
@ApiNotFoundResponse({ description: 'IDENTITY.TENANT_NOT_FOUND' })
@ApiConflictResponse({ description: 'IDENTITY.INVALID_TRANSITION (an archived tenant stays archived)' })
export class ChangeTenantStatusHttpController {
  constructor(private readonly handler: ChangeTenantStatusHandler) {}

  @Post('suspend')
  @HttpCode(200)
  @ApiOperation({ summary: "Suspend a tenant: every service refuses its users' and keys' requests" })
  suspend(
    @Param() { tenantId }: TenantParams,
    @Body() body: SuspendTenantRequest,
    @RequestMeta() meta: CommandMeta,
  ) {
    return this.handler.execute(tenantId, { type: 'SuspendTenant', reason: body.reason }, meta);
  }

  @Post('reactivate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Lift a suspension' })
  reactivate(@Param() { tenantId }: TenantParams, @RequestMeta() meta: CommandMeta) {
    return this.handler.execute(tenantId, { type: 'ReactivateTenant' }, meta);
  }

  @Post('archive')
  @HttpCode(200)
  @ApiOperation({ summary: 'Archive a tenant for good (its slug stays taken)' })
  archive(@Param() { tenantId }: TenantParams, @RequestMeta() meta: CommandMeta) {
    return this.handler.execute(tenantId, { type: 'ArchiveTenant' }, meta);
  }
}
