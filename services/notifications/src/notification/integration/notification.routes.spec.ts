import { parse, Topics } from '@foresight/contracts';
import type { RecordedEvent } from '@foresight/eventstore';
import { randomUUID } from 'node:crypto';
import { notificationRoute } from './notification.routes';

const notificationId = randomUUID();
const subjectId = randomUUID();
const sourceEventId = randomUUID();
const at = '2025-06-16T09:00:00.000Z';
const recorded = (type: string, data: object): RecordedEvent => ({
  id: randomUUID(),
  stream: `notification-${notificationId}`,
  type,
  data,
  metadata: {
    tenantId: 'tenant-a',
    notification: {
      subjectType: 'report',
      subjectId,
      sourceEventId,
      recipient: 'owner@acme.test',
      channel: 'webhook',
    },
  },
  revision: 2,
  position: 5n,
  checkpoint: '5',
  occurredAt: new Date(at),
  recordedAt: new Date(at),
});

describe('notificationRoute', () => {
  it('publishes a delivery keyed by its subject, valid by the NotificationDelivered contract', () => {
    const route = notificationRoute(
      recorded('NotificationDelivered', { notificationId, attempt: 2, detail: 'HTTP 204', deliveredAt: at }),
    );
    expect(route).toMatchObject({
      topic: Topics.notifications,
      key: subjectId,
      type: 'NotificationDelivered',
    });
    expect(parse('NotificationDelivered', route!.payload as object)).toEqual({
      ok: true,
      value: expect.objectContaining({
        notificationId,
        requestEventId: sourceEventId,
        subjectType: 'report',
        subjectId,
        channel: 'webhook',
        recipient: 'owner@acme.test',
        attempt: 2,
        at,
      }),
    });
  });

  it('publishes a dead letter with its attempts and last error', () => {
    const route = notificationRoute(
      recorded('NotificationDeadLettered', {
        notificationId,
        attempts: 5,
        lastError: 'HTTP 503',
        deadLetteredAt: at,
      }),
    );
    expect(parse('NotificationDeadLettered', route!.payload as object)).toEqual({
      ok: true,
      value: expect.objectContaining({
        attempt: 5,
        lastError: 'HTTP 503',
        reason: 'gave up after 5 attempts',
      }),
    });
  });

  it('keeps requests, dispatches and failed attempts inside the service', () => {
    for (const type of ['NotificationRequested', 'NotificationDispatched', 'NotificationFailed'])
      expect(notificationRoute(recorded(type, { notificationId }))).toBeUndefined();
  });
});
