import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AccountScoredPayload } from '@foresight/contracts';
import { AccountReadModels } from '../../../account/account-read-models';
import { reportDataOf, sameFacts, ScoreFacts } from '../../domain/account-facts';
import { OPPORTUNITY_KINDS, ReportData, ReportKind, RISK_KINDS } from '../../domain/report-kind';
import { reportKindFor, ReportThresholds } from '../../domain/report-kind.policy';
import { ActiveReports } from '../shared/active-reports';
import { Cause } from '../shared/cause';
import { isRefusedTransition } from '../shared/refused';
import { ReportLoader } from '../shared/report-loader';
import { ReportStreams } from '../shared/report-streams';

export const REPORT_THRESHOLDS = Symbol('REPORT_THRESHOLDS');

export interface RaiseReport {
  tenantId: string;
  /** The score message's event id: the report's signal id and the root of every idempotency key. */
  signalId: string;
  score: AccountScoredPayload;
  cause: Cause;
}

/**
 * Load, reacting to a score: the kind the score calls for gets a report unless one is active for
 * the account (then that one's latest data moves to the new score), and the account's other active
 * reports of the same family see the new score too.
 */
@Injectable()
export class RaiseReportHandler {
  private readonly logger = new Logger('RaiseReport');

  constructor(
    @Inject(REPORT_THRESHOLDS) private readonly thresholds: ReportThresholds,
    private readonly streams: ReportStreams,
    private readonly active: ActiveReports,
    private readonly loader: ReportLoader,
    private readonly accounts: AccountReadModels,
  ) {}

  async execute({ tenantId, signalId, score, cause }: RaiseReport, now = new Date()): Promise<void> {
    if (score.outcome === 'CONVERSION') return;
    const { accountId } = score;
    const facts = await this.accounts.facts(tenantId, accountId);
    // A late or replayed score must not bring back reports about an account its source removed.
    if (facts?.gone) return;
    const kind = reportKindFor(
      { outcome: score.outcome, subjectType: 'account', probability: score.probability },
      this.thresholds,
    );
    const family: readonly ReportKind[] = score.outcome === 'CHURN' ? RISK_KINDS : OPPORTUNITY_KINDS;
    const scoreFacts: ScoreFacts = {
      probability: score.probability,
      modelVersion: score.modelVersion,
      scoredAt: score.scoredAt,
      topFactors: [...score.topContributors]
        .filter((c) => c.contribution > 0)
        .sort((a, b) => b.contribution - a.contribution)
        .slice(0, 3)
        .map((c) => c.feature),
    };
    const data = reportDataOf(scoreFacts, facts, score.scoredAt);
    const active = await this.active.of(tenantId, accountId, family);

    // A falling churn score is already covered by the account's critical report: a second, partial
    // one would only tell the owner the same story again.
    const covered = kind === 'PARTIAL_CHURN' && active.some((r) => r.kind === 'CRITICAL_CHURN');
    if (kind && !covered && !active.some((r) => r.kind === kind)) {
      const opened = await this.open(
        tenantId,
        accountId,
        kind,
        signalId,
        facts?.ownerEmail ?? null,
        data,
        cause,
        now,
      );
      if (opened) active.push({ kind, reportId: opened });
    }

    for (const { reportId } of active) {
      await this.refresh(tenantId, reportId, data, signalId, cause, now);
      await this.loader.load(tenantId, reportId, cause, signalId, now);
    }
  }

  /** Opens the next report of the slot; a concurrent score that opened it first wins, and ours refreshes it. */
  private async open(
    tenantId: string,
    accountId: string,
    kind: ReportKind,
    signalId: string,
    ownerEmail: string | null,
    data: ReportData,
    cause: Cause,
    now: Date,
  ): Promise<string | undefined> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const slot = await this.active.find({ tenantId, accountId, kind });
      if (slot.status === 'active') return slot.reportId;
      try {
        await this.streams.decide(
          tenantId,
          {
            type: 'ReceiveSignal',
            data: {
              reportId: slot.reportId,
              tenantId,
              kind,
              subject: { type: 'account', id: accountId, accountId },
              ownerId: ownerEmail,
              signalId,
              data,
              at: now.toISOString(),
            },
          },
          cause,
          `${signalId}:receive:${slot.reportId}`,
        );
        return slot.reportId;
      } catch (err) {
        if (!isRefusedTransition(err)) throw err;
        this.logger.debug(`${kind} report of ${accountId} opened concurrently; refreshing it instead`);
      }
    }
    return undefined;
  }

  private async refresh(
    tenantId: string,
    reportId: string,
    data: ReportData,
    signalId: string,
    cause: Cause,
    now: Date,
  ): Promise<void> {
    const { state } = await this.streams.load(reportId);
    if (state.status === 'EMPTY' || state.status === 'UNKNOWN') return;
    if (sameFacts(state.latest.data, data)) return;
    try {
      await this.streams.decide(
        tenantId,
        { type: 'RefreshLatestData', data: { reportId, data, at: now.toISOString() } },
        cause,
        `${signalId}:refresh:${reportId}`,
      );
    } catch (err) {
      if (!isRefusedTransition(err)) throw err;
      this.logger.log(`report ${reportId} ended before score ${signalId} reached it`);
    }
  }
}
