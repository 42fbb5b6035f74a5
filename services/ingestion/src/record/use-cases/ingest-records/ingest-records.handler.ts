import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE } from '@foresight/backbone';
import type { EventStore } from '@foresight/eventstore';
import { CONFIG } from '@foresight/service-kit';
import type { IngestionConfig } from '../../../config';
import { streams } from '../../../shared/streams';
import { StreamQueues } from '../../../shared/stream-queues';
import { accountIdFor, recordIdFor } from '../../domain/record-key';
import { BatchContext } from './batch-context';
import { planBatch } from './batch-plan';
import { IngestRecords } from './ingest-records.command';
import type { IngestResultView } from './ingest-result.view';
import { RecordStep } from './record-step';
import { RulesCheck } from './rules-check';
import { SyncCompletion } from './sync-completion';
import { UsageStep } from './usage-step';

/**
 * Runs a validated batch: the tenant's rules over the schema-valid records (RulesCheck), each good record onto its stream (RecordStep), usage rows onto their
 * account's usage stream (UsageStep), and finally the sync itself — rejections and summary — onto
 * its own stream (SyncCompletion). Records of different streams run concurrently; records of one
 * stream keep batch order.
 */
@Injectable()
export class IngestRecordsHandler {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CONFIG) private readonly config: IngestionConfig,
    private readonly rules: RulesCheck,
    private readonly records: RecordStep,
    private readonly usage: UsageStep,
    private readonly sync: SyncCompletion,
  ) {}

  async execute(command: IngestRecords): Promise<IngestResultView> {
    const ctx = new BatchContext(command.input, this.store);
    const { tenantId, entity, source } = command.input;
    const items = await this.rules.apply(tenantId, entity, command.items);
    const plan = planBatch(entity, items);
    for (const r of plan.refused) ctx.outcome.reject(r.slot, r.record, r.externalId, r.errors);

    const queues = new StreamQueues();
    for (const work of plan.records) {
      const recordId = recordIdFor({ tenantId, source, entity, externalId: work.verdict.externalId });
      queues.enqueue(streams.record(recordId), () => this.records.run(ctx, work));
    }
    for (const [accountExternalId, rows] of plan.usage)
      queues.enqueue(streams.usage(accountIdFor(tenantId, accountExternalId)), () =>
        this.usage.run(ctx, accountExternalId, rows),
      );
    await queues.run(this.config.INGEST_CONCURRENCY);

    return this.sync.complete(ctx, new Date());
  }
}
