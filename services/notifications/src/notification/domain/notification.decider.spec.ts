import { DomainError } from '@foresight/domain';
import { DeciderSpecification } from '@foresight/testing';
import { NotificationCommand } from './notification.commands';
import { decide, evolve, notificationDecider } from './notification.decider';
import { NotificationEvent } from './notification.events';
import { notificationIdFor } from './notification-id';
import { initialNotification, Notification } from './notification.state';
import { retryDelaySeconds } from './retry.policy';

const spec = DeciderSpecification.for(notificationDecider);
const key = {
  tenantId: 'tenant-a',
  sourceEventId: 'evt-report-created-1',
  recipient: 'hook-1',
  channel: 'webhook' as const,
};
const notificationId = notificationIdFor(key);
const t = (second: number) => new Date(Date.UTC(2025, 5, 16, 9, 0, second)).toISOString();

const request: NotificationCommand = {
  type: 'RequestNotification',
  data: { notificationId, ...key, payload: { reportId: 'rep-1' }, maxAttempts: 3, at: t(0) },
};
const dispatch = (second: number): NotificationCommand => ({
  type: 'Dispatch',
  data: { notificationId, at: t(second) },
});
const delivered = (attempt: number, second: number): NotificationCommand => ({
  type: 'RecordDelivery',
  data: { notificationId, attempt, detail: 'HTTP 204', at: t(second) },
});
const failure = (attempt: number, second: number, retryable = true): NotificationCommand => ({
  type: 'RecordFailure',
  data: { notificationId, attempt, error: 'HTTP 503', retryable, at: t(second) },
});

const requested: NotificationEvent = {
  type: 'NotificationRequested',
  data: { notificationId, ...key, payload: { reportId: 'rep-1' }, maxAttempts: 3, requestedAt: t(0) },
};
const dispatched = (attempt: number, second: number): NotificationEvent => ({
  type: 'NotificationDispatched',
  data: { notificationId, attempt, dispatchedAt: t(second) },
});
const failed = (attempt: number, second: number, nextAttemptAt: string | null): NotificationEvent => ({
  type: 'NotificationFailed',
  data: { notificationId, attempt, error: 'HTTP 503', nextAttemptAt, failedAt: t(second) },
});

const isConflict = (e: DomainError) => e.code === 'NOTIFICATION.INVALID_TRANSITION' && e.kind === 'conflict';

describe('notificationIdFor', () => {
  it('is the same for the same event, recipient and channel, and differs when any of them differs', () => {
    expect(notificationIdFor({ ...key })).toBe(notificationId);
    expect(notificationIdFor({ ...key, channel: 'email' })).not.toBe(notificationId);
    expect(notificationIdFor({ ...key, recipient: 'hook-2' })).not.toBe(notificationId);
    expect(notificationIdFor({ ...key, sourceEventId: 'evt-2' })).not.toBe(notificationId);
    expect(notificationId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('not yet requested', () => {
  it('RequestNotification → requested', () => {
    spec.given([]).when(request).then(requested);
  });

  it('refuses an id that is not derived from the event, recipient and channel', () => {
    spec
      .given([])
      .when({ ...request, data: { ...request.data, notificationId: 'random-id' } } as NotificationCommand)
      .thenThrows(DomainError, (e) => e.code === 'NOTIFICATION.ID_MISMATCH');
  });

  it('anything else is NOTIFICATION.NOT_FOUND', () => {
    spec
      .given([])
      .when(dispatch(1))
      .thenThrows(DomainError, (e) => e.code === 'NOTIFICATION.NOT_FOUND');
  });
});

describe('requested', () => {
  it('Dispatch → dispatched as attempt 1', () => {
    spec.given([requested]).when(dispatch(1)).then(dispatched(1, 1));
  });

  it('a redelivered request is a no-op', () => {
    spec.given([requested]).when(request).thenNothingHappened();
  });

  it('refuses a delivery or failure report before anything was dispatched', () => {
    spec.given([requested]).when(delivered(1, 2)).thenThrows(DomainError, isConflict);
    spec.given([requested]).when(failure(1, 2)).thenThrows(DomainError, isConflict);
  });
});

describe('dispatched', () => {
  const history = [requested, dispatched(1, 1)];

  it('RecordDelivery → delivered', () => {
    spec
      .given(history)
      .when(delivered(1, 2))
      .then({
        type: 'NotificationDelivered',
        data: { notificationId, attempt: 1, detail: 'HTTP 204', deliveredAt: t(2) },
      });
  });

  it('RecordFailure → failed, with the next attempt after the backoff', () => {
    spec
      .given(history)
      .when(failure(1, 2))
      .then(failed(1, 2, t(2 + retryDelaySeconds(1))));
  });

  it('a failure a retry cannot fix is dead-lettered at once', () => {
    spec
      .given(history)
      .when(failure(1, 2, false))
      .then([
        failed(1, 2, null),
        {
          type: 'NotificationDeadLettered',
          data: { notificationId, attempts: 1, lastError: 'HTTP 503', deadLetteredAt: t(2) },
        },
      ]);
  });

  it('a second Dispatch while in flight sends nothing', () => {
    spec.given(history).when(dispatch(2)).thenNothingHappened();
  });
});

describe('failed (attempt n)', () => {
  const retryAt = 2 + retryDelaySeconds(1);
  const history = [requested, dispatched(1, 1), failed(1, 2, t(retryAt))];

  it('Dispatch when the retry is due → attempt n + 1', () => {
    spec.given(history).when(dispatch(retryAt)).then(dispatched(2, retryAt));
  });

  it('refuses a retry before it is due', () => {
    spec
      .given(history)
      .when(dispatch(retryAt - 1))
      .thenThrows(DomainError, (e) => isConflict(e) && /due at/.test(e.message));
  });

  it('a repeated failure report for the same attempt is a no-op; a late success still counts', () => {
    spec.given(history).when(failure(1, 3)).thenNothingHappened();
    spec
      .given(history)
      .when(delivered(1, 5))
      .then({
        type: 'NotificationDelivered',
        data: { notificationId, attempt: 1, detail: 'HTTP 204', deliveredAt: t(5) },
      });
  });

  it('the last allowed attempt failing → dead lettered after N', () => {
    const third = [
      requested,
      dispatched(1, 1),
      failed(1, 2, t(30)),
      dispatched(2, 40),
      failed(2, 41, t(200)),
      dispatched(3, 210),
    ];
    spec
      .given(third)
      .when(failure(3, 211))
      .then([
        failed(3, 211, null),
        {
          type: 'NotificationDeadLettered',
          data: { notificationId, attempts: 3, lastError: 'HTTP 503', deadLetteredAt: t(211) },
        },
      ]);
  });
});

describe('delivered', () => {
  const history: NotificationEvent[] = [
    requested,
    dispatched(1, 1),
    { type: 'NotificationDelivered', data: { notificationId, attempt: 1, detail: null, deliveredAt: t(2) } },
  ];

  it('never dispatches again, whatever is redelivered', () => {
    for (const command of [request, dispatch(100), delivered(1, 3), failure(1, 3)]) {
      spec.given(history).when(command).thenNothingHappened();
    }
  });
});

describe('dead lettered', () => {
  const history: NotificationEvent[] = [
    requested,
    dispatched(1, 1),
    failed(1, 2, null),
    {
      type: 'NotificationDeadLettered',
      data: { notificationId, attempts: 1, lastError: 'HTTP 410', deadLetteredAt: t(2) },
    },
  ];

  it('refuses further dispatches', () => {
    spec.given(history).when(dispatch(500)).thenThrows(DomainError, isConflict);
  });
});

describe('exactly one delivery under redelivery', () => {
  it('sends once when every command arrives twice', () => {
    const commands = [
      request,
      request,
      dispatch(1),
      dispatch(1),
      delivered(1, 2),
      delivered(1, 2),
      dispatch(3),
    ];
    let state: Notification = initialNotification();
    const events: NotificationEvent[] = [];
    for (const command of commands) {
      for (const event of decide(command, state)) {
        events.push(event);
        state = evolve(state, event);
      }
    }
    expect(events.map((e) => e.type)).toEqual([
      'NotificationRequested',
      'NotificationDispatched',
      'NotificationDelivered',
    ]);
    expect(state.status).toBe('DELIVERED');
  });
});

describe('retryDelaySeconds', () => {
  it('grows geometrically from 30 s and is capped at an hour', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => retryDelaySeconds(n))).toEqual([30, 120, 480, 1920, 3600, 3600]);
  });
});

describe('in-app: seen and read', () => {
  const inApp = { ...key, recipient: 'owner@acme.test', channel: 'in_app' as const };
  const id = notificationIdFor(inApp);
  const req: NotificationEvent = {
    type: 'NotificationRequested',
    data: { notificationId: id, ...inApp, payload: {}, maxAttempts: 3, requestedAt: t(0) },
  };
  const delivered: NotificationEvent[] = [
    req,
    { type: 'NotificationDispatched', data: { notificationId: id, attempt: 1, dispatchedAt: t(1) } },
    {
      type: 'NotificationDelivered',
      data: { notificationId: id, attempt: 1, detail: null, deliveredAt: t(1) },
    },
  ];
  const mark = (type: 'MarkSeen' | 'MarkRead', over: Partial<{ tenantId: string; recipient: string }> = {}) =>
    ({
      type,
      data: { notificationId: id, tenantId: inApp.tenantId, recipient: inApp.recipient, at: t(5), ...over },
    }) as NotificationCommand;

  it('the recipient marks it seen, then read; repeating either changes nothing', () => {
    spec
      .given(delivered)
      .when(mark('MarkSeen'))
      .then({ type: 'NotificationSeen', data: { notificationId: id, seenAt: t(5) } });
    const seen: NotificationEvent = { type: 'NotificationSeen', data: { notificationId: id, seenAt: t(5) } };
    spec
      .given([...delivered, seen])
      .when(mark('MarkSeen'))
      .thenNothingHappened();
    spec
      .given([...delivered, seen])
      .when(mark('MarkRead'))
      .then({ type: 'NotificationRead', data: { notificationId: id, readAt: t(5) } });
    const read: NotificationEvent = { type: 'NotificationRead', data: { notificationId: id, readAt: t(6) } };
    spec
      .given([...delivered, read])
      .when(mark('MarkRead'))
      .thenNothingHappened();
  });

  it('reading is seeing', () => {
    const state = [
      ...delivered,
      { type: 'NotificationRead', data: { notificationId: id, readAt: t(6) } } as NotificationEvent,
    ].reduce(evolve, initialNotification());
    expect(state).toMatchObject({ status: 'DELIVERED', seenAt: t(6), readAt: t(6) });
  });

  it('another user, another tenant, or a non-inbox channel: not found', () => {
    const notFound = (e: DomainError) => e.code === 'NOTIFICATION.NOT_FOUND';
    spec
      .given(delivered)
      .when(mark('MarkSeen', { recipient: 'someone@else.test' }))
      .thenThrows(DomainError, notFound);
    spec
      .given(delivered)
      .when(mark('MarkRead', { tenantId: 'tenant-b' }))
      .thenThrows(DomainError, notFound);
    spec
      .given([requested, dispatched(1, 1)])
      .when({
        type: 'MarkSeen',
        data: { notificationId, tenantId: key.tenantId, recipient: key.recipient, at: t(5) },
      })
      .thenThrows(DomainError, notFound);
  });

  it('not yet delivered: refused', () => {
    spec.given([req]).when(mark('MarkSeen')).thenThrows(DomainError, isConflict);
  });
});
