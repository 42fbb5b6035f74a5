import { REPORT_OUTCOMES, ReportOutcomeName } from '@foresight/contracts';
import type { Principal } from '@foresight/contracts';
import { DomainError } from '@foresight/domain';

const invalid = (field: string, message: string) =>
  new DomainError('OUTCOME.INVALID_INPUT', `${field} ${message}`, 'invalid', { field });

/**
 * Someone states a report's outcome. Validates itself, so any entry point (HTTP today, an import or
 * an admin job later) gets the checks the HTTP body gets.
 */
export class SetOutcomeByHand {
  private constructor(
    readonly principal: Principal,
    readonly reportId: string,
    readonly outcome: ReportOutcomeName,
    readonly revenueImpact: number | null,
    readonly note: string | null,
    readonly requestId: string,
  ) {}

  static create(input: {
    principal: Principal;
    reportId: string;
    outcome: string;
    revenueImpact?: number | null;
    note?: string | null;
    requestId: string;
  }): SetOutcomeByHand {
    if (!(REPORT_OUTCOMES as readonly string[]).includes(input.outcome))
      throw invalid('outcome', `must be one of ${REPORT_OUTCOMES.join(', ')}`);
    const impact = input.revenueImpact ?? null;
    if (impact !== null && (!Number.isFinite(impact) || Math.abs(impact) > 1e12))
      throw invalid('revenueImpact', 'must be a finite amount within ±1e12');
    const note = input.note ?? null;
    if (note !== null && note.length > 2000) throw invalid('note', 'must be at most 2000 characters');
    return new SetOutcomeByHand(
      input.principal,
      input.reportId,
      input.outcome as ReportOutcomeName,
      impact,
      note,
      input.requestId,
    );
  }
}
