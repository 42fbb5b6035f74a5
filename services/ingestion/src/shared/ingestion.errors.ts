import { DomainError, DomainErrorKind } from '@foresight/domain';

/** Refusals of ingestion's use cases, by code; the kind decides the HTTP status in service-kit's filter. */
const KINDS = {
  INVALID_BATCH: 'invalid',
  RECORD_NOT_FOUND: 'not_found',
  /** A removal named a source other than the one holding the record. */
  SOURCE_CONFLICT: 'conflict',
  SYNC_NOT_FOUND: 'not_found',
  INVALID_CURSOR: 'invalid',
} as const satisfies Record<string, DomainErrorKind>;

export type IngestionErrorCode = keyof typeof KINDS;

export function ingestionError(
  code: IngestionErrorCode,
  message: string,
  details?: Record<string, unknown>,
): DomainError {
  return new DomainError(`INGESTION.${code}`, message, KINDS[code], details);
}
