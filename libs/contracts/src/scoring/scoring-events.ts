import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsIn,
  IsISO8601,
  IsNumber,
  IsString,
  IsUUID,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { defineEvent } from '../registry';
import { Topics } from '../topics';

export class FeatureContribution {
  @IsString()
  feature!: string;

  /** Signed share of the log-odds this feature added for this account. */
  @IsNumber()
  contribution!: number;
}

/** A model's output for one account, published when it moved (model version included for lineage). */
export class AccountScoredPayload {
  @IsUUID()
  accountId!: string;

  @IsIn(['CHURN', 'CONVERSION', 'EXPANSION'])
  outcome!: 'CHURN' | 'CONVERSION' | 'EXPANSION';

  @IsNumber()
  @Min(0)
  @Max(1)
  probability!: number;

  @IsIn([0, 1])
  prediction!: 0 | 1;

  @IsIn(['high', 'medium', 'low'])
  confidence!: 'high' | 'medium' | 'low';

  @IsString()
  modelVersion!: string;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => FeatureContribution)
  topContributors!: FeatureContribution[];

  @IsISO8601()
  scoredAt!: string;
}

export const AccountScored = defineEvent({
  type: 'AccountScored',
  schemaVersion: 1,
  topic: Topics.scoringAccountScores,
  payload: AccountScoredPayload,
});
