import { Inject, Injectable } from '@nestjs/common';
import type { ReportNotificationRequestedPayload } from '@foresight/contracts';
import { Channel, notificationIdFor } from '../../domain/notification-id';
import { Cause, NotificationStreams } from '../shared/notification-streams';

export const MAX_ATTEMPTS = Symbol('MAX_ATTEMPTS');

export interface RequestReportNotification {
  tenantId: string;
  requestEventId: string;
  request: ReportNotificationRequestedPayload;
  cause: Cause;
}

export const EMAIL_CHANNEL_ENABLED = Symbol('EMAIL_CHANNEL_ENABLED');
export const IN_APP_CHANNEL_ENABLED = Symbol('IN_APP_CHANNEL_ENABLED');

/**
 * Records that the report's owner is to be notified: by webhook (as always), in their in-app inbox (with NOTIFY_IN_APP),
 * and by e-mail to the owner's address when an SMTP server is configured — so a tenant without a
 * webhook still reaches the owner. Each notification's id (so its stream) is derived
 * from the tenant, the request event, the recipient and the channel: a redelivered request finds its
 * streams already requested and adds nothing, and each channel is delivered (and reported) on its own,
 * so the report is NOTIFIED by whichever delivers first. Sending is the dispatcher's job, never the
 * consumer's, so a slow endpoint holds up no partition.
 */
@Injectable()
export class RequestNotificationHandler {
  constructor(
    private readonly streams: NotificationStreams,
    @Inject(MAX_ATTEMPTS) private readonly maxAttempts: number,
    @Inject(EMAIL_CHANNEL_ENABLED) private readonly emailEnabled: boolean,
    @Inject(IN_APP_CHANNEL_ENABLED) private readonly inAppEnabled: boolean,
  ) {}

  async execute(
    { tenantId, requestEventId, request, cause }: RequestReportNotification,
    now = new Date(),
  ): Promise<string[]> {
    const channels: Channel[] = [
      'webhook',
      ...(this.inAppEnabled ? (['in_app'] as const) : []),
      ...(this.emailEnabled ? (['email'] as const) : []),
    ];
    const payload = {
      subjectType: 'report',
      subjectId: request.reportId,
      reportId: request.reportId,
      accountId: request.accountId,
      accountName: request.accountName,
      kind: request.kind,
      ownerEmail: request.ownerEmail,
      score: request.score,
      title: request.title,
      summary: request.summary,
      requestedAt: request.requestedAt,
    };
    const ids: string[] = [];
    for (const channel of channels) {
      const key = {
        tenantId,
        sourceEventId: requestEventId,
        recipient: request.ownerEmail.toLowerCase(),
        channel,
      };
      const notificationId = notificationIdFor(key);
      await this.streams.decide(
        tenantId,
        {
          type: 'RequestNotification',
          data: { notificationId, ...key, payload, maxAttempts: this.maxAttempts, at: now.toISOString() },
        },
        cause,
        { subjectType: 'report', subjectId: request.reportId, ...key },
        `${requestEventId}:request:${notificationId}`,
      );
      ids.push(notificationId);
    }
    return ids;
  }
}
