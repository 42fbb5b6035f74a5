import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class RefreshTokenRequest {
  @ApiProperty({ description: 'the refresh token from sign-in or the last refresh (fsr_...)' })
  @IsString()
  @MaxLength(200)
  refreshToken!: string;
}
