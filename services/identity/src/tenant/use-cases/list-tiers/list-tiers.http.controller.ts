import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@foresight/auth';
import { TIER_POLICIES, TierPolicies } from '../../../shared/tier-policies';
import { TierPolicyView } from '../tenant.view';

@ApiTags('tenant')
@Controller('v1/tiers')
export class ListTiersHttpController {
  constructor(@Inject(TIER_POLICIES) private readonly policies: TierPolicies) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'The usage policy of each tier (as configured)' })
  @ApiOkResponse({ type: [TierPolicyView] })
  list(): TierPolicyView[] {
    return Object.values(this.policies).map(TierPolicyView.of);
  }
}
