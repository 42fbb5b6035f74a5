import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE } from '@foresight/backbone';
import { EventStore, handle } from '@foresight/eventstore';
import { CONFIG } from '@foresight/service-kit';
import type { IngestionConfig } from '../../../config';
import { streams } from '../../../shared/streams';
import { periodOf, usageDecider } from '../../../usage/domain/usage.decider';
import { accountIdFor } from '../../domain/record-key';
import { isLive } from './account-lookup';
import type { BatchContext } from './batch-context';
import type { UsageWork } from './batch-plan';
import { firmographicsOf } from './firmographics';
import type { RecordOutcome } from './ingest-result.view';

/** An account's usage rows of one batch onto its usage stream, together: the features are recomputed once. */
@Injectable()
export class UsageStep {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CONFIG) private readonly config: IngestionConfig,
  ) {}

  async run(ctx: BatchContext, accountExternalId: string, rows: readonly UsageWork[]): Promise<void> {
    const missing = await ctx.accounts.missing(accountExternalId);
    if (missing) {
      for (const row of rows) ctx.outcome.reject(row.slot, row.record, row.externalId, missing);
      return;
    }
    const account = await ctx.accounts.state(accountExternalId);
    const accountId = accountIdFor(ctx.input.tenantId, accountExternalId);
    const { events } = await handle(
      this.store,
      streams.usage(accountId),
      usageDecider,
      {
        type: 'RecordUsage',
        data: {
          accountId,
          accountExternalId,
          source: ctx.input.source,
          samples: rows.map((row) => row.sample),
          firmographics: isLive(account) && account.payload ? firmographicsOf(account.payload) : null,
          lookbackDays: this.config.USAGE_LOOKBACK_DAYS,
          at: ctx.at,
        },
      },
      ctx.write,
    );
    // previousHash per period recorded: null for a new period, the replaced counts' hash otherwise.
    const recorded = new Map<string, string | null>();
    for (const e of events) if (e.type === 'UsageRecorded') recorded.set(e.data.period, e.data.previousHash);
    for (const { slot, record, externalId, sample } of rows) {
      const period = periodOf(sample.at);
      const outcome: RecordOutcome = !recorded.has(period)
        ? 'unchanged'
        : recorded.get(period)
          ? 'updated'
          : 'created';
      ctx.outcome.settle(slot, record, externalId, outcome, accountId);
    }
  }
}
