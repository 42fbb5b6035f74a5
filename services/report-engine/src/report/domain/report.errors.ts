import { DomainError } from '@foresight/domain';

/**
 * A command the report's current status does not allow. 'conflict' (HTTP 409): the request is
 * well-formed, the report's state is what stands in the way, and re-reading the report explains why.
 */
export function invalidTransition(
  reportId: string,
  status: string,
  command: string,
  why?: string,
): DomainError {
  return new DomainError(
    'REPORT.INVALID_TRANSITION',
    `Report ${reportId} is ${status}: ${command} is not allowed${why ? ` (${why})` : ''}`,
    'conflict',
    { reportId, status, command },
  );
}

export function reportNotFound(reportId: string, command: string): DomainError {
  return new DomainError(
    'REPORT.NOT_FOUND',
    `Report ${reportId} does not exist: ${command} needs a report`,
    'not_found',
    {
      reportId,
      command,
    },
  );
}
