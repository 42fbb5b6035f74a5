import type { OutcomeFactName, ReportKindName, ReportOutcomeName } from '@foresight/contracts';
import { assertNever } from '@foresight/domain';
import { Verdict } from './outcome.events';
import { OutcomeReportRef } from './outcome-report-ref';

const diff = (before: number | null, after: number | null): number | null =>
  before === null || after === null ? null : after - before;

/**
 * The outcome an ingested fact stands for, and the annual revenue it moved; null when the fact says
 * nothing about the outcome (an ARR "change" to the same amount, or one without both amounts).
 * Losing one subscription is a downgrade of the account, not its churn; a contract's end is churn.
 */
export function outcomeOfFact(
  fact: OutcomeFactName,
  amountBefore: number | null,
  amountAfter: number | null,
): Verdict | null {
  switch (fact) {
    case 'converted':
      return { outcome: 'converted', revenueImpact: amountAfter ?? 0 };
    case 'lifecycle_left_customer':
      return { outcome: 'churned', revenueImpact: -(amountBefore ?? 0) };
    case 'contract_renewed':
      return { outcome: 'renewed', revenueImpact: amountAfter ?? amountBefore ?? 0 };
    case 'contract_ended':
      return { outcome: 'churned', revenueImpact: -(amountBefore ?? amountAfter ?? 0) };
    case 'arr_changed': {
      const delta = diff(amountBefore, amountAfter);
      if (delta === null || delta === 0) return null;
      return { outcome: delta > 0 ? 'expanded' : 'downgraded', revenueImpact: delta };
    }
    case 'subscription_added':
      return { outcome: 'expanded', revenueImpact: diff(amountBefore, amountAfter) ?? amountAfter ?? 0 };
    case 'subscription_upgraded':
      return { outcome: 'expanded', revenueImpact: diff(amountBefore, amountAfter) ?? amountAfter ?? 0 };
    case 'subscription_downgraded':
      return {
        outcome: 'downgraded',
        revenueImpact: diff(amountBefore, amountAfter) ?? -(amountBefore ?? 0),
      };
    case 'subscription_ended':
      return { outcome: 'downgraded', revenueImpact: -(amountBefore ?? amountAfter ?? 0) };
    default:
      return assertNever(fact, 'outcome fact');
  }
}

/**
 * Whether a fact about the account speaks for this report: an account report takes every fact of its
 * account; a contract or product report takes its own record's facts and the account-wide ones
 * (conversion, leaving, the account's ARR), never a sibling contract's.
 */
export function factConcerns(
  report: Pick<OutcomeReportRef, 'subject'>,
  subjectType: 'account' | 'contract' | 'subscription',
  subjectId: string,
): boolean {
  switch (report.subject.type) {
    case 'account':
      return true;
    case 'contract':
      return subjectType === 'account' || (subjectType === 'contract' && subjectId === report.subject.id);
    case 'product':
      return subjectType === 'account' || (subjectType === 'subscription' && subjectId === report.subject.id);
    default:
      return assertNever(report.subject.type, 'report subject type');
  }
}

/** Facts count for a report only inside this window after it was raised; a year covers a renewal cycle. */
export const OUTCOME_WINDOW_DAYS = 365;

export function withinWindow(raisedAt: string, effectiveAt: string): boolean {
  const from = Date.parse(raisedAt);
  const at = Date.parse(effectiveAt);
  return at >= from && at <= from + OUTCOME_WINDOW_DAYS * 86_400_000;
}

const CHURN_KINDS: readonly ReportKindName[] = ['CRITICAL_CHURN', 'PARTIAL_CHURN', 'REVENUE_AT_RISK'];
export const isRiskKind = (kind: ReportKindName): boolean => CHURN_KINDS.includes(kind);

/**
 * Did the outcome bear the report out? A risk report is right when the account churned or shrank;
 * an opportunity report when it grew or converted. This is the numerator of precision.
 */
export function confirmsSignal(kind: ReportKindName, outcome: ReportOutcomeName): boolean {
  return isRiskKind(kind)
    ? outcome === 'churned' || outcome === 'downgraded'
    : outcome === 'expanded' || outcome === 'converted';
}
