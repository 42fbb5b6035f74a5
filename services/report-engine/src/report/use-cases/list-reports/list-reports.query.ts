import { CursorPageQuery } from '@foresight/service-kit';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsISO8601, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { REPORT_KINDS, ReportKind } from '../../domain/report-kind';
import { REPORT_STATUSES, ReportStatus } from '../../domain/report.state';

/** The filters every report list takes. */
export class ReportFilterQuery extends CursorPageQuery {
  @ApiPropertyOptional({ enum: REPORT_STATUSES })
  @IsOptional()
  @IsIn(REPORT_STATUSES)
  status?: ReportStatus;

  @ApiPropertyOptional({ enum: REPORT_KINDS })
  @IsOptional()
  @IsIn(REPORT_KINDS)
  kind?: ReportKind;

  @ApiPropertyOptional({
    maxLength: 200,
    description: "the subject's id: an account, contract or product record",
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  subject?: string;
}

export class ListReportsQuery extends ReportFilterQuery {
  @ApiPropertyOptional({
    example: 'me',
    description: "`me` (the signed-in user's email) or an owner's email",
  })
  @IsOptional()
  @ValidateIf((q: ListReportsQuery) => q.owner !== 'me')
  @IsEmail({}, { message: 'owner must be `me` or an email address' })
  owner?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    example: '2026-11-30T12:00:00Z',
    description:
      'answer as the engine saw it then, from the report streams (status, owner, feedback as of that time); filters apply to that state',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'asOf must be an ISO-8601 date-time' })
  asOf?: string;
}

export class PreviewsQuery {
  @ApiPropertyOptional({
    default: 'me',
    description: "whose reports: `me` (the signed-in user's), an owner's email, or `all` (the whole tenant)",
  })
  @IsOptional()
  @ValidateIf((q: PreviewsQuery) => q.owner !== 'me' && q.owner !== 'all')
  @IsEmail({}, { message: 'owner must be `me`, `all` or an email address' })
  owner?: string;
}
