import { Injectable } from '@nestjs/common';
import { ReportNotificationRequested, ReportNotificationRequestedPayload } from '@foresight/contracts';
import { ConsumedEvent, OnEvent } from '@foresight/messaging';
import { CONSUMER_GROUPS } from '../../../consumer-groups';
import { DispatchScheduler } from '../dispatch-notification/dispatch.scheduler';
import { causedBy } from '../shared/cause';
import { RequestNotificationHandler } from './request-notification.handler';

@Injectable()
export class RequestNotificationWhenReportNotificationRequested {
  constructor(
    private readonly handler: RequestNotificationHandler,
    private readonly dispatcher: DispatchScheduler,
  ) {}

  @OnEvent(ReportNotificationRequested.type, { consumer: CONSUMER_GROUPS.reportNotificationRequests.name })
  async onRequested({ envelope, payload }: ConsumedEvent<ReportNotificationRequestedPayload>): Promise<void> {
    const notificationIds = await this.handler.execute({
      tenantId: envelope.tenantId,
      requestEventId: envelope.eventId,
      request: payload,
      cause: causedBy(envelope),
    });
    for (const id of notificationIds) this.dispatcher.nudge(id);
  }
}
