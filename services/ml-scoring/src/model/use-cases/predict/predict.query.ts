import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsEmpty, ValidateNested } from 'class-validator';
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
