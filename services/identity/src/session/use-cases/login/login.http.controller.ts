import { Body, Controller, HttpCode, Post, UseFilters } from '@nestjs/common';
import {
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Public } from '@foresight/auth';
import type { CommandMeta } from '../../../shared/event-sourcing/command-meta';
import { RequestMeta } from '../../../shared/http/request-meta.decorator';
import { RetryAfterFilter } from '../../../shared/http/retry-after.filter';
import { TokenPairView } from '../token-pair.view';
import { LoginRequest } from './login.command';
import { LoginHandler } from './login.handler';

@ApiTags('sign-in')
@Controller('v1/auth/login')
export class LoginHttpController {
  constructor(private readonly handler: LoginHandler) {}

  @Post()
  @Public()
  @HttpCode(200)
  @UseFilters(RetryAfterFilter)
  @ApiOperation({ summary: 'Sign in to a tenant: a short-lived access token and a single-use refresh token' })
  @ApiOkResponse({ type: TokenPairView })
  @ApiUnauthorizedResponse({
    description:
      'IDENTITY.INVALID_CREDENTIALS (same for an unknown email), IDENTITY.TOTP_REQUIRED, IDENTITY.TOTP_INVALID',
  })
  @ApiResponse({
    status: 423,
    description: 'IDENTITY.LOCKED: too many failures; Retry-After says when to try again',
  })
  @ApiForbiddenResponse({ description: 'IDENTITY.NOT_A_MEMBER or IDENTITY.TENANT_NOT_ACTIVE' })
  login(@Body() body: LoginRequest, @RequestMeta() meta: CommandMeta): Promise<TokenPairView> {
    return this.handler.execute(body, meta);
  }
}
