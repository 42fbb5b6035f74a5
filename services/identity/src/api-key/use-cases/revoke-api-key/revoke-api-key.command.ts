import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';

export class RevokeApiKeyRequest {
  @ApiPropertyOptional({ example: 'leaked in a CI log', default: 'revoked by a user' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  reason?: string;
}
