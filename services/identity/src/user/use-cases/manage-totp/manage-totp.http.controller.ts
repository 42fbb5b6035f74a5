import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Principal } from '@foresight/contracts';
import { CurrentPrincipal, ApiCredentials } from '@foresight/auth';
import type { CommandMeta } from '../../../shared/event-sourcing/command-meta';
import { RequestMeta } from '../../../shared/http/request-meta.decorator';
import { TotpEnrollmentView } from '../me.view';
import { TotpCodeRequest } from './manage-totp.command';
import { ManageTotpHandler } from './manage-totp.handler';

@ApiTags('me')
@ApiCredentials()
@Controller('v1/me/totp')
export class ManageTotpHttpController {
  constructor(private readonly handler: ManageTotpHandler) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Start two-factor enrolment: a new secret, shown once; confirm it with a first code',
  })
  @ApiCreatedResponse({ type: TotpEnrollmentView })
  start(
    @CurrentPrincipal() principal: Principal,
    @RequestMeta() meta: CommandMeta,
  ): Promise<TotpEnrollmentView> {
    return this.handler.start(principal, meta);
  }

  @Post('confirm')
  @HttpCode(204)
  @ApiOperation({ summary: 'Turn two-factor sign-in on with a code from the authenticator' })
  @ApiNoContentResponse()
  @ApiUnauthorizedResponse({ description: 'IDENTITY.TOTP_INVALID' })
  confirm(
    @CurrentPrincipal() principal: Principal,
    @Body() body: TotpCodeRequest,
    @RequestMeta() meta: CommandMeta,
  ): Promise<void> {
    return this.handler.confirm(principal, body.code, meta);
  }

  @Post('disable')
  @HttpCode(204)
  @ApiOperation({ summary: 'Turn two-factor sign-in off (needs a current code)' })
  @ApiNoContentResponse()
  @ApiUnauthorizedResponse({ description: 'IDENTITY.TOTP_INVALID' })
  disable(
    @CurrentPrincipal() principal: Principal,
    @Body() body: TotpCodeRequest,
    @RequestMeta() meta: CommandMeta,
  ): Promise<void> {
    return this.handler.disable(principal, body.code, meta);
  }
}
