import { assertNever } from '@foresight/domain';
import { defineProjection } from '@foresight/projections';
import type { AsProjectionEvent } from '../../shared/read-models/projection-event';
import { API_KEY_EVENT_TYPES, ApiKeyEnvironment, ApiKeyEvent } from '../domain/api-key.events';

/** Everything about a key except its secret hash, which stays in the event store. */
export interface ApiKeyDoc {
  keyId: string;
  prefix: string;
  name: string;
  environment: ApiKeyEnvironment;
  ownerUserId: string;
  roleIds: string[];
  status: 'active' | 'revoked';
  expiresAt: string | null;
  graceUntil: string | null;
  successorKeyId: string | null;
  rotatedFrom: string | null;
  createdAt: string;
  revokedAt: string | null;
  revokedReason: string | null;
  updatedAt: string;
}

type E = AsProjectionEvent<ApiKeyEvent>;

export const apiKeysProjection = defineProjection<ApiKeyDoc, E>({
  name: 'identity-api-keys',
  version: 1,
  collectionBase: 'identity_api_keys',
  handles: API_KEY_EVENT_TYPES,
  id: (event) => event.data.keyId,
  evolve(doc, event) {
    const updatedAt = event.occurredAt.toISOString();
    switch (event.type) {
      case 'ApiKeyCreated': {
        const d = event.data;
        return {
          keyId: d.keyId,
          prefix: d.prefix,
          name: d.name,
          environment: d.environment,
          ownerUserId: d.ownerUserId,
          roleIds: d.roleIds,
          status: 'active',
          expiresAt: d.expiresAt,
          graceUntil: null,
          successorKeyId: null,
          rotatedFrom: d.rotatedFrom,
          createdAt: d.createdAt,
          revokedAt: null,
          revokedReason: null,
          updatedAt,
        };
      }
      case 'ApiKeyRevoked':
        return (
          doc && {
            ...doc,
            status: 'revoked',
            revokedAt: event.data.revokedAt,
            revokedReason: event.data.reason,
            updatedAt,
          }
        );
      case 'ApiKeyRotated':
        return (
          doc && {
            ...doc,
            graceUntil: event.data.graceUntil,
            successorKeyId: event.data.successorKeyId,
            updatedAt,
          }
        );
      case 'ApiKeyRolesRestricted':
        return (
          doc && {
            ...doc,
            roleIds: doc.roleIds.filter((id) => !event.data.removedRoleIds.includes(id)),
            updatedAt,
          }
        );
      default:
        return assertNever(event, 'API key event');
    }
  },
  indexes: [
    { fields: { prefix: 1 }, why: 'a key by the prefix shown to users and written in logs' },
    {
      fields: { tenantId: 1, ownerUserId: 1, status: 1 },
      why: "an owner's live keys (the per-user limit) and their key list",
    },
    { fields: { tenantId: 1, createdAt: -1 }, why: "a tenant's keys, newest first" },
  ],
});
