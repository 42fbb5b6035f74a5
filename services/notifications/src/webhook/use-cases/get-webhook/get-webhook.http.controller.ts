import { Controller, Get } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, RequirePermissions, ApiCredentials } from '@foresight/auth';
import type { Principal } from '@foresight/contracts';
import { WebhookView } from '../../webhook.view';
import { GetWebhookHandler } from './get-webhook.handler';

@ApiTags('webhook')
@ApiCredentials()
@Controller('v1/notifications/webhook')
export class GetWebhookHttpController {
  constructor(private readonly handler: GetWebhookHandler) {}

  @Get()
  @RequirePermissions('notifications:manage')
  @ApiOperation({
    summary: "The tenant's webhook endpoint: its URL and the secret's prefix, never the secret",
  })
  @ApiOkResponse({ type: WebhookView })
  @ApiNotFoundResponse({ description: 'NOTIFICATIONS.WEBHOOK_NOT_CONFIGURED' })
  get(@CurrentPrincipal() principal: Principal): Promise<WebhookView> {
    return this.handler.execute(principal.tenantId);
  }
}
