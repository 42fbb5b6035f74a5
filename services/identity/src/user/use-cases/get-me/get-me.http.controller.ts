import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@foresight/contracts';
import { CurrentPrincipal, ApiCredentials } from '@foresight/auth';
import { MeView } from '../me.view';
import { GetMeHandler } from './get-me.handler';

@ApiTags('me')
@ApiCredentials()
@Controller('v1/me')
export class GetMeHttpController {
  constructor(private readonly handler: GetMeHandler) {}

  @Get()
  @ApiOperation({
    summary: 'The signed-in user in the current tenant: roles, permissions, two-factor status',
  })
  @ApiOkResponse({ type: MeView })
  get(@CurrentPrincipal() principal: Principal): Promise<MeView> {
    return this.handler.execute(principal);
  }
}
