import { defineProjection, ProjectionEvent } from '@foresight/projections';
import { NotificationEvent } from '../domain/notification.events';

export const NOTIFICATION_STATUSES = [
  'REQUESTED',
  'DISPATCHED',
  'FAILED',
  'DELIVERED',
  'DEAD_LETTERED',
] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

/** The notification log: one row per notification with its attempts, for `GET /v1/notifications`. */
export interface NotificationLogDoc {
  notificationId: string;
  subjectType: string;
  subjectId: string;
  recipient: string;
  channel: string;
  status: NotificationStatus;
  attempts: number;
  maxAttempts: number;
  title: string | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  requestedAt: string;
  deliveredAt: string | null;
  deadLetteredAt: string | null;
  history: { event: string; attempt: number | null; at: string; detail: string | null }[];
}

type Stored<E extends NotificationEvent> = ProjectionEvent<E['type'], E['data']>;
export type NotificationLogEvent = {
  [T in NotificationEvent['type']]: Stored<Extract<NotificationEvent, { type: T }>>;
}[NotificationEvent['type']];

const text = (v: unknown) => (typeof v === 'string' ? v : null);

export const notificationLogProjection = defineProjection<NotificationLogDoc, NotificationLogEvent>({
  name: 'notifications-log',
  version: 1,
  collectionBase: 'ntf_notification_log',
  handles: [
    'NotificationRequested',
    'NotificationDispatched',
    'NotificationDelivered',
    'NotificationFailed',
    'NotificationDeadLettered',
  ],
  id: (e) => e.data.notificationId,
  indexes: [
    {
      fields: { subjectId: 1, requestedAt: -1 },
      why: 'GET /v1/notifications?subjectId= (a report’s notifications)',
    },
    { fields: { status: 1, requestedAt: -1 }, why: 'GET /v1/notifications?status=' },
  ],
  evolve: (doc, e) => {
    if (e.type === 'NotificationRequested') {
      const d = e.data;
      return {
        notificationId: d.notificationId,
        subjectType: text(d.payload['subjectType']) ?? 'report',
        subjectId: text(d.payload['subjectId']) ?? '',
        recipient: d.recipient,
        channel: d.channel,
        status: 'REQUESTED',
        attempts: 0,
        maxAttempts: d.maxAttempts,
        title: text(d.payload['title']),
        lastError: null,
        nextAttemptAt: d.requestedAt,
        requestedAt: d.requestedAt,
        deliveredAt: null,
        deadLetteredAt: null,
        history: [{ event: e.type, attempt: null, at: d.requestedAt, detail: null }],
      };
    }
    if (!doc) return null;
    switch (e.type) {
      case 'NotificationDispatched':
        return {
          ...doc,
          status: 'DISPATCHED',
          attempts: e.data.attempt,
          nextAttemptAt: null,
          history: [
            ...doc.history,
            { event: e.type, attempt: e.data.attempt, at: e.data.dispatchedAt, detail: null },
          ],
        };
      case 'NotificationDelivered':
        return {
          ...doc,
          status: 'DELIVERED',
          deliveredAt: e.data.deliveredAt,
          nextAttemptAt: null,
          history: [
            ...doc.history,
            { event: e.type, attempt: e.data.attempt, at: e.data.deliveredAt, detail: e.data.detail },
          ],
        };
      case 'NotificationFailed':
        return {
          ...doc,
          // A late failure report after a delivery (or a dead letter) does not undo it.
          status: doc.status === 'DELIVERED' || doc.status === 'DEAD_LETTERED' ? doc.status : 'FAILED',
          lastError: e.data.error,
          nextAttemptAt: e.data.nextAttemptAt,
          history: [
            ...doc.history,
            { event: e.type, attempt: e.data.attempt, at: e.data.failedAt, detail: e.data.error },
          ],
        };
      case 'NotificationDeadLettered':
        return {
          ...doc,
          status: 'DEAD_LETTERED',
          deadLetteredAt: e.data.deadLetteredAt,
          lastError: e.data.lastError,
          nextAttemptAt: null,
          history: [
            ...doc.history,
            { event: e.type, attempt: e.data.attempts, at: e.data.deadLetteredAt, detail: e.data.lastError },
          ],
        };
      default:
        return doc;
    }
  },
});
