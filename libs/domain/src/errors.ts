/**
 * What a domain rule violation means to a caller; one filter maps it to HTTP and gRPC status codes,
 * so the application layer never throws transport exceptions.
 */
export type DomainErrorKind =
  'invalid' | 'not_found' | 'conflict' | 'forbidden' | 'unauthenticated' | 'locked' | 'limit';

export class DomainError extends Error {
  constructor(
    /** Stable machine-readable code, e.g. `REPORT.INVALID_TRANSITION`. */
    readonly code: string,
    message: string,
    readonly kind: DomainErrorKind = 'invalid',
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
