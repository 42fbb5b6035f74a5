import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiCredentials, CurrentPrincipal, RequirePermissions } from '@foresight/auth';
import type { Principal } from '@foresight/contracts';
import { TenantSettings } from '../../tenant-settings';
import { SettingsView } from './settings.view';

@ApiTags('settings')
@ApiCredentials()
@Controller('v1/reports/settings')
export class GetSettingsHttpController {
  constructor(private readonly settings: TenantSettings) {}

  @Get()
  @RequirePermissions('reports:admin')
  @ApiOperation({ summary: "The tenant's report settings in force (the defaults until it saves its own)" })
  @ApiOkResponse({ type: SettingsView })
  async get(@CurrentPrincipal() principal: Principal): Promise<SettingsView> {
    return SettingsView.of(await this.settings.of(principal.tenantId));
  }
}
