import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, IsString, MaxLength, MinLength } from 'class-validator';

export class SnoozeReportRequest {
  @ApiProperty({
    format: 'date-time',
    example: '2026-01-15T09:00:00.000Z',
    description: 'must be in the future',
  })
  @IsISO8601({ strict: true })
  until!: string;

  @ApiProperty({ minLength: 1, maxLength: 500, example: 'Customer on holiday until mid-January' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason!: string;
}
