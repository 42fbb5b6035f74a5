import type { OutcomeVerificationName, ReportOutcomeName } from '@foresight/contracts';
import { assertNever, Decider } from '@foresight/domain';
import { outcomeOfFact, withinWindow } from './outcome-of-fact';
import { OutcomeCommand } from './outcome.commands';
import { OutcomeEvent, OutcomeRecorded, OutcomeSource, Verdict } from './outcome.events';
import { AutomaticVerdict, initialOutcome, ManualVerdict, Outcome } from './outcome.state';
import { OutcomeReportRef } from './outcome-report-ref';

/*
 * The outcome ledger of one report. Facts set the automatic verdict (the latest fact by effective
 * time wins, so the verdict does not depend on the order facts arrive in); a person sets the manual
 * one. What the ledger holds: the automatic verdict alone is Verified; the manual one alone is
 * Pending (nobody's facts back it yet); both agreeing is Verified; both disagreeing is Disputed and
 * shows the person's verdict, since the person knows something the facts do not (or is wrong, which
 * is what Disputed flags). Anything that changes nothing appends nothing, so redelivery is harmless.
 */

interface Held {
  outcome: ReportOutcomeName;
  revenueImpact: number;
  verification: OutcomeVerificationName;
}

export function resolve(automatic: Verdict, manual: ManualVerdict | null): Held;
export function resolve(automatic: Verdict | null, manual: ManualVerdict): Held;
export function resolve(automatic: Verdict | null, manual: ManualVerdict | null): Held {
  if (!manual) return { ...(automatic as Verdict), verification: 'Verified' };
  if (!automatic)
    return { outcome: manual.outcome, revenueImpact: manual.revenueImpact ?? 0, verification: 'Pending' };
  if (automatic.outcome === manual.outcome)
    return {
      outcome: manual.outcome,
      revenueImpact: manual.revenueImpact ?? automatic.revenueImpact,
      verification: 'Verified',
    };
  return { outcome: manual.outcome, revenueImpact: manual.revenueImpact ?? 0, verification: 'Disputed' };
}

/** Later effective time wins; the fact id breaks ties so any arrival order gives one answer. */
const isLater = (fact: { effectiveAt: string; factId: string }, than: AutomaticVerdict | null) =>
  !than ||
  Date.parse(fact.effectiveAt) > Date.parse(than.effectiveAt) ||
  (Date.parse(fact.effectiveAt) === Date.parse(than.effectiveAt) && fact.factId > than.factId);

function recorded(
  reportId: string,
  tenantId: string,
  report: OutcomeReportRef,
  source: OutcomeSource,
  proposed: Verdict,
  held: Held,
  decidedAt: string,
): OutcomeRecorded {
  return {
    type: 'OutcomeRecorded',
    data: { reportId, tenantId, report, source, proposed, ...held, decidedAt },
  };
}

export function decide(command: OutcomeCommand, state: Outcome): OutcomeEvent[] {
  const automatic = state.status === 'RECORDED' ? state.automatic : null;
  const manual = state.status === 'RECORDED' ? state.manual : null;
  // The report as first recorded stays the ledger's (its kind and raise time never change).
  const report = state.status === 'RECORDED' ? state.report : command.data.report;
  const { reportId, tenantId } = command.data;

  switch (command.type) {
    case 'ObserveFact': {
      const { factId, fact, amountBefore, amountAfter, effectiveAt, at } = command.data;
      if (!withinWindow(report.raisedAt, effectiveAt)) return [];
      const proposed = outcomeOfFact(fact, amountBefore, amountAfter);
      if (!proposed || !isLater({ effectiveAt, factId }, automatic)) return [];
      // Recorded even when what the ledger shows stays the same: the latest fact must be known, or a
      // late-arriving older fact could take its place and the verdict would depend on arrival order.
      const held = resolve(proposed, manual);
      return [
        recorded(reportId, tenantId, report, { type: 'fact', factId, fact, effectiveAt }, proposed, held, at),
      ];
    }
    case 'SetOutcomeByHand': {
      const { outcome, revenueImpact, note, by, at } = command.data;
      if (
        manual &&
        manual.outcome === outcome &&
        manual.revenueImpact === revenueImpact &&
        manual.note === note &&
        manual.by === by
      )
        return [];
      const held = resolve(automatic, { outcome, revenueImpact, by, note, at });
      const source: OutcomeSource = { type: 'manual', by, note, revenueImpact };
      return [
        recorded(
          reportId,
          tenantId,
          report,
          source,
          { outcome, revenueImpact: held.revenueImpact },
          held,
          at,
        ),
      ];
    }
    default:
      return assertNever(command, 'outcome command');
  }
}

export function evolve(state: Outcome, event: OutcomeEvent): Outcome {
  switch (event.type) {
    case 'OutcomeRecorded': {
      const d = event.data;
      const automatic: AutomaticVerdict | null =
        d.source.type === 'fact'
          ? { ...d.proposed, factId: d.source.factId, effectiveAt: d.source.effectiveAt }
          : state.status === 'RECORDED'
            ? state.automatic
            : null;
      const manual: ManualVerdict | null =
        d.source.type === 'manual'
          ? {
              outcome: d.proposed.outcome,
              revenueImpact: d.source.revenueImpact,
              by: d.source.by,
              note: d.source.note,
              at: d.decidedAt,
            }
          : state.status === 'RECORDED'
            ? state.manual
            : null;
      return {
        status: 'RECORDED',
        reportId: d.reportId,
        tenantId: d.tenantId,
        report: state.status === 'RECORDED' ? state.report : d.report,
        automatic,
        manual,
        outcome: d.outcome,
        revenueImpact: d.revenueImpact,
        verification: d.verification,
        decidedAt: d.decidedAt,
      };
    }
    default:
      return assertNever(event.type, 'outcome event');
  }
}

export const outcomeDecider: Decider<Outcome, OutcomeCommand, OutcomeEvent> = {
  initialState: initialOutcome,
  decide,
  evolve,
};
