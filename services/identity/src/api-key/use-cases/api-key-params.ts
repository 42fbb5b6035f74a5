import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class ApiKeyParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  keyId!: string;
}
