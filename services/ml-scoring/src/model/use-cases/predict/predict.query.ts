import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEmpty,
  IsIn,
  IsOptional,
  Matches,
  ValidateNested,
} from 'class-validator';
import { OUTCOMES, Outcome } from '../../domain/point-in-time';
import { AccountFeaturesPayload } from '@foresight/contracts';
import { AccountFeaturesDoc } from './account-features.openapi';

/** Above this a client should stream features through ingestion and read scores, not wait on one request. */
export const MAX_PREDICT_BATCH = 1000;

/** AccountFeatures as the contract validates them, minus the tenant: that comes from the credentials only. */
export class AccountFeaturesInput extends AccountFeaturesPayload {
  // The initialiser only satisfies the compiler's field redeclaration rule; the body's value replaces it.
  @IsEmpty({ message: 'tenantId comes from your credentials; leave it out' })
  override tenantId?: string = undefined;
}

export class PredictBatchRequest {
  @ApiProperty({ type: [AccountFeaturesDoc], minItems: 1, maxItems: MAX_PREDICT_BATCH })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_PREDICT_BATCH)
  @ValidateNested({ each: true })
  @Type(() => AccountFeaturesInput)
  accounts!: AccountFeaturesInput[];
}

/** Which model answers: `modelId` (any trained, shadow or promoted model of yours) or `outcome`'s promoted one. */
export class PredictModelQuery {
  @ApiPropertyOptional({ example: 'churn-all-3f2a9c0d1e4b5a6f', description: 'not together with outcome' })
  @IsOptional()
  @Matches(/^[a-z0-9_-]{1,80}$/, {
    message: 'modelId must be a model id (lower-case letters, digits, - and _)',
  })
  modelId?: string;

  @ApiPropertyOptional({
    enum: OUTCOMES,
    default: 'CHURN',
    description: "the tenant's promoted model for it",
  })
  @IsOptional()
  @IsIn(OUTCOMES)
  outcome?: Outcome;
}
