import { Injectable } from '@nestjs/common';
import { NotificationDelivered, NotificationDeliveredPayload } from '@foresight/contracts';
import { ConsumedEvent, OnEvent } from '@foresight/messaging';
import { CONSUMER_GROUPS } from '../../../consumer-groups';
import { causedBy } from '../shared/cause';
import { MarkNotifiedHandler } from './mark-notified.handler';

@Injectable()
export class MarkNotifiedWhenNotificationDelivered {
  constructor(private readonly handler: MarkNotifiedHandler) {}

  @OnEvent(NotificationDelivered.type, { consumer: CONSUMER_GROUPS.notificationOutcomes.name })
  async onDelivered({ envelope, payload }: ConsumedEvent<NotificationDeliveredPayload>): Promise<void> {
    await this.handler.execute({
      tenantId: envelope.tenantId,
      deliveryEventId: envelope.eventId,
      delivery: payload,
      cause: causedBy(envelope),
    });
  }
}
