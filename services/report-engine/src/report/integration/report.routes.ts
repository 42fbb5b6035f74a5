import {
  ReportDeleted,
  ReportDeletedPayload,
  ReportKindChanged,
  ReportKindChangedPayload,
  ReportNotificationRequested,
  ReportNotificationRequestedPayload,
  ReportStatusChanged,
  ReportStatusChangedPayload,
  Topics,
} from '@foresight/contracts';
import { categoryOf, RecordedEvent } from '@foresight/eventstore';
import type { Route } from '@foresight/messaging';
import { ReportEvent } from '../domain/report.events';
import { REPORT_STREAM_CATEGORY } from '../domain/report-id';
import { ReportStatus } from '../domain/report.state';
import { reportRefOf } from '../use-cases/shared/report-streams';

const STATUS_AFTER: Partial<Record<ReportEvent['type'], ReportStatus>> = {
  SignalReceived: 'INCOMING',
  ReportCreated: 'CREATED',
  ReportNotified: 'NOTIFIED',
  FeedbackProvided: 'FEEDBACK_PROVIDED',
  ReportMarkedStale: 'STALE',
  ReportExpired: 'EXPIRED',
};

/**
 * What leaves report-engine: each status change as ReportStatusChanged (keyed by account id, for
 * exports and dashboards; an expiry with its code), each change of kind and each deletion (same
 * topic and key), and each notification request as ReportNotificationRequested (keyed by report
 * id). The other domain events (data refreshes, snoozes) stay inside.
 */
export function reportRoute(recorded: RecordedEvent): Route | undefined {
  if (categoryOf(recorded.stream) !== REPORT_STREAM_CATEGORY) return undefined;
  const event = { type: recorded.type, data: recorded.data } as ReportEvent;
  if (event.type === 'NotificationRequested') {
    const d = event.data;
    const payload: ReportNotificationRequestedPayload = {
      reportId: d.reportId,
      accountId: d.accountId,
      accountName: d.accountName,
      kind: d.kind,
      ownerEmail: d.recipient,
      score: d.score,
      title: d.title,
      summary: d.summary,
      requestedAt: d.requestedAt,
    };
    return { topic: Topics.reportNotificationRequests, type: ReportNotificationRequested.type, payload };
  }
  const ref = reportRefOf(recorded.metadata);
  const at = recorded.occurredAt.toISOString();
  if (event.type === 'ReportKindChanged' && ref) {
    const d = event.data;
    const payload: ReportKindChangedPayload = {
      reportId: d.reportId,
      accountId: ref.accountId,
      from: d.from,
      to: d.to,
      escalated: d.escalated,
      score: d.data.score,
      at,
    };
    return { topic: Topics.reports, key: ref.accountId, type: ReportKindChanged.type, payload };
  }
  if (event.type === 'ReportDeleted' && ref) {
    const payload: ReportDeletedPayload = {
      reportId: event.data.reportId,
      accountId: ref.accountId,
      kind: ref.kind,
      by: event.data.by,
      at,
    };
    return { topic: Topics.reports, key: ref.accountId, type: ReportDeleted.type, payload };
  }
  const status = STATUS_AFTER[event.type];
  if (!status || !ref) return undefined;
  const ownerEmail =
    event.type === 'SignalReceived' || event.type === 'ReportCreated' ? event.data.ownerId : ref.ownerEmail;
  const payload: ReportStatusChangedPayload = {
    reportId: event.data.reportId,
    accountId: ref.accountId,
    kind: ref.kind,
    status,
    ...(ownerEmail ? { ownerEmail } : {}),
    ...(event.type === 'ReportExpired' && event.data.code ? { reason: event.data.code } : {}),
    at,
  };
  return { topic: Topics.reports, key: ref.accountId, type: ReportStatusChanged.type, payload };
}
