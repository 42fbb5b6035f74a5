import { assertNever, Decider, DomainError } from '@foresight/domain';
import { categoryOf, familyOf, ReportData, severityOf } from './report-kind';
import { ReportCommand } from './report.commands';
import { invalidTransition, reportNotFound } from './report.errors';
import { ReportEvent } from './report.events';
import { initialReport, Report } from './report.state';

/*
 * The seed's state machine: INCOMING → CREATED → NOTIFIED → FEEDBACK_PROVIDED, and CREATED,
 * NOTIFIED or FEEDBACK_PROVIDED → EXPIRED | STALE. Anything else is refused. A CREATED report asks
 * for its owner's notification once (NotificationRequested, no status change), and again after an
 * escalation unless snoozed. Kind changes within a family, snoozes and deletion change no status;
 * a deleted report accepts nothing more. Repeating a command
 * whose effect already holds (a redelivered MarkNotified, a second audit marking STALE) is not a
 * transition and produces no event, so at-least-once consumers can retry safely.
 */

type Live = Extract<Report, { status: 'CREATED' | 'NOTIFIED' | 'FEEDBACK_PROVIDED' }>;
const isLive = (s: Report): s is Live =>
  s.status === 'CREATED' || s.status === 'NOTIFIED' || s.status === 'FEEDBACK_PROVIDED';

function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}
const sameData = (a: ReportData, b: ReportData) => canonical(a) === canonical(b);

export function decide(command: ReportCommand, state: Report): ReportEvent[] {
  const { reportId } = command.data;
  if (state.status === 'UNKNOWN')
    throw invalidTransition(
      reportId,
      'UNKNOWN',
      command.type,
      `its stream holds an unrecognised event ${state.eventType}`,
    );
  if (state.status === 'EMPTY') {
    if (command.type !== 'ReceiveSignal') throw reportNotFound(reportId, command.type);
    const { at, ...data } = command.data;
    return [{ type: 'SignalReceived', data: { ...data, receivedAt: at } }];
  }
  const refuse = (why?: string) => invalidTransition(reportId, state.status, command.type, why);
  if (state.deleted) {
    if (command.type === 'DeleteReport') return [];
    throw refuse('it was deleted');
  }

  switch (command.type) {
    case 'ReceiveSignal':
      if (state.signalId === command.data.signalId) return [];
      throw refuse('a report already exists for this stream; refresh its data instead');

    case 'CreateReport': {
      if (state.status !== 'INCOMING') return [];
      const { tenantId, kind, subject, latest } = state;
      const ownerId = command.data.ownerId ?? state.ownerId;
      // A report nobody owns would be seen by nobody; it waits INCOMING until the account names its owner.
      if (!ownerId) throw refuse('the account owner is not known yet');
      return [
        {
          type: 'ReportCreated',
          data: {
            reportId,
            tenantId,
            kind,
            category: categoryOf(kind),
            subject,
            ownerId,
            data: command.data.data ?? latest.data,
            nextBestActions: command.data.nextBestActions,
            createdAt: command.data.at,
          },
        },
      ];
    }

    case 'RequestNotification': {
      if (!isLive(state))
        throw refuse(state.status === 'INCOMING' ? 'the report is not created yet' : undefined);
      // Already asked for (a redelivery, a second load) and not escalated since: nothing more to ask.
      const first = state.status === 'CREATED' && !state.notificationRequested;
      if (!first && !state.renotify) return [];
      const { accountName, title, summary, at } = command.data;
      // Snoozed: the request waits for the notify step after `until` (the audit/notify job's sweep).
      if (state.snoozed && Date.parse(state.snoozed.until) > Date.parse(at)) return [];
      return [
        {
          type: 'NotificationRequested',
          data: {
            reportId,
            accountId: state.subject.accountId,
            kind: state.kind,
            recipient: state.ownerId,
            accountName,
            score: state.latest.data.score,
            title,
            summary,
            requestedAt: at,
          },
        },
      ];
    }

    case 'MarkNotified': {
      if (state.status === 'NOTIFIED' || state.status === 'FEEDBACK_PROVIDED') return [];
      if (state.status !== 'CREATED') throw refuse();
      const { notificationId, channel, snapshot, at } = command.data;
      return [
        { type: 'ReportNotified', data: { reportId, notificationId, channel, snapshot, notifiedAt: at } },
      ];
    }

    case 'ProvideFeedback': {
      if (state.status !== 'NOTIFIED' && state.status !== 'FEEDBACK_PROVIDED')
        throw refuse(state.status === 'CREATED' ? 'the owner has not been notified yet' : undefined);
      const { verdict, by, at } = command.data;
      const note = command.data.note ?? null;
      // The owner may revise (IN_PROGRESS, then ACCEPTED); the same answer twice is a double click.
      if (
        state.status === 'FEEDBACK_PROVIDED' &&
        state.feedback.verdict === verdict &&
        state.feedback.by === by &&
        state.feedback.note === note
      )
        return [];
      return [{ type: 'FeedbackProvided', data: { reportId, verdict, by, note, providedAt: at } }];
    }

    case 'MarkStale': {
      if (state.status === 'STALE') return [];
      if (!isLive(state)) throw refuse();
      return [
        {
          type: 'ReportMarkedStale',
          data: { reportId, reason: command.data.reason, staleAt: command.data.at },
        },
      ];
    }

    case 'Expire': {
      if (state.status === 'EXPIRED') return [];
      if (!isLive(state)) throw refuse();
      const { code, reason, at } = command.data;
      return [{ type: 'ReportExpired', data: { reportId, code, reason, expiredAt: at } }];
    }

    case 'ChangeKind': {
      if (state.status !== 'INCOMING' && !isLive(state))
        throw refuse('an ended report no longer changes kind');
      const { kind, data, at } = command.data;
      if (familyOf(kind) !== familyOf(state.kind))
        throw refuse(`${kind} is not of the ${familyOf(state.kind)} family; it opens its own report`);
      if (kind === state.kind) return [];
      return [
        {
          type: 'ReportKindChanged',
          data: {
            reportId,
            from: state.kind,
            to: kind,
            escalated: severityOf(kind) > severityOf(state.kind),
            data,
            changedAt: at,
          },
        },
      ];
    }

    case 'Snooze': {
      if (!isLive(state))
        throw refuse(state.status === 'INCOMING' ? 'the report is not created yet' : undefined);
      const { until, reason, by, at } = command.data;
      if (!(Date.parse(until) > Date.parse(at)))
        throw new DomainError(
          'REPORT.INVALID_SNOOZE',
          `until (${until}) must be after now (${at})`,
          'invalid',
          {
            field: 'until',
          },
        );
      if (state.snoozed?.until === until && state.snoozed.reason === reason && state.snoozed.by === by)
        return [];
      return [{ type: 'ReportSnoozed', data: { reportId, until, reason, by, snoozedAt: at } }];
    }

    case 'DeleteReport': {
      // The seed deletes loaded records (Record_Loaded / _Notified / _Updated); an INCOMING one is not yet.
      if (state.status === 'INCOMING') throw refuse('the report is not created yet');
      const { by, reason, at } = command.data;
      return [{ type: 'ReportDeleted', data: { reportId, by, reason, deletedAt: at } }];
    }

    case 'RefreshLatestData': {
      if (state.status !== 'INCOMING' && !isLive(state))
        throw refuse('an ended report no longer tracks its source');
      if (sameData(state.latest.data, command.data.data)) return [];
      return [
        {
          type: 'LatestDataRefreshed',
          data: { reportId, data: command.data.data, refreshedAt: command.data.at },
        },
      ];
    }

    default:
      return assertNever(command, 'report command');
  }
}

/** An event that cannot follow the current state means the stream is not one we understand. */
const unknown = (eventType: string): Report => ({ status: 'UNKNOWN', eventType });

/** Compile-time exhaustiveness, and UNKNOWN at run time for event types a newer writer added. */
function unrecognised(event: never): Report {
  return unknown(String((event as { type?: unknown }).type));
}

export function evolve(state: Report, event: ReportEvent): Report {
  switch (event.type) {
    case 'SignalReceived': {
      if (state.status !== 'EMPTY') return unknown(event.type);
      const { receivedAt, data, signalId, reportId, tenantId, kind, subject, ownerId } = event.data;
      return {
        status: 'INCOMING',
        reportId,
        tenantId,
        kind,
        subject,
        ownerId,
        signalId,
        latest: { data, at: receivedAt },
      };
    }
    case 'ReportCreated': {
      if (state.status !== 'INCOMING') return unknown(event.type);
      const { reportId, tenantId, kind, subject, ownerId, data, nextBestActions, createdAt } = event.data;
      return {
        status: 'CREATED',
        reportId,
        tenantId,
        kind,
        subject,
        ownerId,
        signalId: state.signalId,
        // Data handed in at creation is newer than the signal's; the same data keeps its own time.
        latest: { data, at: sameData(data, state.latest.data) ? state.latest.at : createdAt },
        createdAt,
        nextBestActions,
      };
    }
    case 'NotificationRequested': {
      if (!isLive(state)) return unknown(event.type);
      return {
        ...state,
        notificationRequested: { recipient: event.data.recipient, at: event.data.requestedAt },
        renotify: false,
      };
    }
    case 'ReportNotified': {
      if (state.status !== 'CREATED') return unknown(event.type);
      const { notificationId, channel, notifiedAt, snapshot } = event.data;
      return {
        ...state,
        status: 'NOTIFIED',
        notified: { notificationId, channel, at: notifiedAt, snapshot },
      };
    }
    case 'FeedbackProvided': {
      if (state.status !== 'NOTIFIED' && state.status !== 'FEEDBACK_PROVIDED') return unknown(event.type);
      const { verdict, by, note, providedAt } = event.data;
      return { ...state, status: 'FEEDBACK_PROVIDED', feedback: { verdict, by, note, at: providedAt } };
    }
    case 'LatestDataRefreshed': {
      if (state.status !== 'INCOMING' && !isLive(state)) return unknown(event.type);
      return { ...state, latest: { data: event.data.data, at: event.data.refreshedAt } };
    }
    case 'ReportMarkedStale': {
      if (!isLive(state)) return unknown(event.type);
      return { ...state, status: 'STALE', staleAt: event.data.staleAt, reason: event.data.reason };
    }
    case 'ReportExpired': {
      if (!isLive(state)) return unknown(event.type);
      const { expiredAt, reason, code } = event.data;
      return { ...state, status: 'EXPIRED', expiredAt, reason, code: code ?? null };
    }
    case 'ReportKindChanged': {
      if (state.status !== 'INCOMING' && !isLive(state)) return unknown(event.type);
      const { to, escalated, data, changedAt } = event.data;
      // Only an owner who was told (or is being told) the milder story needs telling again.
      const told =
        state.status !== 'INCOMING' && (state.status !== 'CREATED' || !!state.notificationRequested);
      return {
        ...state,
        kind: to,
        latest: { data, at: changedAt },
        renotify: (escalated && told) || !!state.renotify,
      } as Report;
    }
    case 'ReportSnoozed': {
      if (!isLive(state)) return unknown(event.type);
      const { until, reason, by, snoozedAt } = event.data;
      return { ...state, snoozed: { until, reason, by, at: snoozedAt } };
    }
    case 'ReportDeleted': {
      if (state.status === 'EMPTY' || state.status === 'UNKNOWN' || state.status === 'INCOMING')
        return unknown(event.type);
      const { by, reason, deletedAt } = event.data;
      return { ...state, deleted: { by, reason, at: deletedAt } };
    }
    default:
      return unrecognised(event);
  }
}

export const reportDecider: Decider<Report, ReportCommand, ReportEvent> = {
  initialState: initialReport,
  decide,
  evolve,
};
