import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Public } from '@foresight/auth';
import type { CommandMeta } from '../../../shared/event-sourcing/command-meta';
import { RequestMeta } from '../../../shared/http/request-meta.decorator';
import { TokenPairView } from '../token-pair.view';
import { RefreshTokenRequest } from './refresh-session.command';
import { RefreshSessionHandler } from './refresh-session.handler';

@ApiTags('sign-in')
@Controller('v1/auth/refresh')
export class RefreshSessionHttpController {
  constructor(private readonly handler: RefreshSessionHandler) {}

  @Post()
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Trade the refresh token for a new pair; a used refresh token ends the whole session',
  })
  @ApiOkResponse({ type: TokenPairView })
  @ApiUnauthorizedResponse({
    description:
      'IDENTITY.INVALID_REFRESH_TOKEN, IDENTITY.REFRESH_TOKEN_REUSED, IDENTITY.SESSION_REVOKED, IDENTITY.SESSION_EXPIRED',
  })
  refresh(@Body() body: RefreshTokenRequest, @RequestMeta() meta: CommandMeta): Promise<TokenPairView> {
    return this.handler.execute(body.refreshToken, meta);
  }
}
