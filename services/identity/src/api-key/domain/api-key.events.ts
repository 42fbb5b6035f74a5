import type { Event } from '@foresight/domain';

export type ApiKeyEnvironment = 'live' | 'test';

export type ApiKeyCreated = Event<
  'ApiKeyCreated',
  {
    keyId: string;
    tenantId: string;
    ownerUserId: string;
    name: string;
    environment: ApiKeyEnvironment;
    /** The 8 characters after `fs_<env>_`: safe to show and log, and what lookups go by. */
    prefix: string;
    /** SHA-256 (hex) of the secret part; the secret is shown once, in the creation response. */
    secretHash: string;
    roleIds: string[];
    expiresAt: string | null;
    createdAt: string;
    /** The key this one replaces, when it was issued by a rotation. */
    rotatedFrom: string | null;
  }
>;
export type ApiKeyRevoked = Event<
  'ApiKeyRevoked',
  { keyId: string; tenantId: string; prefix: string; reason: string; revokedAt: string }
>;
/** The key keeps working until `graceUntil`, so callers can switch to its successor without downtime. */
export type ApiKeyRotated = Event<
  'ApiKeyRotated',
  {
    keyId: string;
    tenantId: string;
    prefix: string;
    successorKeyId: string;
    graceUntil: string;
    rotatedAt: string;
  }
>;
/** Roles the owner no longer covers, taken off the key: a key never holds more than its owner. */
export type ApiKeyRolesRestricted = Event<
  'ApiKeyRolesRestricted',
  {
    keyId: string;
    tenantId: string;
    prefix: string;
    removedRoleIds: string[];
    reason: string;
    restrictedAt: string;
  }
>;

export type ApiKeyEvent = ApiKeyCreated | ApiKeyRevoked | ApiKeyRotated | ApiKeyRolesRestricted;

export const API_KEY_EVENT_TYPES = [
  'ApiKeyCreated',
  'ApiKeyRevoked',
  'ApiKeyRotated',
  'ApiKeyRolesRestricted',
] as const satisfies readonly ApiKeyEvent['type'][];
