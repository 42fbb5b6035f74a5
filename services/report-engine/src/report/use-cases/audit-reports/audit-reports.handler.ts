import { Injectable, Logger } from '@nestjs/common';
import type {
  RecordRemovedPayload,
  RecordUnresolvablePayload,
  RecordUpsertedPayload,
} from '@foresight/contracts';
import { AccountReadModels } from '../../../account/account-read-models';
import { reportDataOf, sameFacts, scoreOf } from '../../domain/account-facts';
import { ReportCommand } from '../../domain/report.commands';
import { ActiveReports } from '../shared/active-reports';
import { Cause } from '../shared/cause';
import { isRefusedTransition } from '../shared/refused';
import { ReportLoader } from '../shared/report-loader';
import { ReportStreams } from '../shared/report-streams';

export type RecordChange =
  | { type: 'RecordUpserted'; payload: RecordUpsertedPayload }
  | { type: 'RecordRemoved'; payload: RecordRemovedPayload }
  | { type: 'RecordUnresolvable'; payload: RecordUnresolvablePayload };

export interface AuditReports {
  tenantId: string;
  /** The record event's id, root of the idempotency keys. */
  changeId: string;
  change: RecordChange;
  cause: Cause;
}

/**
 * Audit, reacting to the account's source records (the account snapshot already holds the change):
 * the account removed upstream → its active reports go STALE; unresolvable → EXPIRED; the account
 * or one of its contracts changed → each active report's latest data is rebuilt under its own
 * score, the notified-at snapshot untouched; and a report waiting for its owner is loaded now.
 */
@Injectable()
export class AuditReportsHandler {
  private readonly logger = new Logger('AuditReports');

  constructor(
    private readonly streams: ReportStreams,
    private readonly active: ActiveReports,
    private readonly loader: ReportLoader,
    private readonly accounts: AccountReadModels,
  ) {}

  async execute({ tenantId, changeId, change, cause }: AuditReports, now = new Date()): Promise<void> {
    const { accountId, entity, source, externalId, at } = change.payload;
    const reports = await this.active.of(tenantId, accountId);
    if (!reports.length) return;
    const ending =
      entity !== 'account'
        ? null
        : change.type === 'RecordRemoved'
          ? ('MarkStale' as const)
          : change.type === 'RecordUnresolvable'
            ? ('Expire' as const)
            : null;
    if (ending) {
      const why = change.type === 'RecordUpserted' ? null : change.payload.reason;
      const reason =
        ending === 'MarkStale'
          ? `the account was removed at its source (${source}/${externalId})${why ? `: ${why}` : ''}`
          : `the account became unresolvable at its source (${source}/${externalId}): ${why ?? 'no reason given'}`;
      for (const { reportId } of reports)
        await this.apply(
          tenantId,
          { type: ending, data: { reportId, reason, at: now.toISOString() } },
          cause,
          `${changeId}:${ending}`,
        );
      return;
    }
    if (change.type === 'RecordUnresolvable') return;

    const facts = await this.accounts.facts(tenantId, accountId);
    for (const { reportId } of reports) {
      await this.loader.load(tenantId, reportId, cause, changeId, now);
      const { state } = await this.streams.load(reportId);
      if (state.status === 'EMPTY' || state.status === 'UNKNOWN') continue;
      const data = reportDataOf(scoreOf(state.latest.data), facts, at);
      if (sameFacts(state.latest.data, data)) continue;
      await this.apply(
        tenantId,
        { type: 'RefreshLatestData', data: { reportId, data, at: now.toISOString() } },
        cause,
        `${changeId}:refresh`,
      );
    }
  }

  private async apply(tenantId: string, command: ReportCommand, cause: Cause, key: string): Promise<void> {
    try {
      await this.streams.decide(tenantId, command, cause, `${key}:${command.data.reportId}`);
    } catch (err) {
      if (!isRefusedTransition(err)) throw err;
      // An INCOMING report cannot go STALE (the seed's machine); it never loads once its account is gone.
      this.logger.log(`${command.type} on report ${command.data.reportId} refused: ${err.message}`);
    }
  }
}
