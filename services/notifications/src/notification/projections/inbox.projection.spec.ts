import { ProjectionEvent } from '@foresight/projections';
import { inboxProjection, InboxDoc } from './inbox.projection';
import { NotificationLogEvent } from './notification-log.projection';

const at = '2025-06-16T09:00:00.000Z';
const ev = (type: string, data: Record<string, unknown>, position?: bigint): NotificationLogEvent =>
  ({
    id: `${type}-1`,
    type,
    data,
    stream: 'notification-n1',
    revision: 0,
    tenantId: 't1',
    occurredAt: new Date(at),
    position,
  }) as ProjectionEvent as NotificationLogEvent;
const requested = (channel: string) =>
  ev('NotificationRequested', {
    notificationId: 'n1',
    tenantId: 't1',
    sourceEventId: 'e1',
    recipient: 'owner@acme.test',
    channel,
    payload: { subjectType: 'report', subjectId: 'r1', title: 'Churn risk', accountName: 'Acme' },
    maxAttempts: 3,
    requestedAt: at,
  });

describe('inboxProjection', () => {
  it('keeps in-app notifications only, listed once delivered, with the delivery position as seq', () => {
    expect(inboxProjection.evolve(null, requested('webhook'))).toBeNull();
    const pending = inboxProjection.evolve(null, requested('in_app'))!;
    expect(pending).toMatchObject({
      recipient: 'owner@acme.test',
      delivered: false,
      seq: null,
      accountName: 'Acme',
    });
    const delivered = inboxProjection.evolve(
      pending,
      ev('NotificationDelivered', { notificationId: 'n1', attempt: 1, detail: null, deliveredAt: at }, 42n),
    )!;
    expect(delivered).toMatchObject({ delivered: true, deliveredAt: at, seq: 42 });
  });

  it('read implies seen, and the first time each happened is kept', () => {
    const doc = { ...inboxProjection.evolve(null, requested('in_app'))!, delivered: true } as InboxDoc;
    const read = inboxProjection.evolve(doc, ev('NotificationRead', { notificationId: 'n1', readAt: at }))!;
    expect(read).toMatchObject({ seenAt: at, readAt: at });
    const again = inboxProjection.evolve(
      read,
      ev('NotificationSeen', { notificationId: 'n1', seenAt: '2030-01-01T00:00:00.000Z' }),
    )!;
    expect(again.seenAt).toBe(at);
  });
});
