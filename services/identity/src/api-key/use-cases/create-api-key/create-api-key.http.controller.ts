import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { Principal } from '@foresight/contracts';
import { CurrentPrincipal, RequirePermissions, ApiCredentials } from '@foresight/auth';
import type { CommandMeta } from '../../../shared/event-sourcing/command-meta';
import { RequestMeta } from '../../../shared/http/request-meta.decorator';
import { CreatedApiKeyView } from '../api-key.view';
import { CreateApiKeyRequest } from './create-api-key.command';
import { CreateApiKeyHandler } from './create-api-key.handler';

@ApiTags('api keys')
@ApiCredentials()
@Controller('v1/api-keys')
export class CreateApiKeyHttpController {
  constructor(private readonly handler: CreateApiKeyHandler) {}

  @Post()
  @HttpCode(201)
  @RequirePermissions('keys:manage')
  @ApiOperation({ summary: 'Create an API key owned by the caller; the full key is in this response only' })
  @ApiCreatedResponse({ type: CreatedApiKeyView })
  @ApiForbiddenResponse({
    description: 'IDENTITY.KEY_EXCEEDS_OWNER, IDENTITY.ROLE_NOT_ALLOWED (tier) or IDENTITY.USER_REQUIRED',
  })
  @ApiTooManyRequestsResponse({ description: "IDENTITY.TIER_LIMIT: the tier's maxApiKeysPerUser is reached" })
  create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateApiKeyRequest,
    @RequestMeta() meta: CommandMeta,
  ): Promise<CreatedApiKeyView> {
    return this.handler.execute(principal, body, meta);
  }
}
