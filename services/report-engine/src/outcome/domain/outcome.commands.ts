import type { OutcomeFactName, ReportOutcomeName } from '@foresight/contracts';
import { Command } from '@foresight/domain';
import { OutcomeReportRef } from './outcome-report-ref';

/** An ingested fact about the report's account (ingestion's OutcomeObserved). */
export type ObserveFact = Command<
  'ObserveFact',
  {
    reportId: string;
    tenantId: string;
    report: OutcomeReportRef;
    factId: string;
    fact: OutcomeFactName;
    subjectType: 'account' | 'contract' | 'subscription';
    subjectId: string;
    amountBefore: number | null;
    amountAfter: number | null;
    effectiveAt: string;
    at: string;
  }
>;

/** Someone states the outcome; `revenueImpact` null means "as the facts say, if they agree". */
export type SetOutcomeByHand = Command<
  'SetOutcomeByHand',
  {
    reportId: string;
    tenantId: string;
    report: OutcomeReportRef;
    outcome: ReportOutcomeName;
    revenueImpact: number | null;
    note: string | null;
    by: string;
    at: string;
  }
>;

export type OutcomeCommand = ObserveFact | SetOutcomeByHand;
