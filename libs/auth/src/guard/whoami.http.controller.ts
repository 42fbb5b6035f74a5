import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@foresight/contracts';
import { CurrentPrincipal } from './auth.decorators';

/** The caller as this service sees it: a cheap authenticated route, and a way to debug a credential. */
@ApiTags('auth')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('v1/whoami')
export class WhoamiController {
  @Get()
  @ApiOkResponse({
    description: 'The authenticated principal (user or API key), its tenant, roles, permissions and tier',
  })
  whoami(@CurrentPrincipal() principal: Principal): Principal {
    return principal;
  }
}
