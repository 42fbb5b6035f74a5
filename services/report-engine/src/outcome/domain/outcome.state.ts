import type { OutcomeVerificationName, ReportOutcomeName } from '@foresight/contracts';
import { Verdict } from './outcome.events';
import { OutcomeReportRef } from './outcome-report-ref';

export interface AutomaticVerdict extends Verdict {
  factId: string;
  effectiveAt: string;
}

export interface ManualVerdict {
  outcome: ReportOutcomeName;
  /** As given; null when the person left it to the facts. */
  revenueImpact: number | null;
  by: string;
  note: string | null;
  at: string;
}

export type Outcome =
  | { status: 'NONE' }
  | {
      status: 'RECORDED';
      reportId: string;
      tenantId: string;
      report: OutcomeReportRef;
      /** The latest fact's verdict (by effective time), null until a fact arrives. */
      automatic: AutomaticVerdict | null;
      manual: ManualVerdict | null;
      outcome: ReportOutcomeName;
      revenueImpact: number;
      verification: OutcomeVerificationName;
      decidedAt: string;
    };

export const initialOutcome = (): Outcome => ({ status: 'NONE' });
