import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { FEEDBACK_VERDICTS, FeedbackVerdict } from '../../domain/report-kind';

export class ProvideFeedbackRequest {
  @ApiProperty({
    enum: FEEDBACK_VERDICTS,
    description:
      'ACCEPTED: acknowledged, acting on it; IN_PROGRESS: working on it; NO_ACTION: acknowledged, no action; DISMISSED: disagree',
  })
  @IsIn(FEEDBACK_VERDICTS)
  outcome!: FeedbackVerdict;

  @ApiPropertyOptional({ maxLength: 2000, example: 'Booked a call with their VP for Thursday' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}
