import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class LogoutRequest {
  @ApiProperty({ description: "the session's current refresh token (fsr_...)" })
  @IsString()
  @MaxLength(200)
  refreshToken!: string;
}
