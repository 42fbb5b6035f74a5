import { Injectable, Logger } from '@nestjs/common';
import { ReadModels } from '@foresight/backbone';
import type { OutcomeObservedPayload } from '@foresight/contracts';
import { reportIndexProjection } from '../../../report/use-cases/list-reports/report-index.projection';
import { Cause } from '../../../report/use-cases/shared/cause';
import { ReportStreams } from '../../../report/use-cases/shared/report-streams';
import { factConcerns, OUTCOME_WINDOW_DAYS } from '../../domain/outcome-of-fact';
import { OutcomeStreams } from '../shared/outcome-streams';
import { reportRefOf } from '../shared/report-of';

export interface ObserveOutcomeFact {
  tenantId: string;
  fact: OutcomeObservedPayload;
  cause: Cause;
}

/**
 * An ingested fact about an account becomes the automatic outcome of each of the account's reports
 * it speaks for: raised before it took effect, within the outcome window, on the fact's subject.
 */
@Injectable()
export class ObserveFactHandler {
  private readonly logger = new Logger('ObserveFact');

  constructor(
    private readonly readModels: ReadModels,
    private readonly reports: ReportStreams,
    private readonly outcomes: OutcomeStreams,
  ) {}

  async execute({ tenantId, fact, cause }: ObserveOutcomeFact): Promise<number> {
    // receivedAt is stored as UTC ISO text; the fact's time may carry an offset, so compare like with like.
    const effective = Date.parse(fact.effectiveAt);
    const latest = new Date(effective).toISOString();
    const earliest = new Date(effective - OUTCOME_WINDOW_DAYS * 86_400_000).toISOString();
    const candidates = await this.readModels
      .of(reportIndexProjection)
      .find(tenantId, { accountId: fact.accountId, receivedAt: { $lte: latest, $gte: earliest } });
    let recorded = 0;
    for (const candidate of candidates) {
      if (!factConcerns(candidate, fact.subjectType, fact.subjectId)) continue;
      const { state, events } = await this.reports.load(candidate.reportId);
      const report = reportRefOf(state, events);
      // Never created (still INCOMING): nobody was told, so there is nothing to bear out.
      if (!report || events[0]?.metadata.tenantId !== tenantId) continue;
      const { events: appended } = await this.outcomes.decide(
        tenantId,
        {
          type: 'ObserveFact',
          data: {
            reportId: candidate.reportId,
            tenantId,
            report,
            factId: fact.factId,
            fact: fact.fact,
            subjectType: fact.subjectType,
            subjectId: fact.subjectId,
            amountBefore: fact.amountBefore ?? null,
            amountAfter: fact.amountAfter ?? null,
            effectiveAt: fact.effectiveAt,
            at: fact.at,
          },
        },
        cause,
        `${fact.factId}:outcome:${candidate.reportId}`,
      );
      recorded += appended.length;
    }
    if (recorded)
      this.logger.log(
        `${fact.fact} ${fact.factId} recorded ${recorded} outcome(s) for account ${fact.accountId}`,
      );
    return recorded;
  }
}
