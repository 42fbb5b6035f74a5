import { defineProjection } from '@foresight/projections';
import { NotificationLogEvent } from './notification-log.projection';

/**
 * The dispatcher's work list, across tenants: a document exists only while its notification still
 * needs the dispatcher, and disappears once delivered or dead-lettered, so the poll scans little.
 * REQUESTED and FAILED are due at `dueAt`; DISPATCHED is due for recovery `outcome deadline` after it.
 */
export interface DueNotificationDoc {
  notificationId: string;
  status: 'REQUESTED' | 'DISPATCHED' | 'FAILED';
  /** ISO-8601, so string order is time order. */
  dueAt: string;
}

export const dueNotificationsProjection = defineProjection<DueNotificationDoc, NotificationLogEvent>({
  name: 'notifications-due',
  version: 1,
  collectionBase: 'ntf_due_notifications',
  handles: [
    'NotificationRequested',
    'NotificationDispatched',
    'NotificationDelivered',
    'NotificationFailed',
    'NotificationDeadLettered',
  ],
  id: (e) => e.data.notificationId,
  indexes: [{ fields: { dueAt: 1 }, why: 'the dispatcher: what is due now, oldest first' }],
  evolve: (doc, e) => {
    const id = e.data.notificationId;
    switch (e.type) {
      case 'NotificationRequested':
        return { notificationId: id, status: 'REQUESTED', dueAt: e.data.requestedAt };
      case 'NotificationDispatched':
        return doc ? { ...doc, status: 'DISPATCHED', dueAt: e.data.dispatchedAt } : null;
      case 'NotificationFailed':
        return doc && e.data.nextAttemptAt ? { ...doc, status: 'FAILED', dueAt: e.data.nextAttemptAt } : null;
      case 'NotificationDelivered':
      case 'NotificationDeadLettered':
        return null;
      default:
        return doc;
    }
  },
});
