import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsEmail, Matches } from 'class-validator';

export class InviteMemberRequest {
  @ApiProperty({ example: 'ann@acme.com' })
  @IsEmail()
  email!: string;

  @ApiProperty({
    type: [String],
    example: ['analyst'],
    description: "role names; each must be allowed by the tenant's tier",
  })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(20)
  @Matches(/^[a-z][a-z0-9-]{1,39}$/, {
    each: true,
    message: 'each role must be a role name (lower-case letters, digits, dashes)',
  })
  roles!: string[];
}
