import { defineProjection, ProjectionEvent } from '@foresight/projections';
import { ReportKind, ReportSubject } from '../../domain/report-kind';
import { SignalReceived } from '../../domain/report.events';

/**
 * Every report the tenant ever had, written once when its stream starts and never changed or
 * removed (not by deletion, not by archiving): time travel lists the reports that existed at a
 * moment from here, then folds each one's stream up to that moment. The outcome ledger finds an
 * account's reports here too.
 */
export interface ReportIndexDoc {
  reportId: string;
  kind: ReportKind;
  subject: ReportSubject;
  accountId: string;
  /** When the signal arrived (the report list's order). */
  receivedAt: string;
  /** When the engine recorded the stream's first event: the report exists as of this time. */
  recordedAt: string;
}

export type ReportIndexEvent = ProjectionEvent<'SignalReceived', SignalReceived['data']>;

export const reportIndexProjection = defineProjection<ReportIndexDoc, ReportIndexEvent>({
  name: 'report-engine-report-index',
  version: 1,
  collectionBase: 're_report_index',
  handles: ['SignalReceived'],
  id: (e) => e.data.reportId,
  indexes: [
    {
      fields: { receivedAt: -1 },
      why: 'GET /v1/reports?asOf=: newest first, filtered to recordedAt <= asOf (most reports qualify)',
    },
    {
      fields: { accountId: 1, receivedAt: -1 },
      why: "outcome ledger: an account's reports raised before a fact",
    },
  ],
  evolve: (doc, e) =>
    doc ?? {
      reportId: e.data.reportId,
      kind: e.data.kind,
      subject: e.data.subject,
      accountId: e.data.subject.accountId,
      receivedAt: e.data.receivedAt,
      recordedAt: e.occurredAt.toISOString(),
    },
});
