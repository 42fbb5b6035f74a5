import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@foresight/contracts';
import { CurrentPrincipal, RequirePermissions, ApiCredentials } from '@foresight/auth';
import { ApiKeyParams } from '../api-key-params';
import { ApiKeyPageView, ApiKeyView } from '../api-key.view';
import { ListApiKeysHandler } from './list-api-keys.handler';
import { ListApiKeysQuery } from './list-api-keys.query';

@ApiTags('api keys')
@ApiCredentials()
@Controller('v1/api-keys')
@RequirePermissions('keys:manage')
export class ListApiKeysHttpController {
  constructor(private readonly handler: ListApiKeysHandler) {}

  @Get()
  @ApiOperation({ summary: "The tenant's API keys, newest first (never their secrets)" })
  @ApiOkResponse({ type: ApiKeyPageView })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListApiKeysQuery): Promise<ApiKeyPageView> {
    return this.handler.list(principal.tenantId, query);
  }

  @Get(':keyId')
  @ApiOperation({ summary: 'One API key' })
  @ApiOkResponse({ type: ApiKeyView })
  @ApiNotFoundResponse({ description: 'IDENTITY.KEY_NOT_FOUND' })
  one(@CurrentPrincipal() principal: Principal, @Param() { keyId }: ApiKeyParams): Promise<ApiKeyView> {
    return this.handler.one(principal.tenantId, keyId);
  }
}
