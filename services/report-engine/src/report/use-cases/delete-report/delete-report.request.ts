import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class DeleteReportQuery {
  @ApiPropertyOptional({ maxLength: 500, example: 'raised from test data' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}
