import { ReportOutcomeRecorded, ReportOutcomeRecordedPayload, Topics } from '@foresight/contracts';
import { categoryOf, RecordedEvent } from '@foresight/eventstore';
import type { Route } from '@foresight/messaging';
import { OUTCOME_STREAM_CATEGORY } from '../domain/outcome-id';
import { OutcomeEvent } from '../domain/outcome.events';

/**
 * Each ledger event leaves as ReportOutcomeRecorded (keyed by account id, like the report topic):
 * the outcome as the ledger holds it after that event, so ml-scoring's labels follow the latest.
 */
export function outcomeRoute(recorded: RecordedEvent): Route | undefined {
  if (categoryOf(recorded.stream) !== OUTCOME_STREAM_CATEGORY) return undefined;
  const event = { type: recorded.type, data: recorded.data } as OutcomeEvent;
  if (event.type !== 'OutcomeRecorded') return undefined;
  const d = event.data;
  const payload: ReportOutcomeRecordedPayload = {
    reportId: d.reportId,
    accountId: d.report.accountId,
    kind: d.report.kind,
    subject: { type: d.report.subject.type, id: d.report.subject.id },
    outcome: d.outcome,
    revenueImpact: d.revenueImpact,
    verification: d.verification,
    raisedAt: d.report.raisedAt,
    decidedAt: d.decidedAt,
  };
  return { topic: Topics.reportOutcomes, key: d.report.accountId, type: ReportOutcomeRecorded.type, payload };
}
