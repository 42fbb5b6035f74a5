import { Event } from '@foresight/domain';
import { Channel } from './notification-id';

export type NotificationRequested = Event<
  'NotificationRequested',
  {
    notificationId: string;
    tenantId: string;
    sourceEventId: string;
    recipient: string;
    channel: Channel;
    payload: Readonly<Record<string, unknown>>;
    maxAttempts: number;
    requestedAt: string;
  }
>;

export type NotificationDispatched = Event<
  'NotificationDispatched',
  { notificationId: string; attempt: number; dispatchedAt: string }
>;

export type NotificationDelivered = Event<
  'NotificationDelivered',
  { notificationId: string; attempt: number; detail: string | null; deliveredAt: string }
>;

export type NotificationFailed = Event<
  'NotificationFailed',
  { notificationId: string; attempt: number; error: string; nextAttemptAt: string | null; failedAt: string }
>;

export type NotificationDeadLettered = Event<
  'NotificationDeadLettered',
  { notificationId: string; attempts: number; lastError: string; deadLetteredAt: string }
>;

export type NotificationSeen = Event<'NotificationSeen', { notificationId: string; seenAt: string }>;
export type NotificationRead = Event<'NotificationRead', { notificationId: string; readAt: string }>;

export type NotificationEvent =
  | NotificationRequested
  | NotificationDispatched
  | NotificationDelivered
  | NotificationFailed
  | NotificationDeadLettered
  | NotificationSeen
  | NotificationRead;
