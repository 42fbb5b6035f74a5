import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsDefined,
  IsEmail,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

/**
 * What upstream systems send, through `POST /v1/ingest/<entity>` or the `upstream.<source>.<entity>`
 * topics: the same classes validate both, so a record is accepted or rejected for the same reasons
 * whichever way it came.
 */
export const RECORD_ENTITIES = [
  'account',
  'contract',
  'usage',
  'feedback',
  'subscription',
  'contact',
  'intent_signal',
] as const;
export type RecordEntity = (typeof RECORD_ENTITIES)[number];

/** Header of an upstream Kafka message saying what to do with the record (default upsert). */
export const UPSTREAM_OP_HEADER = 'fs-op';
export type UpstreamOp = 'upsert' | 'delete';

const EXTERNAL_ID = /^[A-Za-z0-9][A-Za-z0-9_:@/-]{0,127}$/;
const EXTERNAL_ID_MESSAGE = 'must be 1–128 letters, digits or _:@/- (starting with a letter or digit)';

export class AccountRecord {
  @Matches(EXTERNAL_ID, { message: `externalId ${EXTERNAL_ID_MESSAGE}` })
  externalId!: string;

  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @IsOptional()
  @Matches(/^(?=.{1,253}$)([a-z0-9-]+\.)+[a-z0-9-]+$/i, {
    message: 'domain must be a host name like acme.com',
  })
  domain?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  industry?: string | null;

  /** HubSpot bucket, e.g. "51 to 200". */
  @IsOptional()
  @IsString()
  @MaxLength(40)
  employeeRange?: string | null;

  @IsOptional()
  @IsInt()
  @Min(1)
  webRank?: number | null;

  @IsIn(['customer', 'prospect'])
  lifecycle!: 'customer' | 'prospect';

  @IsOptional()
  @IsISO8601({ strict: true })
  closeDate?: string | null;

  @IsOptional()
  @IsNumber()
  @Min(0)
  mrr?: number | null;

  @IsOptional()
  @IsNumber()
  @Min(0)
  arr?: number | null;

  /** The account owner: receives the account's reports. */
  @IsOptional()
  @IsEmail()
  ownerEmail?: string | null;
}

export class ContractRecord {
  @Matches(EXTERNAL_ID, { message: `externalId ${EXTERNAL_ID_MESSAGE}` })
  externalId!: string;

  @Matches(EXTERNAL_ID, { message: `accountExternalId ${EXTERNAL_ID_MESSAGE}` })
  accountExternalId!: string;

  @IsNumber()
  @Min(0)
  arr!: number;

  @IsISO8601({ strict: true })
  startDate!: string;

  @IsISO8601({ strict: true })
  renewalDate!: string;

  @IsIn(['active', 'pending_renewal', 'cancelled'])
  status!: 'active' | 'pending_renewal' | 'cancelled';
}

export class PerAreaCounts {
  @IsInt() @Min(0) contacts!: number;
  @IsInt() @Min(0) companies!: number;
  @IsInt() @Min(0) deals!: number;
  @IsInt() @Min(0) email!: number;
}

export class UsageRecord {
  @Matches(EXTERNAL_ID, { message: `accountExternalId ${EXTERNAL_ID_MESSAGE}` })
  accountExternalId!: string;

  /** Start of the period the counts cover (weekly rows in the HubSpot data). */
  @IsISO8601({ strict: true })
  at!: string;

  @IsDefined()
  @ValidateNested()
  @Type(() => PerAreaCounts)
  actions!: PerAreaCounts;

  @IsDefined()
  @ValidateNested()
  @Type(() => PerAreaCounts)
  users!: PerAreaCounts;
}

export class FeedbackRecord {
  @Matches(EXTERNAL_ID, { message: `externalId ${EXTERNAL_ID_MESSAGE}` })
  externalId!: string;

  @Matches(EXTERNAL_ID, { message: `accountExternalId ${EXTERNAL_ID_MESSAGE}` })
  accountExternalId!: string;

  @IsISO8601({ strict: true })
  at!: string;

  @IsIn(['nps', 'survey', 'ticket', 'chat', 'review'])
  channel!: 'nps' | 'survey' | 'ticket' | 'chat' | 'review';

  /** NPS 0–10 for nps; CSAT 1–5 for survey; absent for free text. */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10)
  score?: number | null;

  @IsString()
  @MaxLength(10_000)
  text!: string;
}

export const SUBSCRIPTION_STATUSES = ['active', 'trialing', 'past_due', 'cancelled'] as const;

/** A product subscription of an account: seats or units of one plan, with its MRR. */
export class SubscriptionRecord {
  @Matches(EXTERNAL_ID, { message: `externalId ${EXTERNAL_ID_MESSAGE}` })
  externalId!: string;

  @Matches(EXTERNAL_ID, { message: `accountExternalId ${EXTERNAL_ID_MESSAGE}` })
  accountExternalId!: string;

  @IsString()
  @MinLength(1)
  @MaxLength(200)
  product!: string;

  @IsString()
  @MinLength(1)
  @MaxLength(200)
  plan!: string;

  /** Seats or units in use. */
  @IsInt()
  @Min(0)
  units!: number;

  /** Seats or units the plan allows, when it caps them. */
  @IsOptional()
  @IsInt()
  @Min(0)
  unitLimit?: number | null;

  @IsIn(SUBSCRIPTION_STATUSES)
  status!: (typeof SUBSCRIPTION_STATUSES)[number];

  @IsNumber()
  @Min(0)
  mrr!: number;

  @IsISO8601({ strict: true })
  startDate!: string;

  @IsOptional()
  @IsISO8601({ strict: true })
  endDate?: string | null;
}

export const CONTACT_ROLES = ['champion', 'decision_maker', 'user', 'billing', 'other'] as const;

/** A person at an account. */
export class ContactRecord {
  @Matches(EXTERNAL_ID, { message: `externalId ${EXTERNAL_ID_MESSAGE}` })
  externalId!: string;

  @Matches(EXTERNAL_ID, { message: `accountExternalId ${EXTERNAL_ID_MESSAGE}` })
  accountExternalId!: string;

  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @IsEmail()
  email!: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  title?: string | null;

  @IsOptional()
  @IsIn(CONTACT_ROLES)
  role?: (typeof CONTACT_ROLES)[number] | null;
}

export const INTENT_SIGNAL_TYPES = [
  'website',
  'hiring',
  'review_site',
  'funding',
  'technology',
  'other',
] as const;

/** A buyer-intent signal about an account (seed `001_*` `bit_signal`). */
export class IntentSignalRecord {
  @Matches(EXTERNAL_ID, { message: `externalId ${EXTERNAL_ID_MESSAGE}` })
  externalId!: string;

  @Matches(EXTERNAL_ID, { message: `accountExternalId ${EXTERNAL_ID_MESSAGE}` })
  accountExternalId!: string;

  @IsIn(INTENT_SIGNAL_TYPES)
  type!: (typeof INTENT_SIGNAL_TYPES)[number];

  /** 0 (faint) to 100 (strong). */
  @IsNumber()
  @Min(0)
  @Max(100)
  strength!: number;

  @IsISO8601({ strict: true })
  detectedAt!: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  topic?: string | null;

  /** Where the signal was seen, e.g. the page visited or the job posting. */
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  sourceDetail?: string | null;
}

/** Largest REST batch: big enough for bulk loads, small enough to validate and answer within a request. */
export const MAX_BATCH = 1000;

function batchOf<T>(cls: new () => T) {
  class Batch {
    /** The upstream system, e.g. `crm`, `product`, `surveys` (the `<source>` of upstream topics). */
    @Matches(/^[a-z][a-z0-9-]{0,39}$/, {
      message: 'source must be a lowercase name like crm or product-analytics',
    })
    source!: string;

    @ValidateNested({ each: true })
    @ArrayMinSize(1)
    @ArrayMaxSize(MAX_BATCH)
    @Type(() => cls)
    records!: T[];
  }
  return Batch;
}

export class AccountBatch extends batchOf(AccountRecord) {}
export class ContractBatch extends batchOf(ContractRecord) {}
export class UsageBatch extends batchOf(UsageRecord) {}
export class FeedbackBatch extends batchOf(FeedbackRecord) {}
export class SubscriptionBatch extends batchOf(SubscriptionRecord) {}
export class ContactBatch extends batchOf(ContactRecord) {}
export class IntentSignalBatch extends batchOf(IntentSignalRecord) {}

export const RECORD_CLASSES = {
  account: AccountRecord,
  contract: ContractRecord,
  usage: UsageRecord,
  feedback: FeedbackRecord,
  subscription: SubscriptionRecord,
  contact: ContactRecord,
  intent_signal: IntentSignalRecord,
} as const satisfies Record<RecordEntity, new () => object>;
