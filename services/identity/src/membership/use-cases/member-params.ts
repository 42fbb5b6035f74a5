import { ApiProperty } from '@nestjs/swagger';
import { IsUUID, Matches } from 'class-validator';

export class MemberParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  userId!: string;
}

export class MemberRoleParams extends MemberParams {
  @ApiProperty({ example: 'analyst' })
  @Matches(/^[a-z][a-z0-9-]{1,39}$/, {
    message: 'role must be a role name (lower-case letters, digits, dashes)',
  })
  role!: string;
}
