import { Inject, Injectable } from '@nestjs/common';
import type { ReportNotificationRequestedPayload } from '@foresight/contracts';
import { notificationIdFor } from '../../domain/notification-id';
import { Cause, NotificationStreams } from '../shared/notification-streams';

export const MAX_ATTEMPTS = Symbol('MAX_ATTEMPTS');

export interface RequestReportNotification {
  tenantId: string;
  requestEventId: string;
  request: ReportNotificationRequestedPayload;
  cause: Cause;
}

/**
 * Records that the report's owner is to be notified by webhook. The notification's id (so its
 * stream) is derived from the tenant, the request event, the recipient and the channel: a
 * redelivered request finds its stream already requested and adds nothing. Sending is the
 * dispatcher's job, never the consumer's, so a slow endpoint holds up no partition.
 */
@Injectable()
export class RequestNotificationHandler {
  constructor(
    private readonly streams: NotificationStreams,
    @Inject(MAX_ATTEMPTS) private readonly maxAttempts: number,
  ) {}

  async execute(
    { tenantId, requestEventId, request, cause }: RequestReportNotification,
    now = new Date(),
  ): Promise<string> {
    const key = {
      tenantId,
      sourceEventId: requestEventId,
      recipient: request.ownerEmail.toLowerCase(),
      channel: 'webhook' as const,
    };
    const notificationId = notificationIdFor(key);
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
    return notificationId;
  }
}
