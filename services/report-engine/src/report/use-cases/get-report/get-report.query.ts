import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';

export class GetReportQuery {
  @ApiPropertyOptional({
    format: 'date-time',
    example: '2026-11-30T12:00:00Z',
    description: 'the report as the engine saw it then: its stream up to that time, timeline included',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'asOf must be an ISO-8601 date-time' })
  asOf?: string;
}
