import { ReportEvent } from '../domain/report.events';
import { ReportListDoc, ReportListEvent, reportsProjection } from './reports.projection';

const reportId = 'rep-1';
const t = (minute: number) => `2025-06-16T09:${String(minute).padStart(2, '0')}:00.000Z`;
const data = (score: number) => ({
  score,
  modelVersion: 'm',
  asOf: t(0),
  values: { accountName: 'Northwind' },
});
const events: ReportEvent[] = [
  {
    type: 'SignalReceived',
    data: {
      reportId,
      tenantId: 'tenant-a',
      kind: 'CRITICAL_CHURN',
      subject: { type: 'account', id: 'acc-1', accountId: 'acc-1' },
      ownerId: null,
      signalId: 'score-1',
      data: data(0.91),
      receivedAt: t(1),
    },
  },
  {
    type: 'ReportCreated',
    data: {
      reportId,
      tenantId: 'tenant-a',
      kind: 'CRITICAL_CHURN',
      category: 'risk',
      subject: { type: 'account', id: 'acc-1', accountId: 'acc-1' },
      ownerId: 'owner@northwind.test',
      data: data(0.91),
      nextBestActions: [],
      createdAt: t(2),
    },
  },
  {
    type: 'NotificationRequested',
    data: {
      reportId,
      accountId: 'acc-1',
      kind: 'CRITICAL_CHURN',
      recipient: 'owner@northwind.test',
      accountName: 'Northwind',
      score: 0.91,
      title: 'Critical churn risk: Northwind',
      summary: '…',
      requestedAt: t(2),
    },
  },
  {
    type: 'ReportNotified',
    data: { reportId, notificationId: 'n-1', channel: 'webhook', snapshot: data(0.91), notifiedAt: t(3) },
  },
  { type: 'LatestDataRefreshed', data: { reportId, data: data(0.95), refreshedAt: t(4) } },
  {
    type: 'FeedbackProvided',
    data: { reportId, verdict: 'ACCEPTED', by: 'owner@northwind.test', note: null, providedAt: t(5) },
  },
  { type: 'ReportMarkedStale', data: { reportId, reason: 'removed', staleAt: t(6) } },
];
const stored = (e: ReportEvent, revision: number): ReportListEvent =>
  ({
    id: `e-${revision}`,
    type: e.type,
    data: e.data,
    stream: `report-${reportId}`,
    revision,
    tenantId: 'tenant-a',
    occurredAt: new Date(t(revision + 1)),
  }) as ReportListEvent;
const fold = (list: ReportEvent[]) =>
  list.reduce<ReportListDoc | null>((doc, e, i) => reportsProjection.evolve(doc, stored(e, i)), null);

describe('reports projection', () => {
  it('follows the report from INCOMING to STALE, as the list shows it', () => {
    expect(fold(events.slice(0, 1))).toMatchObject({
      status: 'INCOMING',
      ownerEmail: null,
      accountName: 'Northwind',
    });
    expect(fold(events.slice(0, 4))).toMatchObject({
      status: 'NOTIFIED',
      ownerEmail: 'owner@northwind.test',
      title: 'Critical churn risk: Northwind',
      createdAt: t(2),
      notifiedAt: t(3),
    });
    expect(fold(events)).toMatchObject({
      status: 'STALE',
      score: 0.95,
      feedback: { verdict: 'ACCEPTED', by: 'owner@northwind.test', at: t(5) },
      endedAt: t(6),
      reason: 'removed',
      receivedAt: t(1),
    });
  });

  it('keys every event on its report, and ignores a stream that does not start with a signal', () => {
    expect(events.map((e, i) => reportsProjection.id(stored(e, i)))).toEqual(events.map(() => reportId));
    expect(reportsProjection.evolve(null, stored(events[3]!, 3))).toBeNull();
  });

  it('follows a change of kind, a snooze and an expiry code; a deletion removes the row, also on replay', () => {
    const [received, created] = events;
    const later: ReportEvent[] = [
      received!,
      created!,
      {
        type: 'ReportKindChanged',
        data: {
          reportId,
          from: 'CRITICAL_CHURN',
          to: 'PARTIAL_CHURN',
          escalated: false,
          data: data(0.66),
          changedAt: t(7),
        },
      },
      {
        type: 'ReportSnoozed',
        data: { reportId, until: '2025-07-01T00:00:00.000Z', reason: 'holiday', by: 'o', snoozedAt: t(8) },
      },
    ];
    expect(fold(later)).toMatchObject({
      kind: 'PARTIAL_CHURN',
      category: 'risk',
      score: 0.66,
      snoozedUntil: '2025-07-01T00:00:00.000Z',
    });
    const expired: ReportEvent = {
      type: 'ReportExpired',
      data: { reportId, code: 'signal_cleared', reason: 'cleared', expiredAt: t(9) },
    };
    expect(fold([...later, expired])).toMatchObject({ status: 'EXPIRED', reasonCode: 'signal_cleared' });
    const deleted: ReportEvent = {
      type: 'ReportDeleted',
      data: { reportId, by: 'admin', reason: null, deletedAt: t(10) },
    };
    expect(fold([...later, expired, deleted])).toBeNull();
    // Replayed from the start (a rebuild), the deleted report stays gone.
    const all = [...later, expired, deleted];
    expect(fold([...all, ...all.slice(2)])).toBeNull();
  });
});
