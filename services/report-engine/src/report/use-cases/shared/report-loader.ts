import { Injectable } from '@nestjs/common';
import { AccountReadModels } from '../../../account/account-read-models';
import { accountSignalsOf, reportDataOf, scoreOf } from '../../domain/account-facts';
import { nextBestActions } from '../../domain/next-best-actions';
import { reportMessage } from '../../domain/report-message';
import { ReportData } from '../../domain/report-kind';
import { Report } from '../../domain/report.state';
import { Cause } from './cause';
import { ReportStreams } from './report-streams';

/**
 * The engine's load and notify steps for one report: an INCOMING report becomes CREATED as soon as
 * its account's name and owner are known (with next best actions ranked on the account's signals),
 * and a CREATED report asks once for its owner to be notified. Safe to run any number of times, from
 * any trigger (a score, a record change): each step is a no-op once done.
 *
 * The account is read here, after the caller's own write, never handed in: a score opening a report
 * and the account's record arriving race in two consumers. Each writes first (the report stream, the
 * account snapshot) and then reads the other's, so at least one of them sees both and loads it.
 */
@Injectable()
export class ReportLoader {
  constructor(
    private readonly streams: ReportStreams,
    private readonly accounts: AccountReadModels,
  ) {}

  async load(
    tenantId: string,
    reportId: string,
    cause: Cause,
    idempotencyKey: string,
    now: Date,
  ): Promise<number> {
    const at = now.toISOString();
    let appended = 0;
    let { state } = await this.streams.load(reportId);
    if (state.status === 'EMPTY' || state.status === 'UNKNOWN' || !needsLoading(state, now)) return 0;
    const facts = await this.accounts.facts(tenantId, state.subject.accountId);
    if (state.status === 'INCOMING') {
      if (!facts?.name || !facts.ownerEmail || facts.gone) return 0;
      const score = scoreOf(state.latest.data);
      let events: unknown[];
      ({ state, events } = await this.streams.decide(
        tenantId,
        {
          type: 'CreateReport',
          data: {
            reportId,
            ownerId: facts.ownerEmail,
            data: withAccountFacts(state.latest.data, reportDataOf(score, facts, state.latest.data.asOf)),
            nextBestActions: nextBestActions(state.kind, accountSignalsOf(facts, at)),
            at,
          },
        },
        cause,
        `${idempotencyKey}:create:${reportId}`,
      ));
      appended += events.length;
    }
    if (state.status === 'INCOMING' || state.status === 'EMPTY' || state.status === 'UNKNOWN')
      return appended;
    if (!needsLoading(state, now)) return appended;
    const score = scoreOf(state.latest.data);
    const message = reportMessage({
      kind: state.kind,
      accountName: facts?.name ?? String(state.latest.data.values['accountName'] ?? state.subject.id),
      score: score.probability,
      modelVersion: score.modelVersion,
      topFactors: score.topFactors,
      nextBestActions: state.nextBestActions,
    });
    const { events } = await this.streams.decide(
      tenantId,
      { type: 'RequestNotification', data: { reportId, ...message, at } },
      cause,
      // A re-notification after an escalation is a new request, not the first one replayed.
      `${idempotencyKey}:notify:${reportId}:${state.kind}`,
    );
    return appended + events.length;
  }
}

/**
 * Fresh account facts laid over the report's latest data: the subject's own values (a contract's ARR
 * at risk, a subscription's usage), which account facts alone cannot rebuild, are kept.
 */
export function withAccountFacts(latest: ReportData, fresh: ReportData): ReportData {
  return { ...fresh, values: { ...latest.values, ...fresh.values } };
}

/** INCOMING (to create), or created and owed a notification (first, or again after an escalation) that no snooze holds back. */
function needsLoading(state: Report, now: Date): boolean {
  if (state.status === 'INCOMING') return !state.deleted;
  if (state.status !== 'CREATED' && state.status !== 'NOTIFIED' && state.status !== 'FEEDBACK_PROVIDED')
    return false;
  if (state.deleted) return false;
  const owed = (state.status === 'CREATED' && !state.notificationRequested) || !!state.renotify;
  return owed && !(state.snoozed && Date.parse(state.snoozed.until) > now.getTime());
}
