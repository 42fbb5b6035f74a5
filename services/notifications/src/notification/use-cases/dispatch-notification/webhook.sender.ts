import { Inject, Injectable } from '@nestjs/common';
import {
  ATTEMPT_HEADER,
  DELIVERY_HEADER,
  REPORT_NOTIFICATION_WEBHOOK,
  SIGNATURE_HEADER,
  signWebhook,
  WEBHOOK_TYPE_HEADER,
  WebhookDelivery,
} from '@foresight/contracts';
import { DeliveryOutcome, outcomeOfError, outcomeOfStatus } from '../../domain/delivery-outcome';
import { NotificationBody } from '../../domain/notification.state';
import { WebhookEndpoints } from '../../../webhook/webhook-endpoints.store';

export const WEBHOOK_TIMEOUT_MS = Symbol('WEBHOOK_TIMEOUT_MS');

/**
 * One signed POST to the tenant's endpoint. The body is the same bytes on every attempt; the
 * signature (over a fresh timestamp) and the attempt number are not.
 */
@Injectable()
export class WebhookSender {
  constructor(
    private readonly endpoints: WebhookEndpoints,
    @Inject(WEBHOOK_TIMEOUT_MS) private readonly timeoutMs: number,
  ) {}

  async send(notification: NotificationBody, attempt: number, now = new Date()): Promise<DeliveryOutcome> {
    const endpoint = await this.endpoints.get(notification.tenantId);
    // Retried: an admin who configures the endpoint within the retry window still gets the message.
    if (!endpoint) return outcomeOfError('no webhook endpoint is configured for the tenant');
    const delivery: WebhookDelivery = {
      id: notification.notificationId,
      type: REPORT_NOTIFICATION_WEBHOOK,
      tenantId: notification.tenantId,
      recipient: notification.recipient,
      createdAt: String(notification.payload['requestedAt'] ?? ''),
      data: Object.fromEntries(
        Object.entries(notification.payload).filter(([k]) => k !== 'subjectType' && k !== 'subjectId'),
      ),
    };
    const body = JSON.stringify(delivery);
    const timestamp = Math.floor(now.getTime() / 1000);
    try {
      const res = await fetch(endpoint.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Foresight-Webhooks/1',
          [SIGNATURE_HEADER]: signWebhook({ secret: endpoint.secret, body, timestamp }),
          [DELIVERY_HEADER]: notification.notificationId,
          [ATTEMPT_HEADER]: String(attempt),
          [WEBHOOK_TYPE_HEADER]: REPORT_NOTIFICATION_WEBHOOK,
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      // Drain it: an unread body keeps the socket from going back to the pool.
      await res.arrayBuffer().catch(() => undefined);
      return outcomeOfStatus(res.status);
    } catch (err) {
      const e = err as Error & { cause?: { code?: string; message?: string } };
      if (e.name === 'TimeoutError') return outcomeOfError(`no answer within ${this.timeoutMs} ms`);
      return outcomeOfError(e.cause?.code ?? e.cause?.message ?? e.message);
    }
  }
}
