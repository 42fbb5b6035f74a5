import { ApiProperty } from '@nestjs/swagger';
import { PERMISSIONS } from '@foresight/contracts';
import { ArrayMaxSize, IsArray, IsIn } from 'class-validator';

export class RolePermissionsRequest {
  @ApiProperty({ type: [String], enum: PERMISSIONS, example: ['reports:read', 'audit:read'] })
  @IsArray()
  @ArrayMaxSize(PERMISSIONS.length)
  @IsIn(PERMISSIONS, { each: true, message: `each permission must be one of ${PERMISSIONS.join(', ')}` })
  permissions!: string[];
}
