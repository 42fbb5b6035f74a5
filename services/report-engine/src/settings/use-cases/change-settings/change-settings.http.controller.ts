import { Body, Controller, Put, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiCredentials, CurrentPrincipal, RequirePermissions } from '@foresight/auth';
import type { Principal } from '@foresight/contracts';
import type { FastifyRequest } from 'fastify';
import { SettingsView } from '../get-settings/settings.view';
import { ChangeSettingsHandler } from './change-settings.handler';
import { ChangeSettingsCommand } from './change-settings.command';
import { ChangeSettingsRequest } from './change-settings.request';

@ApiTags('settings')
@ApiCredentials()
@Controller('v1/reports/settings')
export class ChangeSettingsHttpController {
  constructor(private readonly handler: ChangeSettingsHandler) {}

  @Put()
  @RequirePermissions('reports:admin')
  @ApiOperation({
    summary: "Replace the tenant's report settings (a new version; saving the same settings changes nothing)",
  })
  @ApiOkResponse({ type: SettingsView, description: 'the settings now in force, with their version' })
  @ApiResponse({
    status: 400,
    description: 'VALIDATION_FAILED: a missing or out-of-range field, named in `fields`',
  })
  @ApiResponse({
    status: 422,
    description:
      'SETTINGS.INVALID: an exit not below its enter, PARTIAL_CHURN above CRITICAL_CHURN; `fields` names them',
  })
  async change(
    @CurrentPrincipal() principal: Principal,
    @Body() body: ChangeSettingsRequest,
    @Req() request: FastifyRequest,
  ): Promise<SettingsView> {
    const command = ChangeSettingsCommand.create({
      tenantId: principal.tenantId,
      settings: body,
      by: principal.email?.toLowerCase() ?? principal.id,
      requestId: String(request.id),
      at: new Date().toISOString(),
    });
    return SettingsView.of(await this.handler.execute(command));
  }
}
