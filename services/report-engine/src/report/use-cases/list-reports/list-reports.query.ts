import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min, ValidateIf, IsEmail } from 'class-validator';
import { REPORT_KINDS, ReportKind } from '../../domain/report-kind';
import { REPORT_STATUSES, ReportStatus } from '../../domain/report.state';

export class ListReportsQuery {
  @ApiPropertyOptional({
    example: 'me',
    description: "`me` (the signed-in user's email) or an owner's email",
  })
  @IsOptional()
  @ValidateIf((q: ListReportsQuery) => q.owner !== 'me')
  @IsEmail({}, { message: 'owner must be `me` or an email address' })
  owner?: string;

  @ApiPropertyOptional({ enum: REPORT_STATUSES })
  @IsOptional()
  @IsIn(REPORT_STATUSES)
  status?: ReportStatus;

  @ApiPropertyOptional({ enum: REPORT_KINDS })
  @IsOptional()
  @IsIn(REPORT_KINDS)
  kind?: ReportKind;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ description: '`nextCursor` of the previous page' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,200}$/, { message: 'cursor must be the nextCursor of a previous page' })
  cursor?: string;
}
