import { ApiProperty } from '@nestjs/swagger';

export class TokenPairView {
  @ApiProperty({ description: 'EdDSA JWT (kid in the header); verify against GET /.well-known/jwks.json' })
  accessToken!: string;
  @ApiProperty({ example: 'Bearer' }) tokenType!: 'Bearer';
  @ApiProperty({ description: 'seconds until the access token expires' }) expiresIn!: number;
  @ApiProperty({
    description: 'single use: each refresh returns a new one; presenting a used one ends the session',
  })
  refreshToken!: string;
  @ApiProperty({ format: 'date-time', description: 'the session ends then, however often it is refreshed' })
  refreshExpiresAt!: string;
  @ApiProperty({ format: 'uuid' }) tenantId!: string;
  @ApiProperty({ format: 'uuid' }) userId!: string;
}
