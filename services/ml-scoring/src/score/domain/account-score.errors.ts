import { DomainError } from '@foresight/domain';

/** An account id seen under two tenants: refusing keeps one tenant's inputs out of the other's score. */
export function accountOfAnotherTenant(accountId: string): DomainError {
  return new DomainError(
    'SCORING.ACCOUNT_OF_ANOTHER_TENANT',
    `Account ${accountId} is already scored under another tenant`,
    'conflict',
    { accountId },
  );
}
