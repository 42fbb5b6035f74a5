import { assertNever, Decider } from '@foresight/domain';
import { missingPermissions, roleAllowed } from '../../shared/domain/access-policy';
import { identityError } from '../../shared/domain/identity.errors';
import { ApiKeyCommand } from './api-key.commands';
import { ApiKeyEvent } from './api-key.events';
import { ApiKey, ExistingApiKey, usability } from './api-key.state';

function existing(state: ApiKey): ExistingApiKey {
  if (state.status === 'none') throw identityError('KEY_NOT_FOUND', 'No such API key');
  return state;
}

export const apiKeyDecider: Decider<ApiKey, ApiKeyCommand, ApiKeyEvent> = {
  initialState: () => ({ status: 'none' }),

  decide(command, state) {
    switch (command.type) {
      case 'CreateApiKey': {
        const d = command.data;
        // The id is derived from the prefix: an existing stream is a prefix collision the handler retries.
        if (state.status !== 'none') throw identityError('INVALID_TRANSITION', 'This API key already exists');
        if (d.expiresAt && d.expiresAt.getTime() <= d.now.getTime())
          throw identityError('INVALID_EXPIRY', 'expiresAt must be in the future', { field: 'expiresAt' });
        const disallowed = d.roles.filter((r) => !roleAllowed(d.allowedRoles, r.name)).map((r) => r.name);
        if (disallowed.length)
          throw identityError(
            'ROLE_NOT_ALLOWED',
            `The tenant's tier does not allow the role(s) ${disallowed.join(', ')}`,
            {
              roles: disallowed,
            },
          );
        const beyond = d.roles.filter(
          (r) => missingPermissions(r.permissions, d.ownerPermissions).length > 0,
        );
        if (beyond.length)
          throw identityError('KEY_EXCEEDS_OWNER', 'An API key cannot hold more than its owner', {
            roles: beyond.map((r) => r.name),
            missingPermissions: missingPermissions(
              beyond.flatMap((r) => r.permissions),
              d.ownerPermissions,
            ),
          });
        if (d.rotatedFrom === null && d.ownerActiveKeys >= d.maxKeysPerUser)
          throw identityError(
            'TIER_LIMIT',
            `The tenant's tier allows at most ${d.maxKeysPerUser} API keys per user`,
            {
              limit: 'maxApiKeysPerUser',
              max: d.maxKeysPerUser,
              current: d.ownerActiveKeys,
            },
          );
        return {
          type: 'ApiKeyCreated',
          data: {
            keyId: d.keyId,
            tenantId: d.tenantId,
            ownerUserId: d.ownerUserId,
            name: d.name,
            environment: d.environment,
            prefix: d.prefix,
            secretHash: d.secretHash,
            roleIds: [...new Set(d.roles.map((r) => r.id))],
            expiresAt: d.expiresAt?.toISOString() ?? null,
            createdAt: d.now.toISOString(),
            rotatedFrom: d.rotatedFrom,
          },
        };
      }
      case 'RevokeApiKey': {
        const key = existing(state);
        if (key.status === 'revoked') return [];
        return {
          type: 'ApiKeyRevoked',
          data: {
            keyId: key.keyId,
            tenantId: key.tenantId,
            prefix: key.prefix,
            reason: command.data.reason,
            revokedAt: command.data.now.toISOString(),
          },
        };
      }
      case 'RotateApiKey': {
        const key = existing(state);
        const { successorKeyId, graceUntil, now } = command.data;
        const status = usability(key, now);
        if (status === 'revoked') throw identityError('KEY_REVOKED', 'A revoked key cannot be rotated');
        if (status === 'expired') throw identityError('KEY_EXPIRED', 'An expired key cannot be rotated');
        if (key.successorKeyId)
          throw identityError(
            'KEY_ALREADY_ROTATED',
            'This key was already rotated; rotate its successor instead',
            {
              successorKeyId: key.successorKeyId,
            },
          );
        return {
          type: 'ApiKeyRotated',
          data: {
            keyId: key.keyId,
            tenantId: key.tenantId,
            prefix: key.prefix,
            successorKeyId,
            graceUntil: graceUntil.toISOString(),
            rotatedAt: now.toISOString(),
          },
        };
      }
      case 'RestrictApiKeyRoles': {
        const key = existing(state);
        if (key.status === 'revoked') return [];
        const { ownerPermissions, roles, reason, now } = command.data;
        const byId = new Map(roles.map((r) => [r.id, r.permissions]));
        const removedRoleIds = key.roleIds.filter((id) => {
          const permissions = byId.get(id);
          return permissions === undefined || missingPermissions(permissions, ownerPermissions).length > 0;
        });
        if (!removedRoleIds.length) return [];
        return {
          type: 'ApiKeyRolesRestricted',
          data: {
            keyId: key.keyId,
            tenantId: key.tenantId,
            prefix: key.prefix,
            removedRoleIds,
            reason,
            restrictedAt: now.toISOString(),
          },
        };
      }
      default:
        return assertNever(command, 'API key command');
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'ApiKeyCreated': {
        const { rotatedFrom: _from, ...key } = event.data;
        return { status: 'active', ...key, graceUntil: null, successorKeyId: null, revokedAt: null };
      }
      case 'ApiKeyRevoked':
        return { ...existing(state), status: 'revoked', revokedAt: event.data.revokedAt };
      case 'ApiKeyRotated':
        return {
          ...existing(state),
          graceUntil: event.data.graceUntil,
          successorKeyId: event.data.successorKeyId,
        };
      case 'ApiKeyRolesRestricted': {
        const key = existing(state);
        return { ...key, roleIds: key.roleIds.filter((id) => !event.data.removedRoleIds.includes(id)) };
      }
      default:
        return assertNever(event, 'API key event');
    }
  },
};
