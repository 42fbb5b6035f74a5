import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

export class AssignRoleRequest {
  @ApiProperty({ example: 'analyst' })
  @Matches(/^[a-z][a-z0-9-]{1,39}$/, {
    message: 'role must be a role name (lower-case letters, digits, dashes)',
  })
  role!: string;
}
