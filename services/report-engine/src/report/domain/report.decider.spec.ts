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
  data: { reportId, reason: 'source unresolvable', expiredAt: t(5) },
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
const expire: ReportCommand = { type: 'Expire', data: { reportId, reason: 'source unresolvable', at: t(5) } };
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
