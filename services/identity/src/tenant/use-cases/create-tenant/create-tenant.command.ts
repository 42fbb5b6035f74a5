import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TIERS, Tier } from '@foresight/contracts';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsEmail,
  IsFQDN,
  IsIn,
  IsOptional,
  IsString,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';
import { InvitationView } from '../../../membership/use-cases/invitation.view';
import { TenantView } from '../tenant.view';

export class OwnerInvitationRequest {
  @ApiProperty({ example: 'owner@acme.com', description: 'invited as the tenant owner' })
  @IsEmail()
  email!: string;
}

export class CreateTenantRequest {
  @ApiProperty({ example: 'acme', description: 'lower-case letters, digits and dashes; cannot change later' })
  @Matches(/^[a-z0-9][a-z0-9-]{1,38}[a-z0-9]$/, {
    message: 'slug must be 3-40 lower-case letters, digits or dashes',
  })
  slug!: string;

  @ApiProperty({ example: 'Acme Corp' })
  @IsString()
  @Length(1, 120)
  displayName!: string;

  @ApiProperty({ example: 'acme.com' })
  @IsFQDN()
  domain!: string;

  @ApiPropertyOptional({ example: 'eu-west-1', default: 'eu-west-1' })
  @IsOptional()
  @Matches(/^[a-z0-9-]{2,32}$/, { message: 'region must be 2-32 lower-case letters, digits or dashes' })
  region?: string;

  @ApiProperty({ enum: TIERS })
  @IsIn(TIERS)
  tier!: Tier;

  @ApiProperty({ type: OwnerInvitationRequest })
  @IsDefined()
  @ValidateNested()
  @Type(() => OwnerInvitationRequest)
  owner!: OwnerInvitationRequest;
}

export class CreatedTenantView {
  @ApiProperty({ type: TenantView }) tenant!: TenantView;
  @ApiProperty({ type: InvitationView }) owner!: InvitationView;
}
