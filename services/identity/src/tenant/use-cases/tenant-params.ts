import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class TenantParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  tenantId!: string;
}
