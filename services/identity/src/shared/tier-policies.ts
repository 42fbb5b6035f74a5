import { TIERS, Tier } from '@foresight/contracts';
import { DEFAULT_TIER_POLICIES, TierPolicy } from './domain/access-policy';

export const TIER_POLICIES = Symbol('TIER_POLICIES');
export type TierPolicies = Readonly<Record<Tier, TierPolicy>>;

const NUMBER_FIELDS = ['maxApiKeysPerUser', 'rateLimitRpm', 'maxUsers'] as const;

/**
 * The seeded defaults with the operator's overrides on top. Checked field by field at boot, so a typo
 * in TIER_POLICIES stops the service with the path of the bad value instead of loosening a limit.
 */
export function resolveTierPolicies(
  overrides: Record<string, Record<string, unknown>> | undefined,
): TierPolicies {
  const problems: string[] = [];
  const result = { ...DEFAULT_TIER_POLICIES };
  if (
    overrides !== undefined &&
    (typeof overrides !== 'object' || overrides === null || Array.isArray(overrides))
  )
    throw new Error('TIER_POLICIES: must be a JSON object keyed by tier');
  for (const [tier, override] of Object.entries(overrides ?? {})) {
    if (!(TIERS as readonly string[]).includes(tier)) {
      problems.push(`TIER_POLICIES.${tier}: unknown tier (expected one of ${TIERS.join(', ')})`);
      continue;
    }
    const policy: TierPolicy = { ...result[tier as Tier] };
    for (const [field, value] of Object.entries(override ?? {})) {
      if ((NUMBER_FIELDS as readonly string[]).includes(field)) {
        if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
          problems.push(
            `TIER_POLICIES.${tier}.${field}: must be a non-negative integer (got ${JSON.stringify(value)})`,
          );
        else (policy as unknown as Record<string, number>)[field] = value;
      } else if (field === 'allowedRoles') {
        if (!Array.isArray(value) || value.some((r) => typeof r !== 'string'))
          problems.push(`TIER_POLICIES.${tier}.allowedRoles: must be an array of role names`);
        else policy.allowedRoles = value as string[];
      } else problems.push(`TIER_POLICIES.${tier}.${field}: unknown field`);
    }
    result[tier as Tier] = policy;
  }
  if (problems.length)
    throw new Error(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  return result;
}
