import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { RolePermissionsRequest } from '../role-permissions';

export class DefineRoleRequest extends RolePermissionsRequest {
  @ApiProperty({ example: 'auditor', description: 'unique in the tenant; built-in names are taken' })
  @Matches(/^[a-z][a-z0-9-]{1,39}$/, {
    message: 'name must be 2-40 lower-case letters, digits or dashes, starting with a letter',
  })
  name!: string;
}
