import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNumber, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { REPORT_OUTCOMES, ReportOutcomeName } from '@foresight/contracts';

export class SetOutcomeByHandRequest {
  @ApiProperty({ enum: REPORT_OUTCOMES })
  @IsIn(REPORT_OUTCOMES)
  outcome!: ReportOutcomeName;

  @ApiPropertyOptional({
    minimum: -1e12,
    maximum: 1e12,
    example: 48000,
    description:
      'annual revenue moved (negative when lost); left out: the facts’ figure when they agree, else 0',
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-1e12)
  @Max(1e12)
  revenueImpact?: number;

  @ApiPropertyOptional({ maxLength: 2000, example: 'Renewed after the exec call, two seats fewer' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}
