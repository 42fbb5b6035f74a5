import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { defineEvent } from '../registry';
import { Topics } from '../topics';

export const REPORT_KINDS = [
  'CRITICAL_CHURN',
  'PARTIAL_CHURN',
  'REVENUE_AT_RISK',
  'UPSELL',
  'EXPANSION',
] as const;
export type ReportKindName = (typeof REPORT_KINDS)[number];
export const REPORT_STATUSES = [
  'INCOMING',
  'CREATED',
  'NOTIFIED',
  'FEEDBACK_PROVIDED',
  'EXPIRED',
  'STALE',
  'UNKNOWN',
] as const;
export type ReportStatusName = (typeof REPORT_STATUSES)[number];

export const REPORT_EXPIRY_CODES = ['source_unresolvable', 'ttl_elapsed', 'signal_cleared'] as const;
export type ReportExpiryCode = (typeof REPORT_EXPIRY_CODES)[number];

/** A report's state changed; exports (reverse ETL) and dashboards follow this. */
export class ReportStatusChangedPayload {
  @IsUUID()
  reportId!: string;

  @IsUUID()
  accountId!: string;

  @IsIn(REPORT_KINDS)
  kind!: ReportKindName;

  @IsIn(REPORT_STATUSES)
  status!: ReportStatusName;

  @IsOptional()
  @IsEmail()
  ownerEmail?: string | null;

  /** Why an EXPIRED report ended: source_unresolvable, ttl_elapsed or signal_cleared (absent otherwise). */
  @IsOptional()
  @IsIn(REPORT_EXPIRY_CODES)
  reason?: ReportExpiryCode;

  @IsISO8601()
  at!: string;
}

export const ReportStatusChanged = defineEvent({
  type: 'ReportStatusChanged',
  schemaVersion: 1,
  topic: Topics.reports,
  payload: ReportStatusChangedPayload,
});

/** report-engine asks notifications to tell the owner about a report; delivery comes back as Notification* events. */
export class ReportNotificationRequestedPayload {
  @IsUUID()
  reportId!: string;

  @IsUUID()
  accountId!: string;

  @IsString()
  @MaxLength(200)
  accountName!: string;

  @IsIn(REPORT_KINDS)
  kind!: ReportKindName;

  @IsEmail()
  ownerEmail!: string;

  @IsNumber()
  score!: number;

  @IsString()
  @MaxLength(500)
  title!: string;

  @IsString()
  @MaxLength(5000)
  summary!: string;

  @IsISO8601()
  requestedAt!: string;
}

export const ReportNotificationRequested = defineEvent({
  type: 'ReportNotificationRequested',
  schemaVersion: 1,
  topic: Topics.reportNotificationRequests,
  payload: ReportNotificationRequestedPayload,
});

/**
 * A report moved to another kind of its family (PARTIAL_CHURN ↔ CRITICAL_CHURN) instead of a second
 * report being opened; `escalated` when the new kind is the more severe. Keyed by account id.
 */
export class ReportKindChangedPayload {
  @IsUUID()
  reportId!: string;

  @IsUUID()
  accountId!: string;

  @IsIn(REPORT_KINDS)
  from!: ReportKindName;

  @IsIn(REPORT_KINDS)
  to!: ReportKindName;

  @IsBoolean()
  escalated!: boolean;

  @IsNumber()
  score!: number;

  @IsISO8601()
  at!: string;
}

export const ReportKindChanged = defineEvent({
  type: 'ReportKindChanged',
  schemaVersion: 1,
  topic: Topics.reports,
  payload: ReportKindChangedPayload,
});

/** An admin deleted the report: it leaves every list; its history stays in report-engine. Keyed by account id. */
export class ReportDeletedPayload {
  @IsUUID()
  reportId!: string;

  @IsUUID()
  accountId!: string;

  @IsIn(REPORT_KINDS)
  kind!: ReportKindName;

  @IsString()
  @MaxLength(320)
  by!: string;

  @IsISO8601()
  at!: string;
}

export const ReportDeleted = defineEvent({
  type: 'ReportDeleted',
  schemaVersion: 1,
  topic: Topics.reports,
  payload: ReportDeletedPayload,
});
