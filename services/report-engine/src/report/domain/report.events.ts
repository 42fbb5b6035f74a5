import { Event } from '@foresight/domain';
import { NextBestAction } from './next-best-actions';
import { FeedbackVerdict, ReportCategory, ReportData, ReportKind, ReportSubject } from './report-kind';
import { ExpiryCode } from './report.state';

export type SignalReceived = Event<
  'SignalReceived',
  {
    reportId: string;
    tenantId: string;
    kind: ReportKind;
    subject: ReportSubject;
    /** The account owner's email; null until it is known (the report then waits INCOMING). */
    ownerId: string | null;
    /** Id of the score/signal message, so a redelivery is recognised. */
    signalId: string;
    data: ReportData;
    receivedAt: string;
  }
>;

/** Carries the whole report so a read model can be built from this one event. */
export type ReportCreated = Event<
  'ReportCreated',
  {
    reportId: string;
    tenantId: string;
    kind: ReportKind;
    category: ReportCategory;
    subject: ReportSubject;
    ownerId: string;
    data: ReportData;
    nextBestActions: NextBestAction[];
    createdAt: string;
  }
>;

/** Carries what the notification says, so the relay can publish the request from this event alone. */
export type NotificationRequested = Event<
  'NotificationRequested',
  {
    reportId: string;
    accountId: string;
    kind: ReportKind;
    /** The owner's email. */
    recipient: string;
    accountName: string;
    score: number;
    title: string;
    summary: string;
    requestedAt: string;
  }
>;

export type ReportNotified = Event<
  'ReportNotified',
  { reportId: string; notificationId: string; channel: string; snapshot: ReportData; notifiedAt: string }
>;

export type FeedbackProvided = Event<
  'FeedbackProvided',
  { reportId: string; verdict: FeedbackVerdict; by: string; note: string | null; providedAt: string }
>;

export type LatestDataRefreshed = Event<
  'LatestDataRefreshed',
  { reportId: string; data: ReportData; refreshedAt: string }
>;

export type ReportMarkedStale = Event<
  'ReportMarkedStale',
  { reportId: string; reason: string; staleAt: string }
>;

/** `code` is absent on reports expired before codes existed (all of them source_unresolvable). */
export type ReportExpired = Event<
  'ReportExpired',
  { reportId: string; code?: ExpiryCode; reason: string; expiredAt: string }
>;

/** `escalated`: the new kind is more severe; the owner is told again (unless snoozed). */
export type ReportKindChanged = Event<
  'ReportKindChanged',
  {
    reportId: string;
    from: ReportKind;
    to: ReportKind;
    escalated: boolean;
    data: ReportData;
    changedAt: string;
  }
>;

export type ReportSnoozed = Event<
  'ReportSnoozed',
  { reportId: string; until: string; reason: string; by: string; snoozedAt: string }
>;

export type ReportDeleted = Event<
  'ReportDeleted',
  { reportId: string; by: string; reason: string | null; deletedAt: string }
>;

export type ReportEvent =
  | SignalReceived
  | ReportCreated
  | NotificationRequested
  | ReportNotified
  | FeedbackProvided
  | LatestDataRefreshed
  | ReportMarkedStale
  | ReportExpired
  | ReportKindChanged
  | ReportSnoozed
  | ReportDeleted;
