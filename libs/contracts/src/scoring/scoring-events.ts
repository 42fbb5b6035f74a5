import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
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

/** An event a score was computed from: its stream in the producer's store and its revision there. */
export class ScoreInputPosition {
  @IsString()
  stream!: string;

  @IsInt()
  @Min(0)
  revision!: number;
}

/**
 * A model's output for one account, published when it moved. The lineage fields (model id, segment,
 * feature hash, input positions, fallback) are optional so consumers written before them keep working;
 * ml-scoring always sets them.
 */
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

  /** The model that computed it: a tenant model's id, or the platform baseline's. */
  @IsOptional()
  @IsString()
  modelId?: string;

  /** Accounts the model serves (`all` for a tenant-wide model). */
  @IsOptional()
  @IsString()
  segment?: string;

  /** SHA-256 of the feature vector as the model read it (canonical JSON): the same inputs hash the same. */
  @IsOptional()
  @IsString()
  featureHash?: string;

  /** The newest record and usage events the features were computed from. */
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ScoreInputPosition)
  inputs?: ScoreInputPosition[];

  /** True when the platform baseline scored it because the tenant has no promoted model for the outcome. */
  @IsOptional()
  @IsBoolean()
  fallback?: boolean;

  /** Why the fallback was used; absent when the tenant's own model scored. */
  @IsOptional()
  @IsString()
  fallbackReason?: string;
}

export const AccountScored = defineEvent({
  type: 'AccountScored',
  schemaVersion: 1,
  topic: Topics.scoringAccountScores,
  payload: AccountScoredPayload,
});
