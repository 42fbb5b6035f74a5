import { confirmsSignal } from '../../domain/outcome-of-fact';
import { Outcome } from '../../domain/outcome.state';
import { OutcomeView } from '../outcome.view';

export function outcomeViewOf(state: Extract<Outcome, { status: 'RECORDED' }>): OutcomeView {
  const { automatic, manual } = state;
  return {
    reportId: state.reportId,
    kind: state.report.kind,
    outcome: state.outcome,
    revenueImpact: state.revenueImpact,
    verification: state.verification,
    confirmed: confirmsSignal(state.report.kind, state.outcome),
    automatic: automatic
      ? { outcome: automatic.outcome, revenueImpact: automatic.revenueImpact, factId: automatic.factId }
      : null,
    manual: manual
      ? {
          outcome: manual.outcome,
          // Left to the facts: the figure the ledger holds for it.
          revenueImpact: manual.revenueImpact ?? state.revenueImpact,
          by: manual.by,
          note: manual.note,
        }
      : null,
    raisedAt: state.report.raisedAt,
    decidedAt: state.decidedAt,
  };
}
