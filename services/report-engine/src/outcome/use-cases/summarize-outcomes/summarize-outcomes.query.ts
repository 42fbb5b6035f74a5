import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsISO8601, IsOptional, ValidateIf } from 'class-validator';

export class SummarizeOutcomesQuery {
  @ApiPropertyOptional({ format: 'date-time', description: 'reports raised at or after this time' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from must be an ISO-8601 date or time' })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'reports raised before this time' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to must be an ISO-8601 date or time' })
  to?: string;

  @ApiPropertyOptional({
    example: 'me',
    description: "`me` (the signed-in user's email) or an owner's email",
  })
  @IsOptional()
  @ValidateIf((q: SummarizeOutcomesQuery) => q.owner !== 'me')
  @IsEmail({}, { message: 'owner must be `me` or an email address' })
  owner?: string;
}
