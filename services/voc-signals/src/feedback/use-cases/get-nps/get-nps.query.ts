import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';

export class NpsPeriodQuery {
  @ApiPropertyOptional({ format: 'date-time', description: 'Start, inclusive; default 90 days before `to`' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'End, exclusive; default now' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}
