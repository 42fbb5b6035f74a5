import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Public } from '@foresight/auth';
import { SigningKeys } from '../../signing-keys.store';

class JwkView {
  @ApiProperty({ example: 'OKP' }) kty!: string;
  @ApiProperty({ example: 'Ed25519' }) crv!: string;
  @ApiProperty() x!: string;
  @ApiProperty() kid!: string;
  @ApiProperty({ example: 'EdDSA' }) alg!: string;
  @ApiProperty({ example: 'sig' }) use!: string;
}

class JwksView {
  @ApiProperty({ type: [JwkView] }) keys!: JwkView[];
}

@ApiTags('sign-in')
@Controller('.well-known/jwks.json')
export class GetJwksHttpController {
  constructor(private readonly keys: SigningKeys) {}

  @Get()
  @Public()
  // Short: a rotation is visible to a verifier after at most a minute (they also refetch on an unknown kid).
  @Header('Cache-Control', 'public, max-age=60')
  @ApiOperation({
    summary: 'Public keys that verify access tokens: the signing key and recently retired ones',
  })
  @ApiOkResponse({ type: JwksView })
  jwks() {
    return this.keys.jwks();
  }
}
