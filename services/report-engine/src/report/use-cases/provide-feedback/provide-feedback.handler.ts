import { Injectable } from '@nestjs/common';
import type { Principal } from '@foresight/contracts';
import { DomainError } from '@foresight/domain';
import { FeedbackVerdict } from '../../domain/report-kind';
import { ReportReader } from '../get-report/report-reader';
import { requestCause } from '../shared/cause';
import { ReportStreams } from '../shared/report-streams';
import { ReportView } from '../report.view';

export interface ProvideFeedback {
  principal: Principal;
  reportId: string;
  outcome: FeedbackVerdict;
  note?: string;
  requestId: string;
}

/** The owner's answer to a notified report; someone else may answer only with reports:admin. */
@Injectable()
export class ProvideFeedbackHandler {
  constructor(
    private readonly streams: ReportStreams,
    private readonly reader: ReportReader,
  ) {}

  async execute(command: ProvideFeedback, now = new Date()): Promise<ReportView> {
    const { principal, reportId } = command;
    const { state } = await this.reader.load(principal.tenantId, reportId);
    const owner = state.status === 'EMPTY' || state.status === 'UNKNOWN' ? null : state.ownerId;
    const email = principal.email?.toLowerCase();
    if (!(owner !== null && email === owner) && !principal.permissions.includes('reports:admin'))
      throw new DomainError(
        'REPORT.NOT_OWNER',
        "Only the report's owner (or someone with reports:admin) can give feedback on it",
        'forbidden',
        { reportId },
      );
    const by = email ?? principal.id;
    await this.streams.decide(
      principal.tenantId,
      {
        type: 'ProvideFeedback',
        data: { reportId, verdict: command.outcome, by, note: command.note ?? null, at: now.toISOString() },
      },
      requestCause(by, command.requestId),
    );
    return this.reader.view(principal.tenantId, reportId);
  }
}
