import { Injectable, Logger } from '@nestjs/common';
import type {
  RecordRemovedPayload,
  RecordUnresolvablePayload,
  RecordUpsertedPayload,
} from '@foresight/contracts';
import { AccountReadModels } from '../../../account/account-read-models';
import { TenantSettings } from '../../../settings/tenant-settings';
import { AccountFacts } from '../../domain/account-facts';
import { ReportCommand } from '../../domain/report.commands';
import { ReportSlot } from '../../domain/report-id';
import { ReportSubject } from '../../domain/report-kind';
import { ActiveReports } from '../shared/active-reports';
import { Cause } from '../shared/cause';
import { isRefusedTransition } from '../shared/refused';
import { ReportStreams } from '../shared/report-streams';
import { RaiseReportHandler } from '../raise-report/raise-report.handler';

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
  now: Date;
}

export interface AuditReport {
  tenantId: string;
  reportId: string;
  /** Root of the idempotency keys (the job's id). */
  triggerId: string;
  cause: Cause;
  now: Date;
}

/** The slots a record's removal ends: all of an account's subjects, or the one contract/subscription. */
function slotsOf(
  tenantId: string,
  entity: string,
  recordId: string,
  facts: AccountFacts | null,
  accountId: string,
) {
  const slot = (subject: ReportSubject, family: ReportSlot['family']): ReportSlot => ({
    tenantId,
    subject,
    family,
  });
  const account: ReportSubject = { type: 'account', id: accountId, accountId };
  switch (entity) {
    case 'account':
      return [
        slot(account, 'CHURN'),
        slot(account, 'EXPANSION'),
        ...(facts?.contracts ?? []).map((c) =>
          slot({ type: 'contract', id: c.recordId, accountId }, 'REVENUE_AT_RISK'),
        ),
        ...(facts?.subscriptions ?? []).map((s) =>
          slot({ type: 'product', id: s.recordId, accountId }, 'UPSELL'),
        ),
      ];
    case 'contract':
      return [slot({ type: 'contract', id: recordId, accountId }, 'REVENUE_AT_RISK')];
    case 'subscription':
      return [slot({ type: 'product', id: recordId, accountId }, 'UPSELL')];
    default:
      return [];
  }
}

const DAY_MS = 86_400_000;

/**
 * Audit (seed AuditService): a report's source removed → STALE; unresolvable → EXPIRED
 * `source_unresolvable`; a report older than its kind's TTL → EXPIRED `ttl_elapsed`; a source that
 * changed → the account's reports judged again (RaiseReportHandler: refresh, change of kind, signal
 * cleared), the notified-at snapshot untouched. Reactive on record events and run over every open
 * report by the audit job, through the same steps.
 */
@Injectable()
export class AuditReportsHandler {
  private readonly logger = new Logger('AuditReports');

  constructor(
    private readonly streams: ReportStreams,
    private readonly active: ActiveReports,
    private readonly accounts: AccountReadModels,
    private readonly settings: TenantSettings,
    private readonly raise: RaiseReportHandler,
  ) {}

  /** A record changed (the account snapshot already holds the change). */
  async execute({ tenantId, changeId, change, cause, now }: AuditReports): Promise<number> {
    const { accountId, source, externalId, recordId, at } = change.payload;
    const entity: string = change.payload.entity;
    if (change.type === 'RecordUpserted' || entity === 'intent_signal')
      return this.raise.execute({ tenantId, accountId, triggerId: changeId, asOf: at, cause, now });
    const facts = await this.accounts.facts(tenantId, accountId);
    const reports = await this.active.of(slotsOf(tenantId, entity, recordId, facts, accountId));
    const what = `the ${entity === 'subscription' ? 'subscription' : entity} (${source}/${externalId})`;
    let appended = 0;
    for (const { reportId } of reports) {
      const command: ReportCommand =
        change.type === 'RecordRemoved'
          ? {
              type: 'MarkStale',
              data: {
                reportId,
                reason: `${what} was removed at its source${change.payload.reason ? `: ${change.payload.reason}` : ''}`,
                at: now.toISOString(),
              },
            }
          : {
              type: 'Expire',
              data: {
                reportId,
                code: 'source_unresolvable',
                reason: `${what} became unresolvable at its source: ${change.payload.reason}`,
                at: now.toISOString(),
              },
            };
      appended += await this.apply(tenantId, command, cause, `${changeId}:${command.type}:${reportId}`);
    }
    return appended;
  }

  /**
   * One open report checked against its sources and its TTL, as the audit job runs it. The account's
   * other judgements (refresh, signal cleared) come from RaiseReportHandler, once per account.
   */
  async auditOne({ tenantId, reportId, triggerId, cause, now }: AuditReport): Promise<number> {
    const { state } = await this.streams.load(reportId);
    if (state.status !== 'CREATED' && state.status !== 'NOTIFIED' && state.status !== 'FEEDBACK_PROVIDED')
      return 0;
    if (state.deleted || state.tenantId !== tenantId) return 0;
    const at = now.toISOString();
    const facts = await this.accounts.facts(tenantId, state.subject.accountId);
    const { subject } = state;
    const missing =
      facts?.gone === 'removed' ||
      (subject.type === 'contract' && !facts?.contracts.some((c) => c.recordId === subject.id)) ||
      (subject.type === 'product' && !facts?.subscriptions.some((s) => s.recordId === subject.id));
    let command: ReportCommand | null = null;
    if (facts?.gone === 'unresolvable')
      command = {
        type: 'Expire',
        data: {
          reportId,
          code: 'source_unresolvable',
          reason: 'the account is unresolvable at its source',
          at,
        },
      };
    else if (missing)
      command = {
        type: 'MarkStale',
        data: { reportId, reason: `the ${subject.type} was removed at its source`, at },
      };
    else {
      const { settings } = await this.settings.of(tenantId);
      const days = settings.ttlDays[state.kind];
      if (now.getTime() - Date.parse(state.createdAt) > days * DAY_MS)
        command = {
          type: 'Expire',
          data: {
            reportId,
            code: 'ttl_elapsed',
            reason: `open longer than ${state.kind}'s TTL of ${days} days`,
            at,
          },
        };
    }
    return command ? this.apply(tenantId, command, cause, `${triggerId}:${command.type}:${reportId}`) : 0;
  }

  private async apply(tenantId: string, command: ReportCommand, cause: Cause, key: string): Promise<number> {
    try {
      const { events } = await this.streams.decide(tenantId, command, cause, key);
      return events.length;
    } catch (err) {
      if (!isRefusedTransition(err)) throw err;
      // An INCOMING report cannot go STALE (the seed's machine); it never loads once its account is gone.
      this.logger.log(`${command.type} on report ${command.data.reportId} refused: ${err.message}`);
      return 0;
    }
  }
}
