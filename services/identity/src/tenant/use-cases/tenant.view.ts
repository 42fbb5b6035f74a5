import { ApiProperty } from '@nestjs/swagger';
import { TIERS, Tier } from '@foresight/contracts';
import type { TierPolicy } from '../../shared/domain/access-policy';
import type { TenantDoc } from '../projections/tenants.projection';

export class TenantView {
  @ApiProperty({ format: 'uuid' }) tenantId!: string;
  @ApiProperty({ example: 'acme' }) slug!: string;
  @ApiProperty({ example: 'Acme Corp' }) displayName!: string;
  @ApiProperty({ example: 'acme.com' }) domain!: string;
  @ApiProperty({ example: 'eu-west-1' }) region!: string;
  @ApiProperty({ enum: TIERS }) tier!: Tier;
  @ApiProperty({ enum: ['active', 'suspended', 'archived'] }) status!: string;
  @ApiProperty({ nullable: true, type: String }) suspendedReason!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;

  static of(doc: TenantDoc): TenantView {
    const {
      tenantId,
      slug,
      displayName,
      domain,
      region,
      tier,
      status,
      suspendedReason,
      createdAt,
      updatedAt,
    } = doc;
    return {
      tenantId,
      slug,
      displayName,
      domain,
      region,
      tier,
      status,
      suspendedReason,
      createdAt,
      updatedAt,
    };
  }
}

export class TenantPageView {
  @ApiProperty({ type: [TenantView] }) items!: TenantView[];
  @ApiProperty() total!: number;
}

export class TierPolicyView {
  @ApiProperty({ enum: TIERS }) tier!: Tier;
  @ApiProperty({ description: 'live API keys one user may own in one tenant (checked at creation)' })
  maxApiKeysPerUser!: number;
  @ApiProperty({ description: 'requests per minute per tenant, enforced by every service' })
  rateLimitRpm!: number;
  @ApiProperty({
    type: [String],
    description: "role names that may be granted; '*' also allows custom roles",
  })
  allowedRoles!: string[];
  @ApiProperty({ description: 'invited + active members per tenant' }) maxUsers!: number;

  static of(policy: TierPolicy): TierPolicyView {
    return { ...policy, allowedRoles: [...policy.allowedRoles] };
  }
}
