import { Injectable } from '@nestjs/common';
import { DomainError } from '@foresight/domain';
import { ReportReader } from '../../../report/use-cases/get-report/report-reader';
import { requestCause } from '../../../report/use-cases/shared/cause';
import { reportNotCreated } from '../../domain/outcome.errors';
import { OutcomeView } from '../outcome.view';
import { OutcomeStreams } from '../shared/outcome-streams';
import { outcomeViewOf } from '../shared/outcome-view';
import { reportRefOf } from '../shared/report-of';
import { SetOutcomeByHand } from './set-outcome-by-hand.command';

/**
 * The report's owner (or someone with reports:admin) states its outcome, as with feedback: the owner
 * knows what happened to the account, and nobody else should speak for them without admin rights.
 */
@Injectable()
export class SetOutcomeByHandHandler {
  constructor(
    private readonly reports: ReportReader,
    private readonly outcomes: OutcomeStreams,
  ) {}

  async execute(command: SetOutcomeByHand, now = new Date()): Promise<OutcomeView> {
    const { principal, reportId } = command;
    const { state, events } = await this.reports.load(principal.tenantId, reportId);
    const report = reportRefOf(state, events);
    if (!report) throw reportNotCreated(reportId);
    const email = principal.email?.toLowerCase();
    if (
      !(report.ownerEmail !== null && email === report.ownerEmail) &&
      !principal.permissions.includes('reports:admin')
    )
      throw new DomainError(
        'REPORT.NOT_OWNER',
        "Only the report's owner (or someone with reports:admin) can record its outcome",
        'forbidden',
        { reportId },
      );
    const by = email ?? principal.id;
    const { state: after } = await this.outcomes.decide(
      principal.tenantId,
      {
        type: 'SetOutcomeByHand',
        data: {
          reportId,
          tenantId: principal.tenantId,
          report,
          outcome: command.outcome,
          revenueImpact: command.revenueImpact,
          note: command.note,
          by,
          at: now.toISOString(),
        },
      },
      requestCause(by, command.requestId),
    );
    if (after.status !== 'RECORDED') throw new Error(`outcome of ${reportId} was not recorded`);
    return outcomeViewOf(after);
  }
}
