import { Command } from '@foresight/domain';
import { NextBestAction } from './next-best-actions';
import { FeedbackVerdict, ReportData, ReportKind, ReportSubject } from './report-kind';
import { ExpiryCode } from './report.state';

/** A score crossed a kind's threshold (see reportKindFor): the report starts INCOMING. */
export type ReceiveSignal = Command<
  'ReceiveSignal',
  {
    reportId: string;
    tenantId: string;
    kind: ReportKind;
    subject: ReportSubject;
    /** The account owner's email; null while the account record (or its owner) has not arrived yet. */
    ownerId: string | null;
    signalId: string;
    data: ReportData;
    at: string;
  }
>;

/**
 * Load: the INCOMING report becomes visible to its owner, with its ranked next best actions. The
 * owner and fresher data may come with it when they were not known at ReceiveSignal.
 */
export type CreateReport = Command<
  'CreateReport',
  { reportId: string; ownerId?: string; data?: ReportData; nextBestActions: NextBestAction[]; at: string }
>;

/** Notify: ask for the owner to be told about the CREATED report (once), or again after an escalation. */
export type RequestNotification = Command<
  'RequestNotification',
  { reportId: string; accountName: string; title: string; summary: string; at: string }
>;

/** A notification reached the owner; `snapshot` is the data as it was shown to them. */
export type MarkNotified = Command<
  'MarkNotified',
  { reportId: string; notificationId: string; channel: string; snapshot: ReportData; at: string }
>;

export type ProvideFeedback = Command<
  'ProvideFeedback',
  { reportId: string; verdict: FeedbackVerdict; by: string; note?: string | null; at: string }
>;

/** Audit: the source record behind the report was removed. */
export type MarkStale = Command<'MarkStale', { reportId: string; reason: string; at: string }>;

/** Audit: the source became unresolvable, the report outlived its TTL, or its signal cleared. */
export type Expire = Command<'Expire', { reportId: string; code: ExpiryCode; reason: string; at: string }>;

/** The score moved to another kind of the report's family (PARTIAL ↔ CRITICAL churn). */
export type ChangeKind = Command<
  'ChangeKind',
  { reportId: string; kind: ReportKind; data: ReportData; at: string }
>;

/** The owner puts the report aside until a date: no re-notification before then. */
export type Snooze = Command<
  'Snooze',
  { reportId: string; until: string; reason: string; by: string; at: string }
>;

/** An admin removes the report from every list; the stream stays for audit. */
export type DeleteReport = Command<
  'DeleteReport',
  { reportId: string; by: string; reason: string | null; at: string }
>;

/** Audit: the source changed; the latest data moves, the notified-at snapshot stays. */
export type RefreshLatestData = Command<
  'RefreshLatestData',
  { reportId: string; data: ReportData; at: string }
>;

export type ReportCommand =
  | ReceiveSignal
  | CreateReport
  | RequestNotification
  | MarkNotified
  | ProvideFeedback
  | MarkStale
  | Expire
  | RefreshLatestData
  | ChangeKind
  | Snooze
  | DeleteReport;
