import type { RecordedEvent } from '@foresight/eventstore';
import { SignalReceived } from '../../../report/domain/report.events';
import { Report } from '../../../report/domain/report.state';
import { OutcomeReportRef } from '../../domain/outcome-report-ref';

/**
 * The ledger's copy of a report, from its folded state and its first event (the signal's arrival
 * time is kept nowhere else); undefined for a report that was never created.
 */
export function reportRefOf(state: Report, events: readonly RecordedEvent[]): OutcomeReportRef | undefined {
  if (state.status === 'EMPTY' || state.status === 'UNKNOWN' || state.status === 'INCOMING') return undefined;
  const first = events[0];
  const raisedAt =
    first?.type === 'SignalReceived' ? (first.data as SignalReceived['data']).receivedAt : state.createdAt;
  return {
    accountId: state.subject.accountId,
    kind: state.kind,
    subject: { type: state.subject.type, id: state.subject.id },
    ownerEmail: state.ownerId,
    raisedAt,
  };
}
