import { Injectable } from '@nestjs/common';
import { DomainError } from '@foresight/domain';
import { requestCause } from '../shared/cause';
import { ReportStreams } from '../shared/report-streams';
import { SnoozeReportCommand } from './snooze-report.command';

export interface SnoozeResult {
  reportId: string;
  status: string;
  snoozedUntil: string;
}

/** The owner's snooze (Gainsight's): someone else may snooze only with reports:admin. */
@Injectable()
export class SnoozeReportHandler {
  constructor(private readonly streams: ReportStreams) {}

  async execute(command: SnoozeReportCommand): Promise<SnoozeResult> {
    const { tenantId, reportId, until, reason, by, at } = command;
    const { state } = await this.streams.load(reportId);
    // Another tenant's report does not exist for this caller.
    if (
      state.status === 'EMPTY' ||
      state.status === 'UNKNOWN' ||
      state.tenantId !== tenantId ||
      state.deleted
    )
      throw new DomainError('REPORT.NOT_FOUND', `Report ${reportId} does not exist`, 'not_found', {
        reportId,
      });
    if (state.ownerId !== by && !command.admin)
      throw new DomainError(
        'REPORT.NOT_OWNER',
        "Only the report's owner (or someone with reports:admin) can snooze it",
        'forbidden',
        { reportId },
      );
    const { state: after } = await this.streams.decide(
      tenantId,
      { type: 'Snooze', data: { reportId, until, reason, by, at } },
      requestCause(by, command.requestId),
    );
    return { reportId, status: after.status, snoozedUntil: until };
  }
}
