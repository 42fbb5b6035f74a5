import { DomainError } from '@foresight/domain';
import { DeleteFilter, JobOperation } from '../../domain/job.decider';

/** Start a batch run; `asOf` is the moment it judges as of (TTL, renewal windows), the request's time by default. */
export interface RunJobCommand {
  jobId: string;
  tenantId: string;
  operation: JobOperation;
  filter: DeleteFilter | null;
  requestedBy: string;
  asOf: string;
  at: string;
}

export const RunJobCommand = {
  create(input: RunJobCommand): RunJobCommand {
    if (Number.isNaN(Date.parse(input.asOf)))
      throw new DomainError('JOB.INVALID', 'at must be an ISO-8601 time', 'invalid', { field: 'at' });
    // A bulk delete with no criterion would take every report of the tenant: refuse rather than guess.
    if (input.operation === 'delete' && !Object.values(input.filter ?? {}).some((v) => v !== undefined))
      throw new DomainError(
        'JOB.INVALID',
        'a bulk delete needs at least one of kind, status, accountId, ownerEmail',
        'invalid',
        {
          field: 'filter',
        },
      );
    return input;
  },
};
