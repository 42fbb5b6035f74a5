import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@foresight/contracts';
import { CurrentPrincipal, RequirePermissions, ApiCredentials } from '@foresight/auth';
import { PLATFORM_TENANT_ID } from '../../../shared/domain/ids';
import { PlatformAdmin } from '../../../shared/http/platform-admin.guard';
import { QueryAuditLogHandler } from './query-audit-log.handler';
import { AuditLogQuery, AuditPageView, PlatformAuditLogQuery } from './query-audit-log.query';

@Controller()
export class QueryAuditLogHttpController {
  constructor(private readonly handler: QueryAuditLogHandler) {}

  @Get('v1/audit-log')
  @ApiTags('audit')
  @ApiCredentials()
  @RequirePermissions('audit:read')
  @ApiOperation({
    summary: 'Every identity change in the tenant: who, from where, what changed; newest first',
  })
  @ApiOkResponse({ type: AuditPageView })
  tenantLog(@CurrentPrincipal() principal: Principal, @Query() query: AuditLogQuery): Promise<AuditPageView> {
    return this.handler.page(principal.tenantId, query);
  }

  @Get('v1/admin/audit-log')
  @ApiTags('platform operator')
  @PlatformAdmin()
  @ApiOperation({
    summary:
      "Any tenant's audit log, or the platform's own (user sign-in failures, lockouts, two-factor changes)",
  })
  @ApiOkResponse({ type: AuditPageView })
  platformLog(@Query() query: PlatformAuditLogQuery): Promise<AuditPageView> {
    const { tenantId, ...rest } = query;
    return this.handler.page(tenantId ?? PLATFORM_TENANT_ID, rest);
  }
}
