import { Injectable } from '@nestjs/common';
import type { RecordedEvent } from '@foresight/eventstore';
import { reportDecider } from '../../domain/report.decider';
import { reportNotFound } from '../../domain/report.errors';
import { ReportEvent } from '../../domain/report.events';
import { categoryOf } from '../../domain/report-kind';
import { Report } from '../../domain/report.state';
import { ReportStreams } from '../shared/report-streams';
import { ReportView, TimelineEntryView } from '../report.view';

const pct = (p: number) => `${Math.round(p * 100)}%`;

function summaryOf(event: ReportEvent): string {
  switch (event.type) {
    case 'SignalReceived':
      return `scored ${pct(event.data.data.score)} (${event.data.kind})`;
    case 'ReportCreated':
      return `created for ${event.data.ownerId} with ${event.data.nextBestActions.length} next best actions`;
    case 'NotificationRequested':
      return `notification requested for ${event.data.recipient}`;
    case 'ReportNotified':
      return `owner notified by ${event.data.channel}`;
    case 'FeedbackProvided':
      return `feedback ${event.data.verdict} from ${event.data.by}${event.data.note ? `: ${event.data.note}` : ''}`;
    case 'LatestDataRefreshed':
      return `latest data refreshed (score ${pct(event.data.data.score)})`;
    case 'ReportMarkedStale':
      return `stale: ${event.data.reason}`;
    case 'ReportExpired':
      return `expired: ${event.data.reason}`;
    case 'ReportKindChanged':
      return `${event.data.escalated ? 'escalated' : 'de-escalated'} ${event.data.from} → ${event.data.to} (score ${pct(event.data.data.score)})`;
    case 'ReportSnoozed':
      return `snoozed until ${event.data.until} by ${event.data.by}: ${event.data.reason}`;
    case 'ReportDeleted':
      return `deleted by ${event.data.by}${event.data.reason ? `: ${event.data.reason}` : ''}`;
    default:
      return (event as { type: string }).type;
  }
}

/**
 * One report as its own stream tells it, read on every request rather than from a read model: the
 * owner sees their feedback the moment it is accepted, and the timeline is the stream itself.
 */
@Injectable()
export class ReportReader {
  constructor(private readonly streams: ReportStreams) {}

  /** The report of this tenant, or REPORT.NOT_FOUND; another tenant's report is exactly as missing. */
  async load(tenantId: string, reportId: string): Promise<{ state: Report; events: RecordedEvent[] }> {
    const loaded = await this.streams.load(reportId);
    if (loaded.events[0]?.metadata.tenantId !== tenantId) throw reportNotFound(reportId, 'read');
    return loaded;
  }

  /**
   * `asOf`: the stream as the engine had recorded it by then (time travel); a report whose stream
   * had not started yet is REPORT.NOT_FOUND, as it was at that moment.
   */
  async view(tenantId: string, reportId: string, asOf?: Date): Promise<ReportView> {
    const loaded = await this.load(tenantId, reportId);
    const events = asOf ? loaded.events.filter((e) => e.recordedAt <= asOf) : loaded.events;
    if (!events.length) throw reportNotFound(reportId, 'read');
    let state: Report = reportDecider.initialState();
    const timeline: TimelineEntryView[] = events.map((recorded) => {
      const event = { type: recorded.type, data: recorded.data } as ReportEvent;
      state = reportDecider.evolve(state, event);
      return {
        revision: recorded.revision,
        type: recorded.type,
        status: state.status,
        at: recorded.occurredAt.toISOString(),
        actor: typeof recorded.metadata.actor === 'string' ? recorded.metadata.actor : null,
        summary: summaryOf(event),
      };
    });
    if (state.status === 'EMPTY' || state.status === 'UNKNOWN')
      return {
        reportId,
        kind: 'UNKNOWN',
        category: 'UNKNOWN',
        status: 'UNKNOWN',
        subject: { type: 'account', id: '', accountId: '' },
        accountName: null,
        ownerEmail: null,
        latest: { score: 0, modelVersion: null, asOf: '', values: {} },
        notified: null,
        nextBestActions: [],
        feedback: null,
        createdAt: null,
        endedAt: null,
        reason: null,
        timeline,
      };
    const s = state;
    const created = s.status === 'INCOMING' ? null : s;
    const notified = created && 'notified' in created ? created.notified : undefined;
    const feedback = created && 'feedback' in created ? created.feedback : undefined;
    const name = s.latest.data.values['accountName'];
    return {
      reportId,
      kind: s.kind,
      category: categoryOf(s.kind),
      status: s.status,
      subject: s.subject,
      accountName: typeof name === 'string' ? name : null,
      ownerEmail: s.ownerId,
      latest: { ...s.latest.data, values: { ...s.latest.data.values } },
      notified: notified
        ? {
            notificationId: notified.notificationId,
            channel: notified.channel,
            at: notified.at,
            snapshot: { ...notified.snapshot, values: { ...notified.snapshot.values } },
          }
        : null,
      nextBestActions: created?.nextBestActions ?? [],
      feedback: feedback
        ? { outcome: feedback.verdict, by: feedback.by, note: feedback.note, at: feedback.at }
        : null,
      createdAt: created?.createdAt ?? null,
      endedAt: s.status === 'STALE' ? s.staleAt : s.status === 'EXPIRED' ? s.expiredAt : null,
      reason: s.status === 'STALE' || s.status === 'EXPIRED' ? s.reason : null,
      timeline,
    };
  }
}
