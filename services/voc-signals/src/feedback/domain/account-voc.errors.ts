import { DomainError } from '@foresight/domain';

/** An account id seen under two tenants: refusing keeps one tenant's feedback out of the other's signal. */
export function accountOfAnotherTenant(accountId: string): DomainError {
  return new DomainError(
    'VOC.ACCOUNT_OF_ANOTHER_TENANT',
    `Account ${accountId} already has feedback under another tenant`,
    'conflict',
    { accountId },
  );
}
