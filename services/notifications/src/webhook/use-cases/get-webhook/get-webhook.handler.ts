import { Injectable } from '@nestjs/common';
import { DomainError } from '@foresight/domain';
import { WebhookEndpoints } from '../../webhook-endpoints.store';
import { WebhookView } from '../../webhook.view';

@Injectable()
export class GetWebhookHandler {
  constructor(private readonly endpoints: WebhookEndpoints) {}

  async execute(tenantId: string): Promise<WebhookView> {
    const endpoint = await this.endpoints.get(tenantId);
    if (!endpoint)
      throw new DomainError(
        'NOTIFICATIONS.WEBHOOK_NOT_CONFIGURED',
        'No webhook endpoint is configured for this tenant (PUT /v1/notifications/webhook)',
        'not_found',
      );
    return { url: endpoint.url, secretPrefix: endpoint.secretPrefix, updatedAt: endpoint.updatedAt };
  }
}
