import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@foresight/contracts';
import { CurrentPrincipal, RequirePermissions, ApiCredentials } from '@foresight/auth';
import type { CommandMeta } from '../../../shared/event-sourcing/command-meta';
import { RequestMeta } from '../../../shared/http/request-meta.decorator';
import { ApiKeyParams } from '../api-key-params';
import { ApiKeyView } from '../api-key.view';
import { RevokeApiKeyRequest } from './revoke-api-key.command';
import { RevokeApiKeyHandler } from './revoke-api-key.handler';

@ApiTags('api keys')
@ApiCredentials()
@Controller('v1/api-keys/:keyId/revoke')
export class RevokeApiKeyHttpController {
  constructor(private readonly handler: RevokeApiKeyHandler) {}

  @Post()
  @HttpCode(200)
  @RequirePermissions('keys:manage')
  @ApiOperation({ summary: 'Revoke a key: refused by every service within a second' })
  @ApiOkResponse({ type: ApiKeyView })
  @ApiNotFoundResponse({ description: 'IDENTITY.KEY_NOT_FOUND' })
  revoke(
    @CurrentPrincipal() principal: Principal,
    @Param() { keyId }: ApiKeyParams,
    @Body() body: RevokeApiKeyRequest,
    @RequestMeta() meta: CommandMeta,
  ): Promise<ApiKeyView> {
    return this.handler.execute(principal, keyId, body.reason ?? 'revoked by a user', meta);
  }
}
