import type { Command } from '@foresight/domain';
import type { RoleGrant } from '../../shared/domain/access-policy';
import type { ApiKeyEnvironment } from './api-key.events';

export type CreateApiKey = Command<
  'CreateApiKey',
  {
    keyId: string;
    tenantId: string;
    ownerUserId: string;
    name: string;
    environment: ApiKeyEnvironment;
    prefix: string;
    secretHash: string;
    roles: readonly RoleGrant[];
    /** What the owner holds right now, through all of their roles in this tenant. */
    ownerPermissions: readonly string[];
    allowedRoles: readonly string[];
    maxKeysPerUser: number;
    /** Keys the owner has in this tenant that are neither revoked nor expired. */
    ownerActiveKeys: number;
    expiresAt: Date | null;
    /** Set when a rotation issues this key: it replaces one, so it takes no extra slot. */
    rotatedFrom: string | null;
    now: Date;
  }
>;
export type RevokeApiKey = Command<'RevokeApiKey', { reason: string; now: Date }>;
export type RotateApiKey = Command<'RotateApiKey', { successorKeyId: string; graceUntil: Date; now: Date }>;
export type RestrictApiKeyRoles = Command<
  'RestrictApiKeyRoles',
  {
    ownerPermissions: readonly string[];
    /** Current permissions of the key's roles; a role missing here no longer exists. */
    roles: readonly Pick<RoleGrant, 'id' | 'permissions'>[];
    reason: string;
    now: Date;
  }
>;

export type ApiKeyCommand = CreateApiKey | RevokeApiKey | RotateApiKey | RestrictApiKeyRoles;
