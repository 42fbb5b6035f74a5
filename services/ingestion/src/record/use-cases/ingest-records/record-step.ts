import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE } from '@foresight/backbone';
import { DomainError } from '@foresight/domain';
import { eventIdFor, EventStore, handle } from '@foresight/eventstore';
import { CONFIG } from '@foresight/service-kit';
import type { IngestionConfig } from '../../../config';
import { ingestionError } from '../../../shared/ingestion.errors';
import { streams } from '../../../shared/streams';
import { usageDecider } from '../../../usage/domain/usage.decider';
import type { RecordCommand } from '../../domain/record.commands';
import { recordDecider } from '../../domain/record.decider';
import type { RecordEvent } from '../../domain/record.events';
import { accountIdFor, RecordKey, recordIdFor } from '../../domain/record-key';
import type { BatchContext } from './batch-context';
import type { RecordWork } from './batch-plan';
import { FIRMOGRAPHIC_FIELDS, firmographicsOf } from './firmographics';
import type { RecordOutcome } from './ingest-result.view';

function outcomeOf(events: readonly RecordEvent[]): RecordOutcome {
  switch (events[0]?.type) {
    case undefined:
      return 'unchanged';
    case 'SourceCreated':
      return 'created';
    case 'SourceUpdated':
      return 'updated';
    default:
      return 'removed';
  }
}

/**
 * One good record onto its stream through the record decider (a re-send is a no-op by content
 * hash); an account whose firmographics changed also refreshes its features.
 */
@Injectable()
export class RecordStep {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CONFIG) private readonly config: IngestionConfig,
  ) {}

  async run(ctx: BatchContext, { slot, record, verdict }: RecordWork): Promise<void> {
    const { tenantId, source, entity } = ctx.input;
    const key: RecordKey = { tenantId, source, entity, externalId: verdict.externalId };
    const recordId = recordIdFor(key);
    if (verdict.op === 'upsert' && verdict.accountExternalId) {
      const missing = await ctx.accounts.missing(verdict.accountExternalId);
      if (missing) return ctx.outcome.reject(slot, record, verdict.externalId, missing);
    }
    // Where the record came from names the change: a redelivered message finds its events already
    // there, and the facts the change implies take their ids from its Source_* event's id.
    const idempotencyKey = `${tenantId}|${record.origin}`;
    const changeId = eventIdFor(idempotencyKey, 0);
    const command: RecordCommand =
      verdict.op === 'delete'
        ? {
            type: 'RemoveRecord',
            data: {
              key,
              reason: ctx.input.removalReason ?? null,
              onlyIfKnown: ctx.input.addressesExisting,
              resolveSource: ctx.input.resolveSource,
              at: ctx.at,
              changeId,
            },
          }
        : { type: 'ReceiveRecord', data: { key, payload: verdict.payload, at: ctx.at, changeId } };
    let events: RecordEvent[];
    try {
      ({ events } = await handle(this.store, streams.record(recordId), recordDecider, command, {
        ...ctx.write,
        idempotencyKey,
      }));
    } catch (err) {
      // The decider's refusals are about this record; anything else (the store away) fails the batch.
      if (!(err instanceof DomainError) || !err.code.startsWith('RECORD.')) throw err;
      if (ctx.input.addressesExisting && err.code === 'RECORD.UNKNOWN')
        throw ingestionError('RECORD_NOT_FOUND', err.message, { entity, externalId: verdict.externalId });
      if (err.code === 'RECORD.SOURCE_MISMATCH')
        throw ingestionError('SOURCE_CONFLICT', err.message, {
          fields: [{ field: 'source', errors: [err.message] }],
          heldBy: err.details?.['heldBy'],
        });
      const field = err.code === 'RECORD.UNKNOWN' ? 'externalId' : '(record)';
      return ctx.outcome.reject(slot, record, verdict.externalId, [{ field, errors: [err.message] }]);
    }
    ctx.outcome.settle(slot, record, verdict.externalId, outcomeOf(events), recordId);
    const change = events[0];
    if (
      entity === 'account' &&
      (change?.type === 'SourceCreated' ||
        (change?.type === 'SourceUpdated' &&
          change.data.changedFields.some((f) => FIRMOGRAPHIC_FIELDS.includes(f))))
    )
      await this.refreshFeatures(ctx, verdict.externalId, change.data.payload);
  }

  /** The account's firmographics moved: its features carry them, so recompute (a no-op without usage). */
  private async refreshFeatures(
    ctx: BatchContext,
    accountExternalId: string,
    account: Readonly<Record<string, unknown>>,
  ): Promise<void> {
    const accountId = accountIdFor(ctx.input.tenantId, accountExternalId);
    await handle(
      this.store,
      streams.usage(accountId),
      usageDecider,
      {
        type: 'RefreshFeatures',
        data: {
          accountId,
          accountExternalId,
          firmographics: firmographicsOf(account),
          lookbackDays: this.config.USAGE_LOOKBACK_DAYS,
          at: ctx.at,
        },
      },
      ctx.write,
    );
  }
}
