import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsISO8601, IsOptional, IsUUID } from 'class-validator';
import { REPORT_KINDS } from '../../../report/domain/report-kind';
import { REPORT_STATUSES } from '../../../report/domain/report.state';

export class RunJobRequest {
  @ApiPropertyOptional({
    format: 'date-time',
    description: 'the moment the run judges as of (TTL, renewal windows); default: now',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  at?: string;
}

/** A bulk delete: every given field narrows; at least one is required. */
export class DeleteReportsRequest extends RunJobRequest {
  @ApiPropertyOptional({ enum: REPORT_KINDS })
  @IsOptional()
  @IsIn(REPORT_KINDS)
  kind?: string;

  @ApiPropertyOptional({ enum: REPORT_STATUSES })
  @IsOptional()
  @IsIn(REPORT_STATUSES)
  status?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  accountId?: string;

  @ApiPropertyOptional({ format: 'email' })
  @IsOptional()
  @IsEmail()
  ownerEmail?: string;
}
