import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Principal } from '@foresight/contracts';
import { CurrentPrincipal, RequirePermissions, ApiCredentials } from '@foresight/auth';
import type { CommandMeta } from '../../../shared/event-sourcing/command-meta';
import { RequestMeta } from '../../../shared/http/request-meta.decorator';
import { ApiKeyParams } from '../api-key-params';
import { CreatedApiKeyView } from '../api-key.view';
import { RotateApiKeyRequest } from './rotate-api-key.command';
import { RotateApiKeyHandler } from './rotate-api-key.handler';

@ApiTags('api keys')
@ApiCredentials()
@Controller('v1/api-keys/:keyId/rotate')
export class RotateApiKeyHttpController {
  constructor(private readonly handler: RotateApiKeyHandler) {}

  @Post()
  @HttpCode(201)
  @RequirePermissions('keys:manage')
  @ApiOperation({
    summary: 'Issue a successor key; the old one keeps working for the grace period, then stops',
  })
  @ApiCreatedResponse({ type: CreatedApiKeyView })
  @ApiNotFoundResponse({ description: 'IDENTITY.KEY_NOT_FOUND' })
  @ApiConflictResponse({
    description: 'IDENTITY.KEY_ALREADY_ROTATED, IDENTITY.KEY_REVOKED or IDENTITY.KEY_EXPIRED',
  })
  rotate(
    @CurrentPrincipal() principal: Principal,
    @Param() { keyId }: ApiKeyParams,
    @Body() body: RotateApiKeyRequest,
    @RequestMeta() meta: CommandMeta,
  ): Promise<CreatedApiKeyView> {
    return this.handler.execute(principal, keyId, body.gracePeriodSeconds, meta);
  }
}
