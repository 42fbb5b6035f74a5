import { ApiProperty } from '@nestjs/swagger';
import { TIERS, Tier } from '@foresight/contracts';
import { IsIn } from 'class-validator';

export class ChangeTenantTierRequest {
  @ApiProperty({ enum: TIERS })
  @IsIn(TIERS)
  tier!: Tier;
}
