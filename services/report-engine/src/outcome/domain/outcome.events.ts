import type { OutcomeFactName, OutcomeVerificationName, ReportOutcomeName } from '@foresight/contracts';
import { Event } from '@foresight/domain';
import { OutcomeReportRef } from './outcome-report-ref';

/** What one source says the outcome is, and the annual revenue it moved. */
export interface Verdict {
  outcome: ReportOutcomeName;
  revenueImpact: number;
}

export type OutcomeSource =
  | { type: 'fact'; factId: string; fact: OutcomeFactName; effectiveAt: string }
  | {
      type: 'manual';
      by: string;
      note: string | null;
      /** As the person gave it; null leaves it to the facts when they agree. */
      revenueImpact: number | null;
    };

/**
 * The ledger's one event: what this source proposed, and the outcome the ledger holds after it
 * (with its verification). Carrying the report and the result makes each event publishable on its
 * own, and the stream readable without re-deriving anything.
 */
export type OutcomeRecorded = Event<
  'OutcomeRecorded',
  {
    reportId: string;
    tenantId: string;
    report: OutcomeReportRef;
    source: OutcomeSource;
    proposed: Verdict;
    outcome: ReportOutcomeName;
    revenueImpact: number;
    verification: OutcomeVerificationName;
    decidedAt: string;
  }
>;

export type OutcomeEvent = OutcomeRecorded;
