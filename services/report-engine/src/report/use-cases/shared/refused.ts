import { DomainError } from '@foresight/domain';

/**
 * A reaction the report's state does not allow (a delivery for a report that went STALE meanwhile, a
 * refresh of an ended one): the fact is real but changes nothing here. Retrying would not help, and
 * dead-lettering a fact that was handled correctly would only hide real failures.
 */
export function isRefusedTransition(err: unknown): err is DomainError {
  return err instanceof DomainError && err.code === 'REPORT.INVALID_TRANSITION';
}
