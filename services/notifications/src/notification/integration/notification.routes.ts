import {
  NotificationDeadLettered,
  NotificationDeadLetteredPayload,
  NotificationDelivered,
  NotificationDeliveredPayload,
  Topics,
} from '@foresight/contracts';
import { categoryOf, RecordedEvent } from '@foresight/eventstore';
import type { Route } from '@foresight/messaging';
import { NotificationEvent } from '../domain/notification.events';
import { NOTIFICATION_STREAM_CATEGORY, notificationRefOf } from '../use-cases/shared/notification-streams';

/**
 * What leaves notifications: each notification's outcome, keyed by its subject (the report) so the
 * requester sees outcomes about one subject in order. Requests, dispatches and failed attempts stay inside.
 */
export function notificationRoute(recorded: RecordedEvent): Route | undefined {
  if (categoryOf(recorded.stream) !== NOTIFICATION_STREAM_CATEGORY) return undefined;
  const event = { type: recorded.type, data: recorded.data } as NotificationEvent;
  const ref = notificationRefOf(recorded.metadata);
  if (!ref) return undefined;
  const base = {
    notificationId: event.data.notificationId,
    requestEventId: ref.sourceEventId,
    subjectType: ref.subjectType,
    subjectId: ref.subjectId,
    channel: ref.channel,
    recipient: ref.recipient,
  };
  if (event.type === 'NotificationDelivered') {
    const payload: NotificationDeliveredPayload = {
      ...base,
      attempt: event.data.attempt,
      at: event.data.deliveredAt,
    };
    return { topic: Topics.notifications, key: ref.subjectId, type: NotificationDelivered.type, payload };
  }
  if (event.type === 'NotificationDeadLettered') {
    const payload: NotificationDeadLetteredPayload = {
      ...base,
      attempt: event.data.attempts,
      at: event.data.deadLetteredAt,
      reason: `gave up after ${event.data.attempts} attempt${event.data.attempts === 1 ? '' : 's'}`,
      lastError: event.data.lastError,
    };
    return { topic: Topics.notifications, key: ref.subjectId, type: NotificationDeadLettered.type, payload };
  }
  return undefined;
}
