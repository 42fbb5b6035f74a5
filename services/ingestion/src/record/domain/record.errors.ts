import { DomainError, DomainErrorKind } from '@foresight/domain';

export type RecordErrorCode =
  | 'RECORD.INVALID_TRANSITION'
  /** A removal or verdict about a contract/feedback record never received: its account is unknown. */
  | 'RECORD.UNKNOWN'
  /** A contract or feedback record without the account it belongs to. */
  | 'RECORD.NO_ACCOUNT'
  /** An addressed removal (REST DELETE) naming a source other than the one holding the record. */
  | 'RECORD.SOURCE_MISMATCH';

export function recordError(
  code: RecordErrorCode,
  message: string,
  kind: DomainErrorKind,
  details?: Record<string, unknown>,
): DomainError {
  return new DomainError(code, message, kind, details);
}
