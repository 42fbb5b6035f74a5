import { Channel } from './notification-id';

export interface NotificationBody {
  notificationId: string;
  tenantId: string;
  sourceEventId: string;
  recipient: string;
  channel: Channel;
  payload: Readonly<Record<string, unknown>>;
  maxAttempts: number;
  /** Attempts dispatched so far. */
  attempts: number;
}

export type Notification =
  | { status: 'EMPTY' }
  | ({ status: 'REQUESTED' } & NotificationBody)
  | ({ status: 'DISPATCHED'; dispatchedAt: string } & NotificationBody)
  | ({ status: 'FAILED'; lastError: string; nextAttemptAt: string } & NotificationBody)
  | ({
      status: 'DELIVERED';
      deliveredAt: string;
      seenAt: string | null;
      readAt: string | null;
    } & NotificationBody)
  | ({ status: 'DEAD_LETTERED'; lastError: string } & NotificationBody);

export const initialNotification = (): Notification => ({ status: 'EMPTY' });

/** The request's fields without the per-status ones, so a new status starts clean. */
export function bodyOf(state: Notification): NotificationBody | null {
  if (state.status === 'EMPTY') return null;
  const { notificationId, tenantId, sourceEventId, recipient, channel, payload, maxAttempts, attempts } =
    state;
  return { notificationId, tenantId, sourceEventId, recipient, channel, payload, maxAttempts, attempts };
}
