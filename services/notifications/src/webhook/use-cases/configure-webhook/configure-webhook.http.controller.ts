import { Body, Controller, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, RequirePermissions, ApiCredentials } from '@foresight/auth';
import type { Principal } from '@foresight/contracts';
import { ConfiguredWebhookView } from '../../webhook.view';
import { ConfigureWebhookRequest } from './configure-webhook.command';
import { ConfigureWebhookHandler } from './configure-webhook.handler';

@ApiTags('webhook')
@ApiCredentials()
@Controller('v1/notifications/webhook')
export class ConfigureWebhookHttpController {
  constructor(private readonly handler: ConfigureWebhookHandler) {}

  @Put()
  @RequirePermissions('notifications:manage')
  @ApiOperation({
    summary: "Set the tenant's webhook endpoint; without a secret one is generated and returned this once",
  })
  @ApiOkResponse({ type: ConfiguredWebhookView })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED: url or secret, named in `fields`' })
  configure(
    @CurrentPrincipal() principal: Principal,
    @Body() body: ConfigureWebhookRequest,
  ): Promise<ConfiguredWebhookView> {
    return this.handler.execute({ principal, url: body.url, secret: body.secret });
  }
}
