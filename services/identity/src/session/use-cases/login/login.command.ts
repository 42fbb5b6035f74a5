import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';

export class LoginRequest {
  @ApiProperty({ example: 'owner@acme.com' })
  @IsEmail()
  email!: string;

  @ApiProperty({ minLength: 1, maxLength: 128 })
  @IsString()
  @Length(1, 128, { message: 'password must be 1 to 128 characters' })
  password!: string;

  @ApiProperty({ example: 'acme', description: 'slug or id of the tenant to act in (one token per tenant)' })
  @IsString()
  @MaxLength(64)
  tenant!: string;

  @ApiPropertyOptional({ example: '123456', description: 'the current code, when two-factor sign-in is on' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'totp must be 6 digits' })
  totp?: string;
}
