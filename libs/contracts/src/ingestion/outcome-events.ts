import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  ValidateNested,
} from 'class-validator';
import { defineEvent } from '../registry';
import { Topics } from '../topics';
import { PerAreaCounts } from './upstream-records';

/** One recorded usage row of an account, as ingestion stored it. */
export class UsageRow {
  /** Start of the period the counts cover (ISO-8601). */
  @IsISO8601()
  at!: string;

  @ValidateNested()
  @Type(() => PerAreaCounts)
  actions!: PerAreaCounts;

  @ValidateNested()
  @Type(() => PerAreaCounts)
  users!: PerAreaCounts;
}

/**
 * Usage rows newly recorded (or replaced) for an account. Unlike AccountFeaturesChanged, which is the
 * aggregate as of the latest row, these carry each row with its own time, so a consumer can rebuild
 * the features as of any past cut-off (point-in-time training sets).
 */
export class UsageRecordedPayload {
  @IsUUID()
  accountId!: string;

  @IsString()
  accountExternalId!: string;

  @IsString()
  source!: string;

  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => UsageRow)
  rows!: UsageRow[];

  /** When ingestion recorded them. */
  @IsISO8601()
  at!: string;
}

export const UsageRecorded = defineEvent({
  type: 'UsageRecorded',
  schemaVersion: 1,
  topic: Topics.ingestionUsage,
  payload: UsageRecordedPayload,
});

/**
 * Facts about what happened to an account, derived by ingestion from record changes:
 * - `converted`: an account's lifecycle went prospect → customer;
 * - `lifecycle_left_customer`: customer → prospect (or the account removed while a customer);
 * - `contract_renewed`: a contract's renewal date moved forward while it stayed active;
 * - `contract_ended`: a contract became cancelled (or was removed);
 * - `arr_changed`: a contract's or account's ARR/MRR changed (amountBefore/After say how);
 * - `subscription_added` / `subscription_upgraded` / `subscription_downgraded` / `subscription_ended`.
 */
export const OUTCOME_FACTS = [
  'converted',
  'lifecycle_left_customer',
  'contract_renewed',
  'contract_ended',
  'arr_changed',
  'subscription_added',
  'subscription_upgraded',
  'subscription_downgraded',
  'subscription_ended',
] as const;
export type OutcomeFactName = (typeof OUTCOME_FACTS)[number];

export class OutcomeObservedPayload {
  /** Deterministic: the same record change always yields the same fact id. */
  @IsUUID()
  factId!: string;

  @IsUUID()
  accountId!: string;

  @IsIn(OUTCOME_FACTS)
  fact!: OutcomeFactName;

  @IsIn(['account', 'contract', 'subscription'])
  subjectType!: 'account' | 'contract' | 'subscription';

  /** Record id of the subject (the account's id for account facts). */
  @IsUUID()
  subjectId!: string;

  /** Annual amount before and after (ARR; MRR × 12 where only MRR is known); null when not applicable. */
  @IsOptional()
  @IsNumber()
  amountBefore?: number | null;

  @IsOptional()
  @IsNumber()
  amountAfter?: number | null;

  /** When it happened in the business (close date, renewal date, end date), else when it was seen. */
  @IsISO8601()
  effectiveAt!: string;

  /** When ingestion observed it. */
  @IsISO8601()
  at!: string;
}

export const OutcomeObserved = defineEvent({
  type: 'OutcomeObserved',
  schemaVersion: 1,
  topic: Topics.ingestionOutcomeFacts,
  payload: OutcomeObservedPayload,
});
