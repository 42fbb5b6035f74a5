import type { Permission, Tier } from '@foresight/contracts';

/** What a tier allows; the values are configuration (`TIER_POLICIES`), these are only the defaults. */
export interface TierPolicy {
  tier: Tier;
  /** Active (not revoked, not expired) keys one user may own in one tenant; checked at creation. */
  maxApiKeysPerUser: number;
  /** Requests per minute per tenant (in each service), enforced by every service's guard. */
  rateLimitRpm: number;
  /** Role names that may be assigned; '*' also allows custom roles. */
  allowedRoles: readonly string[];
  /** Members (invited or active) of one tenant. */
  maxUsers: number;
}

export const BUILT_IN_ROLES = ['owner', 'admin', 'analyst', 'member', 'ingest-bot'] as const;
export type BuiltInRole = (typeof BUILT_IN_ROLES)[number];

const READ_ONLY: Permission[] = [
  'reports:read',
  'records:read',
  'models:read',
  'voc:read',
  'notifications:read',
];

export const BUILT_IN_PERMISSIONS: Record<BuiltInRole, readonly Permission[]> = {
  owner: [
    'reports:read',
    'reports:feedback',
    'reports:admin',
    'records:read',
    'records:write',
    'records:admin',
    'models:read',
    'models:train',
    'keys:manage',
    'members:manage',
    'roles:manage',
    'tenants:manage',
    'audit:read',
    'voc:read',
    'voc:write',
    'notifications:read',
    'notifications:manage',
  ],
  // Everything but the tenant itself (tier, suspension, deletion stay with owners).
  admin: [
    'reports:read',
    'reports:feedback',
    'reports:admin',
    'records:read',
    'records:write',
    'records:admin',
    'models:read',
    'models:train',
    'keys:manage',
    'members:manage',
    'roles:manage',
    'audit:read',
    'voc:read',
    'voc:write',
    'notifications:read',
    'notifications:manage',
  ],
  analyst: [...READ_ONLY, 'reports:feedback', 'models:train'],
  member: ['reports:read', 'reports:feedback', 'voc:read', 'notifications:read'],
  'ingest-bot': ['records:write', 'voc:write'],
};

export const DEFAULT_TIER_POLICIES: Record<Tier, TierPolicy> = {
  free: {
    tier: 'free',
    maxApiKeysPerUser: 2,
    rateLimitRpm: 60,
    allowedRoles: ['owner', 'admin', 'member', 'ingest-bot'],
    maxUsers: 5,
  },
  pro: {
    tier: 'pro',
    maxApiKeysPerUser: 10,
    rateLimitRpm: 600,
    allowedRoles: [...BUILT_IN_ROLES],
    maxUsers: 50,
  },
  enterprise: {
    tier: 'enterprise',
    maxApiKeysPerUser: 100,
    rateLimitRpm: 6000,
    allowedRoles: ['*'],
    maxUsers: 10_000,
  },
};

export function isBuiltInRole(name: string): name is BuiltInRole {
  return (BUILT_IN_ROLES as readonly string[]).includes(name);
}

export function roleAllowed(allowedRoles: readonly string[], roleName: string): boolean {
  return allowedRoles.includes(roleName) || (allowedRoles.includes('*') && roleName !== '*');
}

/** A role as the deciders that grant it need to see it. */
export interface RoleGrant {
  id: string;
  name: string;
  permissions: readonly string[];
}

/** Permissions of `wanted` the holder of `held` does not have. */
export function missingPermissions(wanted: readonly string[], held: readonly string[]): string[] {
  const have = new Set(held);
  return [...new Set(wanted.filter((p) => !have.has(p)))];
}
