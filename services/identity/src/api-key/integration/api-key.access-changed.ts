import type { RecordedEvent } from '@foresight/eventstore';
import type { AccessChange } from '../../shared/integration/access-changed.routes';
import type { ApiKeyEvent } from '../domain/api-key.events';

/** Guards key their verification caches by prefix, so the prefix goes along with the key id. */
export function accessChangeOfApiKey(event: RecordedEvent): AccessChange | undefined {
  const e = { type: event.type, data: event.data } as ApiKeyEvent;
  switch (e.type) {
    case 'ApiKeyRevoked':
      return {
        kind: 'api_key_revoked',
        tenantId: e.data.tenantId,
        subjectId: e.data.keyId,
        keyPrefix: e.data.prefix,
      };
    case 'ApiKeyRotated':
    case 'ApiKeyRolesRestricted':
      return {
        kind: 'api_key_changed',
        tenantId: e.data.tenantId,
        subjectId: e.data.keyId,
        keyPrefix: e.data.prefix,
      };
    default:
      return undefined;
  }
}
