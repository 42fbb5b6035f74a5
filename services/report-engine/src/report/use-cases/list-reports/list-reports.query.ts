import { CursorPageQuery } from '@foresight/service-kit';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, ValidateIf, IsEmail } from 'class-validator';
import { REPORT_KINDS, ReportKind } from '../../domain/report-kind';
import { REPORT_STATUSES, ReportStatus } from '../../domain/report.state';

export class ListReportsQuery extends CursorPageQuery {
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
}
