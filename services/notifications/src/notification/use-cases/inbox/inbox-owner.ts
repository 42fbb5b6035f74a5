import { DomainError } from '@foresight/domain';
import type { Principal } from '@foresight/contracts';

/** Whose inbox: a user's, named by their e-mail as reports name owners. API keys have none. */
export function inboxOwnerOf(principal: Principal): string {
  if (principal.kind !== 'user' || !principal.email)
    throw new DomainError(
      'INBOX.USER_ONLY',
      'the inbox belongs to a signed-in user, not an API key',
      'forbidden',
    );
  return principal.email.toLowerCase();
}
