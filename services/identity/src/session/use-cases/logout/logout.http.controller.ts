import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Public } from '@foresight/auth';
import type { CommandMeta } from '../../../shared/event-sourcing/command-meta';
import { RequestMeta } from '../../../shared/http/request-meta.decorator';
import { LogoutRequest } from './logout.command';
import { LogoutHandler } from './logout.handler';

@ApiTags('sign-in')
@Controller('v1/auth/logout')
export class LogoutHttpController {
  constructor(private readonly handler: LogoutHandler) {}

  @Post()
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: "Sign out: the session's refresh and access tokens stop working everywhere" })
  @ApiNoContentResponse()
  @ApiUnauthorizedResponse({ description: 'IDENTITY.INVALID_REFRESH_TOKEN' })
  logout(@Body() body: LogoutRequest, @RequestMeta() meta: CommandMeta): Promise<void> {
    return this.handler.execute(body.refreshToken, meta);
  }
}
