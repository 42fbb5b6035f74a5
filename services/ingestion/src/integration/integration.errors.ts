import { DomainError, DomainErrorKind } from '@foresight/domain';

const KINDS = {
  INVALID_MAPPING: 'invalid',
  MAPPING_NOT_FOUND: 'not_found',
  INVALID_CURSOR: 'invalid',
} as const satisfies Record<string, DomainErrorKind>;

/** Refusals of the integration use cases; same `INGESTION.` namespace as the rest of the service. */
export function integrationError(
  code: keyof typeof KINDS,
  message: string,
  details?: Record<string, unknown>,
): DomainError {
  return new DomainError(`INGESTION.${code}`, message, KINDS[code], details);
}
