import { DomainError } from '@foresight/domain';
import { DeciderSpecification } from '@foresight/testing';
import { ReportData } from './report-kind';
import { ReportCommand } from './report.commands';
import { evolve, reportDecider } from './report.decider';
import { ReportEvent } from './report.events';
import { initialReport, Report, toReportStatus } from './report.state';

const spec = DeciderSpecification.for(reportDecider);
const reportId = 'rep-1';
const t = (minute: number) => `2025-06-16T09:${String(minute).padStart(2, '0')}:00.000Z`;
const data = (score: number, values: ReportData['values'] = { activeUsers: 4 }): ReportData => ({
  score,
  modelVersion: 'churn-lr-abc',
  asOf: t(0),
  values,
});

const signal = {
  reportId,
  tenantId: 'tenant-a',
  kind: 'CRITICAL_CHURN' as const,
  subject: { type: 'account' as const, id: 'acc-1', accountId: 'acc-1' },
  ownerId: 'owner-1',
  signalId: 'score-1',
  data: data(0.91),
};
const actions = [{ id: 'exec-call', title: 'Book an executive call', why: [], priority: 50 }];

const received: ReportEvent = { type: 'SignalReceived', data: { ...signal, receivedAt: t(1) } };
const { signalId: _signalId, ...report } = signal;
const created: ReportEvent = {
  type: 'ReportCreated',
  data: { ...report, category: 'risk', nextBestActions: actions, createdAt: t(2) },
};
const notified: ReportEvent = {
  type: 'ReportNotified',
  data: { reportId, notificationId: 'ntf-1', channel: 'webhook', snapshot: data(0.91), notifiedAt: t(3) },
};
const feedback: ReportEvent = {
  type: 'FeedbackProvided',
  data: { reportId, verdict: 'IN_PROGRESS', by: 'owner-1', note: 'called them', providedAt: t(4) },
};
const stale: ReportEvent = {
  type: 'ReportMarkedStale',
  data: { reportId, reason: 'source removed', staleAt: t(5) },
};
const expired: ReportEvent = {
  type: 'ReportExpired',
  data: { reportId, code: 'source_unresolvable', reason: 'source unresolvable', expiredAt: t(5) },
};

const receiveSignal: ReportCommand = { type: 'ReceiveSignal', data: { ...signal, at: t(1) } };
const createReport: ReportCommand = {
  type: 'CreateReport',
  data: { reportId, nextBestActions: actions, at: t(2) },
};
const markNotified: ReportCommand = {
  type: 'MarkNotified',
  data: { reportId, notificationId: 'ntf-1', channel: 'webhook', snapshot: data(0.91), at: t(3) },
};
const provideFeedback: ReportCommand = {
  type: 'ProvideFeedback',
  data: { reportId, verdict: 'IN_PROGRESS', by: 'owner-1', note: 'called them', at: t(4) },
};
const markStale: ReportCommand = {
  type: 'MarkStale',
  data: { reportId, reason: 'source removed', at: t(5) },
};
const expire: ReportCommand = {
  type: 'Expire',
  data: { reportId, code: 'source_unresolvable', reason: 'source unresolvable', at: t(5) },
};
const refresh = (score: number): ReportCommand => ({
  type: 'RefreshLatestData',
  data: { reportId, data: data(score, { activeUsers: 2 }), at: t(6) },
});

const requestNotification: ReportCommand = {
  type: 'RequestNotification',
  data: { reportId, accountName: 'Northwind', title: 'Critical churn risk', summary: 'call them', at: t(2) },
};
const notificationRequested: ReportEvent = {
  type: 'NotificationRequested',
  data: {
    reportId,
    accountId: 'acc-1',
    kind: 'CRITICAL_CHURN',
    recipient: 'owner-1',
    accountName: 'Northwind',
    score: 0.91,
    title: 'Critical churn risk',
    summary: 'call them',
    requestedAt: t(2),
  },
};

const isInvalidTransition = (e: DomainError) =>
  e.code === 'REPORT.INVALID_TRANSITION' && e.kind === 'conflict';
const fold = (events: ReportEvent[]): Report => events.reduce(evolve, initialReport());

describe('report with no stream yet', () => {
  it('ReceiveSignal opens it INCOMING', () => {
    spec.given([]).when(receiveSignal).then(received);
    expect(fold([received]).status).toBe('INCOMING');
  });

  it.each([createReport, markNotified, provideFeedback, markStale, expire, refresh(0.5)])(
    '$type is REPORT.NOT_FOUND',
    (command) => {
      spec
        .given([])
        .when(command)
        .thenThrows(DomainError, (e) => e.code === 'REPORT.NOT_FOUND' && e.kind === 'not_found');
    },
  );
});

describe('INCOMING', () => {
  const history = [received];

  it('CreateReport → CREATED, carrying the whole report and its next best actions', () => {
    spec.given(history).when(createReport).then(created);
    expect(fold([...history, created])).toMatchObject({
      status: 'CREATED',
      kind: 'CRITICAL_CHURN',
      ownerId: 'owner-1',
    });
  });

  it('waits for an owner: CreateReport is refused until one is known, then takes it and fresher data', () => {
    const ownerless: ReportEvent = { type: 'SignalReceived', data: { ...received.data, ownerId: null } };
    spec
      .given(ownerless)
      .when(createReport)
      .thenThrows(DomainError, (e) => isInvalidTransition(e) && /owner is not known/.test(e.message));
    const fresh = data(0.91, { activeUsers: 3, accountName: 'Northwind' });
    const withOwner: ReportCommand = {
      type: 'CreateReport',
      data: { reportId, ownerId: 'owner@northwind.test', data: fresh, nextBestActions: actions, at: t(2) },
    };
    const createdWithOwner: ReportEvent = {
      type: 'ReportCreated',
      data: { ...created.data, ownerId: 'owner@northwind.test', data: fresh },
    };
    spec.given(ownerless).when(withOwner).then(createdWithOwner);
    expect(fold([ownerless, createdWithOwner])).toMatchObject({
      status: 'CREATED',
      ownerId: 'owner@northwind.test',
      latest: { data: fresh, at: t(2) },
    });
  });

  it('refuses to request a notification for a report not created yet', () => {
    spec
      .given(history)
      .when(requestNotification)
      .thenThrows(DomainError, (e) => isInvalidTransition(e) && /not created yet/.test(e.message));
  });

  it('a redelivered ReceiveSignal changes nothing; a different signal is refused', () => {
    spec.given(history).when(receiveSignal).thenNothingHappened();
    spec
      .given(history)
      .when({ type: 'ReceiveSignal', data: { ...signal, signalId: 'score-2', at: t(2) } })
      .thenThrows(DomainError, isInvalidTransition);
  });

  it.each([markNotified, provideFeedback, markStale, expire])('$type is refused', (command) => {
    spec.given(history).when(command).thenThrows(DomainError, isInvalidTransition);
  });
});

describe('CREATED', () => {
  const history = [received, created];

  it('MarkNotified → NOTIFIED with the snapshot shown to the owner', () => {
    spec.given(history).when(markNotified).then(notified);
  });

  it('MarkStale → STALE and Expire → EXPIRED', () => {
    spec.given(history).when(markStale).then(stale);
    spec.given(history).when(expire).then(expired);
  });

  it('refuses feedback before the owner was notified', () => {
    spec
      .given(history)
      .when(provideFeedback)
      .thenThrows(DomainError, (e) => isInvalidTransition(e) && /not been notified/.test(e.message));
  });

  it('RefreshLatestData records changed data and ignores unchanged data', () => {
    spec
      .given(history)
      .when(refresh(0.95))
      .then({
        type: 'LatestDataRefreshed',
        data: { reportId, data: data(0.95, { activeUsers: 2 }), refreshedAt: t(6) },
      });
    spec
      .given(history)
      .when({ type: 'RefreshLatestData', data: { reportId, data: data(0.91), at: t(6) } })
      .thenNothingHappened();
  });

  it('a redelivered CreateReport changes nothing', () => {
    spec.given(history).when(createReport).thenNothingHappened();
  });

  it('RequestNotification asks once, to the owner, with the latest score; a second request is a no-op', () => {
    spec.given(history).when(requestNotification).then(notificationRequested);
    expect(fold([...history, notificationRequested])).toMatchObject({
      status: 'CREATED',
      notificationRequested: { recipient: 'owner-1', at: t(2) },
    });
    spec
      .given([...history, notificationRequested])
      .when({ ...requestNotification, data: { ...requestNotification.data, at: t(9) } } as ReportCommand)
      .thenNothingHappened();
  });

  it('MarkNotified after the request → NOTIFIED', () => {
    spec
      .given([...history, notificationRequested])
      .when(markNotified)
      .then(notified);
  });
});

describe('NOTIFIED', () => {
  const history = [received, created, notified];

  it('ProvideFeedback → FEEDBACK_PROVIDED with who, when and the note', () => {
    spec.given(history).when(provideFeedback).then(feedback);
    expect(fold([...history, feedback])).toMatchObject({
      status: 'FEEDBACK_PROVIDED',
      feedback: { verdict: 'IN_PROGRESS', by: 'owner-1', note: 'called them', at: t(4) },
    });
  });

  it('MarkStale → STALE and Expire → EXPIRED', () => {
    spec.given(history).when(markStale).then(stale);
    spec.given(history).when(expire).then(expired);
  });

  it('a second delivery report (another channel, or a redelivery) keeps the first snapshot', () => {
    spec
      .given(history)
      .when({
        type: 'MarkNotified',
        data: { ...markNotified.data, notificationId: 'ntf-2', channel: 'email', snapshot: data(0.99) },
      } as ReportCommand)
      .thenNothingHappened();
  });

  it('keeps the notified-at snapshot when the latest data moves on', () => {
    const refreshed: ReportEvent = {
      type: 'LatestDataRefreshed',
      data: { reportId, data: data(0.7, { activeUsers: 9 }), refreshedAt: t(6) },
    };
    const state = fold([...history, refreshed]);
    expect(state).toMatchObject({
      status: 'NOTIFIED',
      latest: { data: { score: 0.7, values: { activeUsers: 9 } }, at: t(6) },
      notified: { snapshot: { score: 0.91, values: { activeUsers: 4 } }, at: t(3) },
    });
  });
});

describe('FEEDBACK_PROVIDED', () => {
  const history = [received, created, notified, feedback];

  it('MarkStale → STALE and Expire → EXPIRED', () => {
    spec.given(history).when(markStale).then(stale);
    spec.given(history).when(expire).then(expired);
  });

  it('the owner can revise the answer; the same answer twice is a no-op', () => {
    spec
      .given(history)
      .when({
        type: 'ProvideFeedback',
        data: { reportId, verdict: 'ACCEPTED', by: 'owner-1', note: 'renewal saved', at: t(7) },
      })
      .then({
        type: 'FeedbackProvided',
        data: { reportId, verdict: 'ACCEPTED', by: 'owner-1', note: 'renewal saved', providedAt: t(7) },
      });
    spec.given(history).when(provideFeedback).thenNothingHappened();
  });

  it('a late delivery report or notification request changes nothing', () => {
    spec.given(history).when(markNotified).thenNothingHappened();
    spec.given(history).when(requestNotification).thenNothingHappened();
  });
});

describe.each([
  ['STALE', stale, markStale, expire],
  ['EXPIRED', expired, expire, markStale],
] as const)('%s', (status, ended, repeat, other) => {
  const history = [received, created, notified, ended];

  it('is final: notify, feedback, refresh and the other ending are refused', () => {
    expect(fold(history).status).toBe(status);
    for (const command of [markNotified, provideFeedback, refresh(0.99), requestNotification, other]) {
      spec.given(history).when(command).thenThrows(DomainError, isInvalidTransition);
    }
  });

  it('a repeated audit of the same kind is a no-op', () => {
    spec.given(history).when(repeat).thenNothingHappened();
  });
});

describe('UNKNOWN', () => {
  const fromTheFuture = { type: 'ReportArchived', data: { reportId } } as unknown as ReportEvent;

  it('is what an unrecognised event type folds into', () => {
    expect(fold([received, created, fromTheFuture])).toEqual({
      status: 'UNKNOWN',
      eventType: 'ReportArchived',
    });
  });

  it('is what an event that cannot follow the current status folds into', () => {
    expect(fold([received, feedback]).status).toBe('UNKNOWN');
  });

  it('refuses every command rather than guess', () => {
    spec
      .given([received, created, fromTheFuture])
      .when(markStale)
      .thenThrows(DomainError, (e) => isInvalidTransition(e) && /ReportArchived/.test(e.message));
  });

  it('is the status of anything unrecognised read from storage', () => {
    expect(toReportStatus('NOTIFIED')).toBe('NOTIFIED');
    expect(toReportStatus('ARCHIVED')).toBe('UNKNOWN');
    expect(toReportStatus(undefined)).toBe('UNKNOWN');
  });
});

const toKind = (
  kind: 'PARTIAL_CHURN' | 'CRITICAL_CHURN' | 'UPSELL',
  score: number,
  at = t(7),
): ReportCommand => ({
  type: 'ChangeKind',
  data: { reportId, kind, data: data(score), at },
});
const deescalated: ReportEvent = {
  type: 'ReportKindChanged',
  data: {
    reportId,
    from: 'CRITICAL_CHURN',
    to: 'PARTIAL_CHURN',
    escalated: false,
    data: data(0.65),
    changedAt: t(7),
  },
};
const escalated: ReportEvent = {
  type: 'ReportKindChanged',
  data: {
    ...deescalated.data,
    from: 'PARTIAL_CHURN',
    to: 'CRITICAL_CHURN',
    escalated: true,
    data: data(0.9),
    changedAt: t(8),
  },
};
const snooze = (until: string, at = t(8)): ReportCommand => ({
  type: 'Snooze',
  data: { reportId, until, reason: 'on holiday', by: 'owner-1', at },
});
const snoozed: ReportEvent = {
  type: 'ReportSnoozed',
  data: { reportId, until: '2025-06-20T00:00:00.000Z', reason: 'on holiday', by: 'owner-1', snoozedAt: t(8) },
};
const deleteReport: ReportCommand = {
  type: 'DeleteReport',
  data: { reportId, by: 'admin-1', reason: 'test data', at: t(9) },
};
const deleted: ReportEvent = {
  type: 'ReportDeleted',
  data: { reportId, by: 'admin-1', reason: 'test data', deletedAt: t(9) },
};
const renotifyAt = (at: string): ReportCommand =>
  ({ ...requestNotification, data: { ...requestNotification.data, at } }) as ReportCommand;
const renotified = (at: string): ReportEvent => ({
  type: 'NotificationRequested',
  data: { ...notificationRequested.data, kind: 'CRITICAL_CHURN', score: 0.9, requestedAt: at },
});

describe('one report per family: a change of kind within it', () => {
  const notifiedHistory = [received, created, notificationRequested, notified];

  it('de-escalates an open report instead of opening a second one, without telling the owner again', () => {
    spec.given(notifiedHistory).when(toKind('PARTIAL_CHURN', 0.65)).then(deescalated);
    expect(fold([...notifiedHistory, deescalated])).toMatchObject({
      status: 'NOTIFIED',
      kind: 'PARTIAL_CHURN',
      latest: { data: { score: 0.65 } },
      renotify: false,
    });
    spec
      .given([...notifiedHistory, deescalated])
      .when(renotifyAt(t(9)))
      .thenNothingHappened();
  });

  it('escalation of a notified report asks for the owner to be told again, once', () => {
    const history = [...notifiedHistory, deescalated];
    spec
      .given(history)
      .when(toKind('CRITICAL_CHURN', 0.9, t(8)))
      .then(escalated);
    expect(fold([...history, escalated])).toMatchObject({ kind: 'CRITICAL_CHURN', renotify: true });
    spec
      .given([...history, escalated])
      .when(renotifyAt(t(9)))
      .then(renotified(t(9)));
    spec
      .given([...history, escalated, renotified(t(9))])
      .when(renotifyAt(t(10)))
      .thenNothingHappened();
  });

  it('the same kind again is no change; a kind of another family is refused', () => {
    spec.given(notifiedHistory).when(toKind('CRITICAL_CHURN', 0.95)).thenNothingHappened();
    spec
      .given(notifiedHistory)
      .when(toKind('UPSELL', 0.95))
      .thenThrows(DomainError, (e) => isInvalidTransition(e) && /CHURN family/.test(e.message));
  });

  it('an INCOMING report changes kind too; an ended one is refused', () => {
    spec
      .given([received])
      .when(toKind('PARTIAL_CHURN', 0.65))
      .then({ ...deescalated, data: { ...deescalated.data } });
    spec
      .given([received, created, expired])
      .when(toKind('PARTIAL_CHURN', 0.65))
      .thenThrows(DomainError, isInvalidTransition);
  });
});

describe('signal cleared and TTL: EXPIRED with a recorded code', () => {
  it.each(['signal_cleared', 'ttl_elapsed'] as const)(
    '%s from CREATED, NOTIFIED and FEEDBACK_PROVIDED',
    (code) => {
      const command: ReportCommand = { type: 'Expire', data: { reportId, code, reason: code, at: t(5) } };
      const event: ReportEvent = {
        type: 'ReportExpired',
        data: { reportId, code, reason: code, expiredAt: t(5) },
      };
      for (const history of [
        [received, created],
        [received, created, notified],
        [received, created, notified, feedback],
      ]) {
        spec.given(history).when(command).then(event);
        expect(fold([...history, event])).toMatchObject({ status: 'EXPIRED', code });
      }
    },
  );

  it('an INCOMING report cannot expire (the seed machine); its signal stays with it', () => {
    spec
      .given([received])
      .when({ type: 'Expire', data: { reportId, code: 'signal_cleared', reason: 'cleared', at: t(5) } })
      .thenThrows(DomainError, isInvalidTransition);
  });

  it('an expiry recorded before codes existed folds with no code', () => {
    const legacy: ReportEvent = { type: 'ReportExpired', data: { reportId, reason: 'old', expiredAt: t(5) } };
    expect(fold([received, created, legacy])).toMatchObject({ status: 'EXPIRED', code: null });
  });
});

describe('snooze', () => {
  const escalatedHistory = [received, created, notificationRequested, notified, deescalated];

  it('a live report is snoozed with a reason and an until-date; the same snooze twice is a no-op', () => {
    spec.given([received, created, notified]).when(snooze('2025-06-20T00:00:00.000Z')).then(snoozed);
    spec
      .given([received, created, notified, snoozed])
      .when(snooze('2025-06-20T00:00:00.000Z'))
      .thenNothingHappened();
  });

  it('refuses an until-date not after now, naming the field', () => {
    spec
      .given([received, created])
      .when(snooze(t(1)))
      .thenThrows(DomainError, (e) => e.code === 'REPORT.INVALID_SNOOZE' && e.details?.['field'] === 'until');
  });

  it('is refused for INCOMING and ended reports', () => {
    spec
      .given([received])
      .when(snooze('2025-06-20T00:00:00.000Z'))
      .thenThrows(DomainError, isInvalidTransition);
    spec
      .given([received, created, stale])
      .when(snooze('2025-06-20T00:00:00.000Z'))
      .thenThrows(DomainError, isInvalidTransition);
  });

  it('a snoozed report is not re-notified after an escalation until it wakes', () => {
    const history = [...escalatedHistory, snoozed, escalated];
    spec.given(history).when(renotifyAt('2025-06-19T00:00:00.000Z')).thenNothingHappened();
    spec
      .given(history)
      .when(renotifyAt('2025-06-20T00:00:01.000Z'))
      .then(renotified('2025-06-20T00:00:01.000Z'));
  });

  it('a CREATED report snoozed before its first notification waits too', () => {
    const history = [received, created, { ...snoozed, data: { ...snoozed.data } }];
    spec.given(history).when(renotifyAt('2025-06-19T00:00:00.000Z')).thenNothingHappened();
    spec
      .given(history)
      .when(renotifyAt('2025-06-21T00:00:00.000Z'))
      .then({
        ...notificationRequested,
        data: { ...notificationRequested.data, requestedAt: '2025-06-21T00:00:00.000Z' },
      });
  });
});

describe('delete', () => {
  it.each([
    ['CREATED', [received, created]],
    ['NOTIFIED', [received, created, notified]],
    ['FEEDBACK_PROVIDED', [received, created, notified, feedback]],
    ['STALE', [received, created, stale]],
    ['EXPIRED', [received, created, expired]],
  ] as const)('from %s: an event; the report keeps its status and history', (status, history) => {
    spec
      .given([...history])
      .when(deleteReport)
      .then(deleted);
    expect(fold([...history, deleted])).toMatchObject({
      status,
      deleted: { by: 'admin-1', reason: 'test data', at: t(9) },
    });
  });

  it('is refused for an INCOMING report (the seed deletes loaded reports)', () => {
    spec.given([received]).when(deleteReport).thenThrows(DomainError, isInvalidTransition);
  });

  it('a deleted report accepts nothing more; deleting it again is a no-op', () => {
    const history = [received, created, notified, deleted];
    spec.given(history).when(deleteReport).thenNothingHappened();
    for (const command of [
      provideFeedback,
      markStale,
      expire,
      refresh(0.5),
      snooze('2025-06-20T00:00:00.000Z'),
    ])
      spec
        .given(history)
        .when(command)
        .thenThrows(DomainError, (e) => isInvalidTransition(e) && /deleted/.test(e.message));
  });
});
