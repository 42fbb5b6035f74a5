import { ApiProperty } from '@nestjs/swagger';
import { IsIn, Matches } from 'class-validator';

export const RECORD_STREAM_ENTITIES = [
  'account',
  'contract',
  'feedback',
  'subscription',
  'contact',
  'intent_signal',
] as const;

export class RecordParams {
  @ApiProperty({
    enum: RECORD_STREAM_ENTITIES,
    description: 'usage rows are no records: see the account features',
  })
  @IsIn(RECORD_STREAM_ENTITIES)
  entity!: (typeof RECORD_STREAM_ENTITIES)[number];

  @ApiProperty({ example: 'crm-42' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_:@/-]{0,127}$/, {
    message: 'externalId must be 1–128 letters, digits or _:@/- (starting with a letter or digit)',
  })
  externalId!: string;
}
