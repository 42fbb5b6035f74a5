import { Injectable, Logger } from '@nestjs/common';
import { AccountReadModels } from '../../../account/account-read-models';
import { TenantSettings } from '../../../settings/tenant-settings';
import { AccountFacts, reportDataOf, sameFacts, ScoreFacts, scoreOf } from '../../domain/account-facts';
import { ReportCommand } from '../../domain/report.commands';
import { ReportSlot } from '../../domain/report-id';
import { ReportData } from '../../domain/report-kind';
import { signalScore, SubjectSignal, subjectSignals, targetKind } from '../../domain/report-kind.policy';
import { ReportSettings } from '../../domain/report-settings';
import { ActiveReports } from '../shared/active-reports';
import { Cause } from '../shared/cause';
import { isRefusedTransition } from '../shared/refused';
import { ReportLoader } from '../shared/report-loader';
import { ReportStreams } from '../shared/report-streams';

export interface RaiseReports {
  tenantId: string;
  accountId: string;
  /** Root of every idempotency key: the consumed event's id, or the batch job's id and the account. */
  triggerId: string;
  /** When the sources said what they say (the score's scoredAt, the record's at): the data's asOf. */
  asOf: string;
  /** The score that triggered this, judged on at once (its read model may not show it yet). */
  score?: { outcome: 'CHURN' | 'EXPANSION'; facts: ScoreFacts };
  cause: Cause;
  now: Date;
}

const emptyFacts = (accountId: string): AccountFacts => ({
  accountId,
  name: null,
  ownerEmail: null,
  gone: null,
  lifecycle: null,
  industry: null,
  employeeRange: null,
  arr: null,
  mrr: null,
  contracts: [],
  subscriptions: [],
  intents: [],
  usage: null,
  voc: null,
  scores: { churn: null, expansion: null },
});

const newer = (held: ScoreFacts | null, next: ScoreFacts) =>
  !held || Date.parse(next.scoredAt) >= Date.parse(held.scoredAt) ? next : held;

/**
 * Load: every subject of one account (the account itself, each contract, each subscription) judged
 * against the tenant's settings, one report per (subject, family): opened when a kind's entry
 * threshold is crossed, moved to another kind of its family when the score changes band (escalated
 * or not), ended as EXPIRED `signal_cleared` when it falls below the exit threshold, otherwise its
 * latest data refreshed; then created and notified when it can be. The one code path of scores,
 * record changes and the admin load job. Returns how many events it appended (0: nothing to do).
 */
@Injectable()
export class RaiseReportHandler {
  private readonly logger = new Logger('RaiseReport');

  constructor(
    private readonly settings: TenantSettings,
    private readonly streams: ReportStreams,
    private readonly active: ActiveReports,
    private readonly loader: ReportLoader,
    private readonly accounts: AccountReadModels,
  ) {}

  async execute(command: RaiseReports): Promise<number> {
    const { tenantId, accountId, score } = command;
    const [{ settings }, known] = await Promise.all([
      this.settings.of(tenantId),
      this.accounts.facts(tenantId, accountId),
    ]);
    const facts = known ?? emptyFacts(accountId);
    if (score) {
      const key = score.outcome === 'CHURN' ? 'churn' : 'expansion';
      facts.scores = { ...facts.scores, [key]: newer(facts.scores[key], score.facts) };
    }
    let appended = 0;
    for (const signal of subjectSignals(facts, command.now.toISOString()))
      appended += await this.reconcile(command, signal, facts, settings);
    return appended;
  }

  private async reconcile(
    command: RaiseReports,
    signal: SubjectSignal,
    facts: AccountFacts,
    settings: ReportSettings,
  ): Promise<number> {
    const { tenantId, triggerId, cause, now } = command;
    const slot: ReportSlot = { tenantId, subject: signal.subject, family: signal.family };
    const found = await this.active.find(slot);
    const { state: loaded } = await this.streams.load(found.reportId);
    const state =
      found.status === 'active' && loaded.status !== 'EMPTY' && loaded.status !== 'UNKNOWN' ? loaded : null;
    const current = state?.kind ?? null;
    const target = targetKind(signal, current, settings);
    const { score, values } = signalScore(signal);
    const base = score ?? (state ? scoreOf(state.latest.data) : null);
    if (!base) return 0;
    const built = reportDataOf(base, facts, command.asOf);
    const data: ReportData = { ...built, values: { ...built.values, ...values } };
    const at = now.toISOString();
    const key = (step: string) => `${triggerId}:${step}:${found.reportId}`;
    let appended = 0;

    if (!state) {
      // A late or replayed signal must not bring back reports about an account its source removed.
      if (!target || facts.gone) return 0;
      const opened = await this.apply(
        tenantId,
        {
          type: 'ReceiveSignal',
          data: {
            reportId: found.reportId,
            tenantId,
            kind: target,
            subject: signal.subject,
            ownerId: facts.ownerEmail,
            signalId: triggerId,
            data,
            at,
          },
        },
        cause,
        key('receive'),
      );
      if (opened < 0) this.logger.debug(`${signal.family} report ${found.reportId} opened concurrently`);
      appended += Math.max(0, opened);
    } else if (target === null && state.status !== 'INCOMING') {
      const band =
        signal.family === 'UPSELL' ? 'its usage and expansion score are' : `its score ${base.probability} is`;
      appended += Math.max(
        0,
        await this.apply(
          tenantId,
          {
            type: 'Expire',
            data: {
              reportId: found.reportId,
              code: 'signal_cleared',
              reason: `the ${state.kind} signal cleared: ${band} below the exit threshold (or the renewal left the window)`,
              at,
            },
          },
          cause,
          key('cleared'),
        ),
      );
      return appended;
    } else if (target && target !== current) {
      appended += Math.max(
        0,
        await this.apply(
          tenantId,
          { type: 'ChangeKind', data: { reportId: found.reportId, kind: target, data, at } },
          cause,
          key(`kind-${target}`),
        ),
      );
    } else if (!sameFacts(state.latest.data, data)) {
      appended += Math.max(
        0,
        await this.apply(
          tenantId,
          { type: 'RefreshLatestData', data: { reportId: found.reportId, data, at } },
          cause,
          key('refresh'),
        ),
      );
    }
    return appended + (await this.loader.load(tenantId, found.reportId, cause, triggerId, now));
  }

  /** Events appended, or -1 when the report's state refused (it moved on meanwhile: nothing to do). */
  private async apply(tenantId: string, command: ReportCommand, cause: Cause, key: string): Promise<number> {
    try {
      const { events } = await this.streams.decide(tenantId, command, cause, key);
      return events.length;
    } catch (err) {
      if (!isRefusedTransition(err)) throw err;
      this.logger.log(`${command.type} on report ${command.data.reportId} refused: ${err.message}`);
      return -1;
    }
  }
}
