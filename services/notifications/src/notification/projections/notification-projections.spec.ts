import { NotificationEvent } from '../domain/notification.events';
import { dueNotificationsProjection, DueNotificationDoc } from './due-notifications.projection';
import {
  NotificationLogDoc,
  NotificationLogEvent,
  notificationLogProjection,
} from './notification-log.projection';

const notificationId = 'n-1';
const t = (s: number) => new Date(Date.UTC(2025, 5, 16, 9, 0, s)).toISOString();
const requested: NotificationEvent = {
  type: 'NotificationRequested',
  data: {
    notificationId,
    tenantId: 'tenant-a',
    sourceEventId: 'evt-1',
    recipient: 'owner@acme.test',
    channel: 'webhook',
    payload: { subjectType: 'report', subjectId: 'rep-1', title: 'Critical churn risk' },
    maxAttempts: 2,
    requestedAt: t(0),
  },
};
const dispatched = (attempt: number, s: number): NotificationEvent => ({
  type: 'NotificationDispatched',
  data: { notificationId, attempt, dispatchedAt: t(s) },
});
const failed = (attempt: number, s: number, next: string | null): NotificationEvent => ({
  type: 'NotificationFailed',
  data: { notificationId, attempt, error: 'HTTP 503', nextAttemptAt: next, failedAt: t(s) },
});
const delivered: NotificationEvent = {
  type: 'NotificationDelivered',
  data: { notificationId, attempt: 2, detail: 'HTTP 204', deliveredAt: t(40) },
};
const deadLettered: NotificationEvent = {
  type: 'NotificationDeadLettered',
  data: { notificationId, attempts: 2, lastError: 'HTTP 503', deadLetteredAt: t(41) },
};
const stored = (e: NotificationEvent, revision: number) =>
  ({
    id: `e-${revision}`,
    type: e.type,
    data: e.data,
    stream: `notification-${notificationId}`,
    revision,
    tenantId: 'tenant-a',
    occurredAt: new Date(t(revision)),
  }) as NotificationLogEvent;
const log = (events: NotificationEvent[]) =>
  events.reduce<NotificationLogDoc | null>(
    (d, e, i) => notificationLogProjection.evolve(d, stored(e, i)),
    null,
  );
const due = (events: NotificationEvent[]) =>
  events.reduce<DueNotificationDoc | null>(
    (d, e, i) => dueNotificationsProjection.evolve(d, stored(e, i)),
    null,
  );

describe('notification log projection', () => {
  it('shows each attempt and the outcome', () => {
    expect(
      log([requested, dispatched(1, 1), failed(1, 2, t(32)), dispatched(2, 32), delivered]),
    ).toMatchObject({
      subjectId: 'rep-1',
      title: 'Critical churn risk',
      status: 'DELIVERED',
      attempts: 2,
      lastError: 'HTTP 503',
      deliveredAt: t(40),
      history: [
        { event: 'NotificationRequested', attempt: null },
        { event: 'NotificationDispatched', attempt: 1 },
        { event: 'NotificationFailed', attempt: 1, detail: 'HTTP 503' },
        { event: 'NotificationDispatched', attempt: 2 },
        { event: 'NotificationDelivered', attempt: 2, detail: 'HTTP 204' },
      ],
    });
  });
});

describe('due notifications projection', () => {
  it('holds a notification while the dispatcher owes it something, and drops it at its outcome', () => {
    expect(due([requested])).toEqual({ notificationId, status: 'REQUESTED', dueAt: t(0) });
    expect(due([requested, dispatched(1, 1)])).toEqual({ notificationId, status: 'DISPATCHED', dueAt: t(1) });
    expect(due([requested, dispatched(1, 1), failed(1, 2, t(32))])).toEqual({
      notificationId,
      status: 'FAILED',
      dueAt: t(32),
    });
    expect(due([requested, dispatched(1, 1), failed(1, 2, t(32)), dispatched(2, 32), delivered])).toBeNull();
    expect(
      due([
        requested,
        dispatched(1, 1),
        failed(1, 2, t(32)),
        dispatched(2, 32),
        failed(2, 41, null),
        deadLettered,
      ]),
    ).toBeNull();
  });
});
