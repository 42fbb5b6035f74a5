import type { ReportKindName } from '@foresight/contracts';

/** The report an outcome belongs to, as the ledger keeps it (copied, not looked up, so replays agree). */
export interface OutcomeReportRef {
  accountId: string;
  kind: ReportKindName;
  subject: { type: 'account' | 'contract' | 'product'; id: string };
  /** The report's owner when the outcome was recorded; null for a report nobody owned yet. */
  ownerEmail: string | null;
  /** When the report's signal arrived: facts count only from here on. */
  raisedAt: string;
}
