import type { RecordedEvent } from '@foresight/eventstore';
import type { AccessChange } from '../../shared/integration/access-changed.routes';
import type { SessionEvent } from '../domain/session.events';

/** Logout or refresh-token reuse: the session's access tokens are refused before they expire. */
export function accessChangeOfSession(event: RecordedEvent): AccessChange | undefined {
  const e = { type: event.type, data: event.data } as SessionEvent;
  return e.type === 'SessionRevoked'
    ? { kind: 'session_revoked', tenantId: e.data.tenantId, subjectId: e.data.sessionId }
    : undefined;
}
