import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, MaxLength } from 'class-validator';

export class AcceptInvitationRequest {
  @ApiProperty({ description: 'the token from the invitation (fsi_...)' })
  @IsString()
  @MaxLength(200)
  token!: string;

  @ApiPropertyOptional({
    description: 'Required when the invitee has no password yet (a first invitation); refused otherwise.',
    minLength: 12,
    maxLength: 128,
  })
  @IsOptional()
  @IsString()
  @Length(12, 128, { message: 'password must be 12 to 128 characters' })
  password?: string;
}

export class AcceptedInvitationView {
  @ApiPropertyOptional({ format: 'uuid' }) tenantId!: string;
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ description: 'whether this acceptance set the password' }) passwordSet!: boolean;
}
