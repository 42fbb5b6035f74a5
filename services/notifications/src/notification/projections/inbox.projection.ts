import { defineProjection } from '@foresight/projections';
import { NotificationLogEvent } from './notification-log.projection';

/**
 * Each user's in-app inbox: one document per in-app notification, listed once delivered. `seq` is the
 * delivery event's global position in the event store, so it only grows in the order the projection
 * applies deliveries: the SSE stream's event id, and where a reconnecting client resumes.
 */
export interface InboxDoc {
  notificationId: string;
  /** The user's e-mail, lower-cased: how reports name their owner and how a user's token names them. */
  recipient: string;
  subjectType: string;
  subjectId: string;
  title: string | null;
  summary: string | null;
  accountName: string | null;
  kind: string | null;
  createdAt: string;
  delivered: boolean;
  deliveredAt: string | null;
  seq: number | null;
  seenAt: string | null;
  readAt: string | null;
}

const text = (v: unknown) => (typeof v === 'string' ? v : null);

export const inboxProjection = defineProjection<InboxDoc, NotificationLogEvent>({
  name: 'notifications-inbox',
  version: 1,
  collectionBase: 'ntf_inbox',
  handles: ['NotificationRequested', 'NotificationDelivered', 'NotificationSeen', 'NotificationRead'],
  id: (e) => e.data.notificationId,
  indexes: [
    { fields: { recipient: 1, delivered: 1, deliveredAt: -1 }, why: 'GET /v1/inbox, newest first' },
    { fields: { recipient: 1, seq: 1 }, why: 'GET /v1/inbox/stream: what came after Last-Event-ID' },
  ],
  evolve: (doc, e) => {
    switch (e.type) {
      case 'NotificationRequested': {
        if (e.data.channel !== 'in_app') return null;
        const p = e.data.payload;
        return {
          notificationId: e.data.notificationId,
          recipient: e.data.recipient,
          subjectType: text(p['subjectType']) ?? 'report',
          subjectId: text(p['subjectId']) ?? '',
          title: text(p['title']),
          summary: text(p['summary']),
          accountName: text(p['accountName']),
          kind: text(p['kind']),
          createdAt: e.data.requestedAt,
          delivered: false,
          deliveredAt: null,
          seq: null,
          seenAt: null,
          readAt: null,
        };
      }
      case 'NotificationDelivered':
        return doc
          ? {
              ...doc,
              delivered: true,
              deliveredAt: e.data.deliveredAt,
              seq: e.position === undefined ? null : Number(e.position),
            }
          : null;
      case 'NotificationSeen':
        return doc ? { ...doc, seenAt: doc.seenAt ?? e.data.seenAt } : null;
      case 'NotificationRead':
        return doc
          ? { ...doc, seenAt: doc.seenAt ?? e.data.readAt, readAt: doc.readAt ?? e.data.readAt }
          : null;
      default:
        return doc;
    }
  },
});
