import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsDefined,
  IsIn,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  ValidateNested,
} from 'class-validator';
import { AccountFeaturesPayload } from '../features/account-features';
import { defineEvent } from '../registry';
import { Topics } from '../topics';
import { RECORD_ENTITIES, RecordEntity } from './upstream-records';

/** A source record's lifecycle, as other services see it (integration view of the record stream). */
class RecordChange {
  /** Stable id of the record: the same (tenant, entity, external id) always maps to it. */
  @IsUUID()
  recordId!: string;

  @IsIn(RECORD_ENTITIES)
  entity!: RecordEntity;

  @IsString()
  source!: string;

  @IsString()
  externalId!: string;

  /** Canonical account the record belongs to (its own id for accounts). */
  @IsUUID()
  accountId!: string;

  @IsISO8601()
  at!: string;
}

export class RecordUpsertedPayload extends RecordChange {
  @IsIn(['created', 'updated'])
  change!: 'created' | 'updated';

  /** Top-level fields that differ from the previous version; empty on creation. */
  @IsArray()
  @IsString({ each: true })
  changedFields!: string[];

  /** The record as it now stands (the validated upstream record). */
  @IsObject()
  data!: Record<string, unknown>;
}

export class RecordRemovedPayload extends RecordChange {
  @IsOptional()
  @IsString()
  reason?: string | null;
}

export class RecordUnresolvablePayload extends RecordChange {
  @IsString()
  reason!: string;
}

export const RecordUpserted = defineEvent({
  type: 'RecordUpserted',
  schemaVersion: 1,
  topic: Topics.ingestionRecords,
  payload: RecordUpsertedPayload,
});
export const RecordRemoved = defineEvent({
  type: 'RecordRemoved',
  schemaVersion: 1,
  topic: Topics.ingestionRecords,
  payload: RecordRemovedPayload,
});
export const RecordUnresolvable = defineEvent({
  type: 'RecordUnresolvable',
  schemaVersion: 1,
  topic: Topics.ingestionRecords,
  payload: RecordUnresolvablePayload,
});

/** An account's usage features moved: ml-scoring rescores it. */
export class AccountFeaturesChangedPayload {
  @IsUUID()
  accountId!: string;

  @IsDefined()
  @ValidateNested()
  @Type(() => AccountFeaturesPayload)
  features!: AccountFeaturesPayload;
}

export const AccountFeaturesChanged = defineEvent({
  type: 'AccountFeaturesChanged',
  schemaVersion: 1,
  topic: Topics.ingestionAccountFeatures,
  payload: AccountFeaturesChangedPayload,
});

/** A feedback item (survey answer, NPS, ticket, …) arrived for an account: voc-signals analyses it. */
export class FeedbackReceivedPayload {
  @IsUUID()
  feedbackId!: string;

  @IsUUID()
  accountId!: string;

  @IsIn(['nps', 'survey', 'ticket', 'chat', 'review'])
  channel!: 'nps' | 'survey' | 'ticket' | 'chat' | 'review';

  @IsOptional()
  score?: number | null;

  @IsString()
  text!: string;

  @IsISO8601()
  at!: string;
}

export const FeedbackReceived = defineEvent({
  type: 'FeedbackReceived',
  schemaVersion: 1,
  topic: Topics.ingestionFeedback,
  payload: FeedbackReceivedPayload,
});
