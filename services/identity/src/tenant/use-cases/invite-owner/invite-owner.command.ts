import { ApiProperty } from '@nestjs/swagger';
import { IsEmail } from 'class-validator';

export class InviteOwnerRequest {
  @ApiProperty({ example: 'owner@acme.com' })
  @IsEmail()
  email!: string;
}
