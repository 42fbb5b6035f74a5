import { parse, Topics } from '@foresight/contracts';
import type { RecordedEvent } from '@foresight/eventstore';
import { randomUUID } from 'node:crypto';
import { reportRoute } from './report.routes';

const reportId = randomUUID();
const accountId = randomUUID();
const at = new Date('2025-06-16T09:00:00.000Z');
const recorded = (type: string, data: object, report?: object): RecordedEvent => ({
  id: randomUUID(),
  stream: `report-${reportId}`,
  type,
  data,
  metadata: { tenantId: 'tenant-a', ...(report ? { report } : {}) },
  revision: 3,
  position: 10n,
  checkpoint: '10',
  occurredAt: at,
  recordedAt: at,
});
const ref = { accountId, kind: 'CRITICAL_CHURN', ownerEmail: 'owner@northwind.test' };

describe('reportRoute', () => {
  it('publishes a notification request as ReportNotificationRequested, keyed by report, valid by its contract', () => {
    const route = reportRoute(
      recorded(
        'NotificationRequested',
        {
          reportId,
          accountId,
          kind: 'CRITICAL_CHURN',
          recipient: 'owner@northwind.test',
          accountName: 'Northwind',
          score: 0.93,
          title: 'Critical churn risk: Northwind',
          summary: 'Northwind scores 93% for churn.',
          requestedAt: at.toISOString(),
        },
        ref,
      ),
    );
    expect(route).toMatchObject({
      topic: Topics.reportNotificationRequests,
      type: 'ReportNotificationRequested',
    });
    expect(route?.key).toBeUndefined();
    expect(parse('ReportNotificationRequested', route!.payload as object)).toMatchObject({
      ok: true,
      value: { reportId, ownerEmail: 'owner@northwind.test', accountName: 'Northwind', score: 0.93 },
    });
  });

  it('publishes each status change as ReportStatusChanged keyed by account, valid by its contract', () => {
    const route = reportRoute(
      recorded('ReportMarkedStale', { reportId, reason: 'removed', staleAt: at.toISOString() }, ref),
    );
    expect(route).toMatchObject({ topic: Topics.reports, key: accountId, type: 'ReportStatusChanged' });
    expect(parse('ReportStatusChanged', route!.payload as object)).toEqual({
      ok: true,
      value: expect.objectContaining({
        reportId,
        accountId,
        kind: 'CRITICAL_CHURN',
        status: 'STALE',
        ownerEmail: 'owner@northwind.test',
        at: at.toISOString(),
      }),
    });
  });

  it('an expiry carries its code; a change of kind and a deletion leave as their own events', () => {
    const expired = reportRoute(
      recorded(
        'ReportExpired',
        { reportId, code: 'signal_cleared', reason: 'cleared', expiredAt: at.toISOString() },
        ref,
      ),
    );
    expect(parse('ReportStatusChanged', expired!.payload as object)).toMatchObject({
      ok: true,
      value: { status: 'EXPIRED', reason: 'signal_cleared' },
    });
    const data = { score: 0.91, modelVersion: 'm', asOf: at.toISOString(), values: {} };
    const changed = reportRoute(
      recorded(
        'ReportKindChanged',
        {
          reportId,
          from: 'PARTIAL_CHURN',
          to: 'CRITICAL_CHURN',
          escalated: true,
          data,
          changedAt: at.toISOString(),
        },
        ref,
      ),
    );
    expect(changed).toMatchObject({ topic: Topics.reports, key: accountId, type: 'ReportKindChanged' });
    expect(parse('ReportKindChanged', changed!.payload as object)).toMatchObject({
      ok: true,
      value: { from: 'PARTIAL_CHURN', to: 'CRITICAL_CHURN', escalated: true, score: 0.91 },
    });
    const deleted = reportRoute(
      recorded(
        'ReportDeleted',
        { reportId, by: 'admin@t.test', reason: null, deletedAt: at.toISOString() },
        ref,
      ),
    );
    expect(parse('ReportDeleted', deleted!.payload as object)).toMatchObject({
      ok: true,
      value: { reportId, accountId, kind: 'CRITICAL_CHURN', by: 'admin@t.test' },
    });
  });

  it('takes the owner from the event when the report gets one, and leaves it out while unknown', () => {
    const received = reportRoute(
      recorded('SignalReceived', { reportId, ownerId: null }, { ...ref, ownerEmail: null }),
    );
    expect(received?.payload).toMatchObject({ status: 'INCOMING' });
    expect(received?.payload).not.toHaveProperty('ownerEmail');
  });

  it('keeps data refreshes, and anything not on a report stream, inside the service', () => {
    expect(reportRoute(recorded('LatestDataRefreshed', { reportId }, ref))).toBeUndefined();
    expect(reportRoute(recorded('ReportSnoozed', { reportId }, ref))).toBeUndefined();
    const foreign = {
      ...recorded('NotificationRequested', { notificationId: 'n-1' }),
      stream: 'notification-n-1',
    };
    expect(reportRoute(foreign)).toBeUndefined();
  });
});
