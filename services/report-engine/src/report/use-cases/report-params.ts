import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class ReportParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}
