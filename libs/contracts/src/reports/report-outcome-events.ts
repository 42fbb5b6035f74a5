import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsIn, IsISO8601, IsNumber, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { defineEvent } from '../registry';
import { Topics } from '../topics';
import { REPORT_KINDS, ReportKindName } from './report-events';

/** What became of a report's account after the report: the outcome ledger's verdicts. */
export const REPORT_OUTCOMES = [
  'renewed',
  'churned',
  'expanded',
  'downgraded',
  'converted',
  'no_change',
] as const;
export type ReportOutcomeName = (typeof REPORT_OUTCOMES)[number];

/**
 * Verified: an ingested fact says so (and no person disagrees); Pending: only a person says so;
 * Disputed: a person and the facts disagree. Labels for training should prefer Verified.
 */
export const OUTCOME_VERIFICATIONS = ['Verified', 'Pending', 'Disputed'] as const;
export type OutcomeVerificationName = (typeof OUTCOME_VERIFICATIONS)[number];

export class ReportOutcomeSubject {
  @IsIn(['account', 'contract', 'product'])
  type!: 'account' | 'contract' | 'product';

  @IsString()
  @MaxLength(200)
  id!: string;
}

/** A report's outcome was set or changed (automatically from facts, or by hand); keyed by account id. */
export class ReportOutcomeRecordedPayload {
  @IsUUID()
  reportId!: string;

  @IsUUID()
  accountId!: string;

  @IsIn(REPORT_KINDS)
  kind!: ReportKindName;

  @ValidateNested()
  @Type(() => ReportOutcomeSubject)
  subject!: ReportOutcomeSubject;

  @IsIn(REPORT_OUTCOMES)
  outcome!: ReportOutcomeName;

  /** Annual revenue the outcome moved: ARR kept or won (positive), lost (negative). */
  @IsNumber()
  revenueImpact!: number;

  @IsIn(OUTCOME_VERIFICATIONS)
  verification!: OutcomeVerificationName;

  /** When the report was raised (its signal arrived). */
  @IsISO8601()
  raisedAt!: string;

  /** When this outcome was decided. */
  @IsISO8601()
  decidedAt!: string;
}

export const ReportOutcomeRecorded = defineEvent({
  type: 'ReportOutcomeRecorded',
  schemaVersion: 1,
  topic: Topics.reportOutcomes,
  payload: ReportOutcomeRecordedPayload,
});
