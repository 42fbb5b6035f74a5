import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { PlatformAdmin } from '../../../shared/http/platform-admin.guard';
import { SigningKeys } from '../../signing-keys.store';

class RotatedSigningKeyView {
  @ApiProperty({ description: 'kid of the new key, published in the JWKS from now on' }) kid!: string;
  @ApiProperty({
    format: 'date-time',
    description: 'when it starts signing (SIGNING_KEY_ACTIVATION_SECONDS from now)',
  })
  activatesAt!: string;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'the key it replaces; published until its tokens have expired',
  })
  replaces!: string | null;
}

@ApiTags('platform operator')
@Controller('v1/admin/signing-keys/rotate')
export class RotateSigningKeyHttpController {
  constructor(private readonly keys: SigningKeys) {}

  @Post()
  @HttpCode(200)
  @PlatformAdmin()
  @ApiOperation({
    summary: 'Rotate the JWT signing key',
    description:
      'The new key is published at once and signs after SIGNING_KEY_ACTIVATION_SECONDS; tokens signed by the old one stay valid until they expire.',
  })
  @ApiOkResponse({ type: RotatedSigningKeyView })
  rotate(): Promise<RotatedSigningKeyView> {
    return this.keys.rotate();
  }
}
