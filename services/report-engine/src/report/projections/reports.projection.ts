import { defineProjection, ProjectionEvent } from '@foresight/projections';
import { FeedbackVerdict, ReportCategory, ReportKind, SubjectType } from '../domain/report-kind';
import { ReportEvent } from '../domain/report.events';
import { categoryOf } from '../domain/report-kind';
import { ReportStatus } from '../domain/report.state';

/*
 * Pure and exported: the report list's read model, and (through `evolve`) the fold time-travel
 * queries run over a report's stream as it stood at an instant. A deleted report leaves the list
 * (the document is removed); its stream remains for audit.
 */

/** One row of the report list: what an owner's inbox and the kind/status filters show. */
export interface ReportListDoc {
  reportId: string;
  kind: ReportKind;
  category: ReportCategory;
  status: ReportStatus;
  subject: { type: SubjectType; id: string; accountId: string };
  accountId: string;
  accountName: string | null;
  /** Lower-cased owner email; null while INCOMING without a known owner. */
  ownerEmail: string | null;
  /** Latest score. */
  score: number;
  title: string | null;
  receivedAt: string;
  createdAt: string | null;
  notifiedAt: string | null;
  feedback: { verdict: FeedbackVerdict; by: string; at: string } | null;
  endedAt: string | null;
  reason: string | null;
  /** Why it EXPIRED (source_unresolvable, ttl_elapsed, signal_cleared); null otherwise or before codes. */
  reasonCode: string | null;
  /** Not re-notified before this; null when never snoozed. */
  snoozedUntil: string | null;
  updatedAt: string;
}

type Stored<E extends ReportEvent> = ProjectionEvent<E['type'], E['data']>;
export type ReportListEvent = {
  [T in ReportEvent['type']]: Stored<Extract<ReportEvent, { type: T }>>;
}[ReportEvent['type']];

const nameIn = (values: Readonly<Record<string, unknown>>): string | null =>
  typeof values['accountName'] === 'string' ? values['accountName'] : null;

export const reportsProjection = defineProjection<ReportListDoc, ReportListEvent>({
  name: 'report-engine-reports',
  // v2: kind changes, snoozes, deletion and expiry codes.
  version: 2,
  collectionBase: 're_reports',
  handles: [
    'SignalReceived',
    'ReportCreated',
    'NotificationRequested',
    'ReportNotified',
    'FeedbackProvided',
    'LatestDataRefreshed',
    'ReportMarkedStale',
    'ReportExpired',
    'ReportKindChanged',
    'ReportSnoozed',
    'ReportDeleted',
  ],
  id: (e) => e.data.reportId,
  indexes: [
    { fields: { ownerEmail: 1, receivedAt: -1 }, why: 'GET /v1/reports?owner=me, newest first' },
    { fields: { status: 1, receivedAt: -1 }, why: 'GET /v1/reports?status=' },
    { fields: { kind: 1, receivedAt: -1 }, why: 'GET /v1/reports?kind=' },
    { fields: { status: 1, _id: 1 }, why: 'admin jobs (notify, audit, delete) walking open reports by id' },
  ],
  evolve: (doc, e) => {
    const at = e.occurredAt.toISOString();
    if (e.type === 'SignalReceived') {
      const d = e.data;
      return {
        reportId: d.reportId,
        kind: d.kind,
        category: categoryOf(d.kind),
        status: 'INCOMING',
        subject: d.subject,
        accountId: d.subject.accountId,
        accountName: nameIn(d.data.values),
        ownerEmail: d.ownerId,
        score: d.data.score,
        title: null,
        receivedAt: d.receivedAt,
        createdAt: null,
        notifiedAt: null,
        feedback: null,
        endedAt: null,
        reason: null,
        reasonCode: null,
        snoozedUntil: null,
        updatedAt: at,
      };
    }
    // Every report stream starts with SignalReceived; anything else first is not a report we know.
    if (!doc) return null;
    const next = { ...doc, updatedAt: at };
    switch (e.type) {
      case 'ReportCreated':
        return {
          ...next,
          status: 'CREATED',
          ownerEmail: e.data.ownerId,
          score: e.data.data.score,
          accountName: nameIn(e.data.data.values) ?? doc.accountName,
          createdAt: e.data.createdAt,
        };
      case 'NotificationRequested':
        return { ...next, title: e.data.title, accountName: e.data.accountName };
      case 'ReportNotified':
        return { ...next, status: 'NOTIFIED', notifiedAt: e.data.notifiedAt };
      case 'FeedbackProvided':
        return {
          ...next,
          status: 'FEEDBACK_PROVIDED',
          feedback: { verdict: e.data.verdict, by: e.data.by, at: e.data.providedAt },
        };
      case 'LatestDataRefreshed':
        return {
          ...next,
          score: e.data.data.score,
          accountName: nameIn(e.data.data.values) ?? doc.accountName,
        };
      case 'ReportMarkedStale':
        return { ...next, status: 'STALE', endedAt: e.data.staleAt, reason: e.data.reason };
      case 'ReportExpired':
        return {
          ...next,
          status: 'EXPIRED',
          endedAt: e.data.expiredAt,
          reason: e.data.reason,
          reasonCode: e.data.code ?? null,
        };
      case 'ReportKindChanged':
        return {
          ...next,
          kind: e.data.to,
          category: categoryOf(e.data.to),
          score: e.data.data.score,
          accountName: nameIn(e.data.data.values) ?? doc.accountName,
        };
      case 'ReportSnoozed':
        return { ...next, snoozedUntil: e.data.until };
      case 'ReportDeleted':
        return null;
      default: {
        const never: never = e;
        return never;
      }
    }
  },
});
