import { NextBestAction } from './next-best-actions';
import { FeedbackVerdict, ReportData, ReportKind, ReportSubject } from './report-kind';

/** The seed's report statuses; UNKNOWN stands for anything this version does not recognise. */
export const REPORT_STATUSES = [
  'INCOMING',
  'CREATED',
  'NOTIFIED',
  'FEEDBACK_PROVIDED',
  'EXPIRED',
  'STALE',
  'UNKNOWN',
] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** A status read from storage or another service; an unrecognised value is UNKNOWN, never a guess. */
export function toReportStatus(value: unknown): ReportStatus {
  return typeof value === 'string' && (REPORT_STATUSES as readonly string[]).includes(value)
    ? (value as ReportStatus)
    : 'UNKNOWN';
}

interface ReportBody {
  reportId: string;
  tenantId: string;
  kind: ReportKind;
  subject: ReportSubject;
  /** The owner's email; null only while INCOMING. */
  ownerId: string | null;
  signalId: string;
  latest: { data: ReportData; at: string };
  /** The owner put it aside: not re-notified before `until`. */
  snoozed?: { until: string; reason: string; by: string; at: string };
  /** Escalated since the owner was last told: the next notify step tells them again. */
  renotify?: boolean;
  /** Deleted by an admin: out of every list, no command applies; the stream stays for audit. */
  deleted?: { by: string; reason: string | null; at: string };
}

interface Created extends ReportBody {
  ownerId: string;
  createdAt: string;
  nextBestActions: NextBestAction[];
  /** Set once the owner's notification was asked for, so it is asked for once. */
  notificationRequested?: { recipient: string; at: string };
}

interface Notified extends Created {
  notified: { notificationId: string; channel: string; at: string; snapshot: ReportData };
}

interface WithFeedback extends Notified {
  feedback: { verdict: FeedbackVerdict; by: string; note: string | null; at: string };
}

/** Ended reports keep what they were, so a late command can be told what it conflicts with. */
type Ended = Created & Partial<Pick<WithFeedback, 'notified' | 'feedback'>>;

export type Report =
  | { status: 'EMPTY' }
  | ({ status: 'INCOMING' } & ReportBody)
  | ({ status: 'CREATED' } & Created)
  | ({ status: 'NOTIFIED' } & Notified)
  | ({ status: 'FEEDBACK_PROVIDED' } & WithFeedback)
  | ({ status: 'EXPIRED'; expiredAt: string; reason: string; code: ExpiryCode | null } & Ended)
  | ({ status: 'STALE'; staleAt: string; reason: string } & Ended)
  | { status: 'UNKNOWN'; eventType: string };

/**
 * Why a report expired: its source became unresolvable (seed Source_Unresolvable), it outlived its
 * kind's TTL, or the signal that raised it cleared (ADR 0014: the seed names no state for "Close CTA").
 */
export const EXPIRY_CODES = ['source_unresolvable', 'ttl_elapsed', 'signal_cleared'] as const;
export type ExpiryCode = (typeof EXPIRY_CODES)[number];

export const initialReport = (): Report => ({ status: 'EMPTY' });
