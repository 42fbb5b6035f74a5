import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class RoleParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  roleId!: string;
}
