import { DomainError } from '@foresight/domain';

/** The owner (or an admin) puts a report aside until a date; no re-notification before then. */
export interface SnoozeReportCommand {
  tenantId: string;
  reportId: string;
  until: string;
  reason: string;
  by: string;
  /** Whether `by` may act on anyone's report (reports:admin). */
  admin: boolean;
  requestId: string;
  at: string;
}

export const SnoozeReportCommand = {
  create(input: SnoozeReportCommand): SnoozeReportCommand {
    if (!(Date.parse(input.until) > Date.parse(input.at)))
      throw new DomainError(
        'REPORT.INVALID_SNOOZE',
        `until (${input.until}) must be in the future`,
        'invalid',
        {
          field: 'until',
        },
      );
    return input;
  },
};
