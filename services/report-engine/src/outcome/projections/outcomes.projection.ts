import type { OutcomeVerificationName, ReportKindName, ReportOutcomeName } from '@foresight/contracts';
import { defineProjection, ProjectionEvent } from '@foresight/projections';
import { confirmsSignal, isRiskKind } from '../domain/outcome-of-fact';
import { OutcomeRecorded, OutcomeSource, Verdict } from '../domain/outcome.events';

/** One report's outcome as the ledger holds it now: the rows the summary adds up. */
export interface OutcomeDoc {
  reportId: string;
  accountId: string;
  kind: ReportKindName;
  category: 'risk' | 'opportunity';
  subject: { type: 'account' | 'contract' | 'product'; id: string };
  ownerEmail: string | null;
  raisedAt: string;
  /** `YYYY-MM` of raisedAt: the summary's period. */
  period: string;
  outcome: ReportOutcomeName;
  revenueImpact: number;
  verification: OutcomeVerificationName;
  /** The outcome bore the report out (precision's numerator). */
  confirmed: boolean;
  automatic: (Verdict & { factId: string }) | null;
  manual: (Verdict & { by: string; note: string | null }) | null;
  decidedAt: string;
}

export type OutcomeProjectionEvent = ProjectionEvent<'OutcomeRecorded', OutcomeRecorded['data']>;

const manualOf = (source: OutcomeSource, proposed: Verdict): OutcomeDoc['manual'] =>
  source.type === 'manual' ? { ...proposed, by: source.by, note: source.note } : null;

export const outcomesProjection = defineProjection<OutcomeDoc, OutcomeProjectionEvent>({
  name: 'report-engine-outcomes',
  version: 1,
  collectionBase: 're_outcomes',
  handles: ['OutcomeRecorded'],
  id: (e) => e.data.reportId,
  indexes: [
    { fields: { raisedAt: -1 }, why: 'GET /v1/outcomes/summary?from=&to=' },
    { fields: { ownerEmail: 1, raisedAt: -1 }, why: 'GET /v1/outcomes/summary?owner=' },
  ],
  evolve: (doc, e) => {
    const d = e.data;
    const automatic =
      d.source.type === 'fact' ? { ...d.proposed, factId: d.source.factId } : (doc?.automatic ?? null);
    return {
      reportId: d.reportId,
      accountId: d.report.accountId,
      kind: d.report.kind,
      category: isRiskKind(d.report.kind) ? 'risk' : 'opportunity',
      subject: d.report.subject,
      ownerEmail: doc?.ownerEmail ?? d.report.ownerEmail,
      raisedAt: d.report.raisedAt,
      period: d.report.raisedAt.slice(0, 7),
      outcome: d.outcome,
      revenueImpact: d.revenueImpact,
      verification: d.verification,
      confirmed: confirmsSignal(d.report.kind, d.outcome),
      automatic,
      manual: manualOf(d.source, d.proposed) ?? doc?.manual ?? null,
      decidedAt: d.decidedAt,
    };
  },
});
