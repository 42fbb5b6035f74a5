import { Command } from '@foresight/domain';
import { Channel } from './notification-id';

export type RequestNotification = Command<
  'RequestNotification',
  {
    /** Must be notificationIdFor(tenantId, sourceEventId, recipient, channel). */
    notificationId: string;
    tenantId: string;
    sourceEventId: string;
    recipient: string;
    channel: Channel;
    payload: Readonly<Record<string, unknown>>;
    maxAttempts?: number;
    at: string;
  }
>;

/** The dispatcher is about to send (attempt numbers are decided here, not by the caller). */
export type Dispatch = Command<'Dispatch', { notificationId: string; at: string }>;

export type RecordDelivery = Command<
  'RecordDelivery',
  { notificationId: string; attempt: number; detail?: string | null; at: string }
>;

export type RecordFailure = Command<
  'RecordFailure',
  {
    notificationId: string;
    attempt: number;
    error: string;
    /** False for failures a retry cannot fix (410 Gone, invalid address): dead letter at once. */
    retryable: boolean;
    at: string;
  }
>;

/** The recipient saw (listed or was pushed) / opened an in-app notification; only they may say so. */
export type MarkSeen = Command<
  'MarkSeen',
  { notificationId: string; tenantId: string; recipient: string; at: string }
>;
export type MarkRead = Command<
  'MarkRead',
  { notificationId: string; tenantId: string; recipient: string; at: string }
>;

export type NotificationCommand =
  RequestNotification | Dispatch | RecordDelivery | RecordFailure | MarkSeen | MarkRead;
