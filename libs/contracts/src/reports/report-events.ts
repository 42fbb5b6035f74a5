import { IsEmail, IsIn, IsISO8601, IsNumber, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
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
