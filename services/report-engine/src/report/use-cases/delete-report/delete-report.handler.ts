import { Injectable } from '@nestjs/common';
import { DomainError } from '@foresight/domain';
import { requestCause } from '../shared/cause';
import { ReportStreams } from '../shared/report-streams';
import { DeleteReportCommand } from './delete-report.command';

@Injectable()
export class DeleteReportHandler {
  constructor(private readonly streams: ReportStreams) {}

  async execute(command: DeleteReportCommand): Promise<void> {
    const { tenantId, reportId, by, reason, at } = command;
    const { state } = await this.streams.load(reportId);
    if (state.status === 'EMPTY' || state.status === 'UNKNOWN' || state.tenantId !== tenantId)
      throw new DomainError('REPORT.NOT_FOUND', `Report ${reportId} does not exist`, 'not_found', {
        reportId,
      });
    await this.streams.decide(
      tenantId,
      { type: 'DeleteReport', data: { reportId, by, reason, at } },
      requestCause(by, command.requestId),
    );
  }
}
