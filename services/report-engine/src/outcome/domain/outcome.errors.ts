import { DomainError } from '@foresight/domain';

/** An outcome needs a report that was created: an INCOMING one has no owner and may never load. */
export const reportNotCreated = (reportId: string): DomainError =>
  new DomainError(
    'OUTCOME.REPORT_NOT_CREATED',
    `Report ${reportId} is not created yet; an outcome can be recorded once it is`,
    'conflict',
    { reportId },
  );
