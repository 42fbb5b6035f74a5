import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsInt, IsNumber, Max, Min, ValidateNested } from 'class-validator';

export class BandRequest {
  @ApiProperty({ minimum: 0, maximum: 1, example: 0.8, description: 'opens a report at or above this' })
  @IsNumber()
  @Min(0)
  @Max(1)
  enter!: number;

  @ApiProperty({
    minimum: 0,
    maximum: 1,
    example: 0.7,
    description: 'the open report ends (signal cleared) below this; must be below enter',
  })
  @IsNumber()
  @Min(0)
  @Max(1)
  exit!: number;
}

export class ThresholdsRequest {
  @ApiProperty({ type: BandRequest, description: 'account churn score' })
  @IsDefined()
  @ValidateNested()
  @Type(() => BandRequest)
  CRITICAL_CHURN!: BandRequest;

  @ApiProperty({ type: BandRequest, description: 'account churn score; enter ≤ CRITICAL_CHURN.enter' })
  @IsDefined()
  @ValidateNested()
  @Type(() => BandRequest)
  PARTIAL_CHURN!: BandRequest;

  @ApiProperty({ type: BandRequest, description: "the contract's account churn score" })
  @IsDefined()
  @ValidateNested()
  @Type(() => BandRequest)
  REVENUE_AT_RISK!: BandRequest;

  @ApiProperty({ type: BandRequest, description: "the subscription's account expansion score" })
  @IsDefined()
  @ValidateNested()
  @Type(() => BandRequest)
  UPSELL!: BandRequest;

  @ApiProperty({ type: BandRequest, description: 'account expansion score' })
  @IsDefined()
  @ValidateNested()
  @Type(() => BandRequest)
  EXPANSION!: BandRequest;
}

class TtlDaysRequest {
  @ApiProperty({ minimum: 1, maximum: 3650 }) @IsInt() @Min(1) @Max(3650) CRITICAL_CHURN!: number;
  @ApiProperty({ minimum: 1, maximum: 3650 }) @IsInt() @Min(1) @Max(3650) PARTIAL_CHURN!: number;
  @ApiProperty({ minimum: 1, maximum: 3650 }) @IsInt() @Min(1) @Max(3650) REVENUE_AT_RISK!: number;
  @ApiProperty({ minimum: 1, maximum: 3650 }) @IsInt() @Min(1) @Max(3650) UPSELL!: number;
  @ApiProperty({ minimum: 1, maximum: 3650 }) @IsInt() @Min(1) @Max(3650) EXPANSION!: number;
}

/** The whole settings document (PUT replaces it); GET answers the same shape. */
export class ChangeSettingsRequest {
  @ApiProperty({ type: ThresholdsRequest })
  @IsDefined()
  @ValidateNested()
  @Type(() => ThresholdsRequest)
  thresholds!: ThresholdsRequest;

  @ApiProperty({ minimum: 1, maximum: 730, example: 90, description: 'REVENUE_AT_RISK renewal window' })
  @IsInt()
  @Min(1)
  @Max(730)
  renewalWindowDays!: number;

  @ApiProperty({
    type: BandRequest,
    description: 'UPSELL: units / unitLimit of a subscription at or above enter is near its limit',
  })
  @IsDefined()
  @ValidateNested()
  @Type(() => BandRequest)
  usageNearLimit!: BandRequest;

  @ApiProperty({ type: TtlDaysRequest, description: 'days a report may stay open before it expires' })
  @IsDefined()
  @ValidateNested()
  @Type(() => TtlDaysRequest)
  ttlDays!: TtlDaysRequest;
}
