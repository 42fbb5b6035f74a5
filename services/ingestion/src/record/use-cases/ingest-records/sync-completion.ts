import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE } from '@foresight/backbone';
import { EventStore, handle } from '@foresight/eventstore';
import { streams } from '../../../shared/streams';
import { statusOf, syncDecider } from '../../../sync/domain/sync.decider';
import type { BatchContext } from './batch-context';
import type { IngestResultView } from './ingest-result.view';

/** The batch's own record, once its records are handled: rejections and summary onto the sync stream. */
@Injectable()
export class SyncCompletion {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async complete(ctx: BatchContext, finishedAt: Date): Promise<IngestResultView> {
    const { input, outcome } = ctx;
    const { syncId, source, entity } = input;
    const { accepted, unchanged } = outcome;
    const rejections = outcome.rejections;
    await handle(
      this.store,
      streams.sync(syncId),
      syncDecider,
      {
        type: 'CompleteSync',
        data: {
          syncId,
          source,
          entity,
          via: input.via,
          actor: input.actor,
          received: input.records.length,
          accepted,
          unchanged,
          rejections,
          startedAt: ctx.at,
          finishedAt: finishedAt.toISOString(),
        },
      },
      { metadata: ctx.write.metadata },
    );
    return {
      syncId,
      source,
      entity,
      status: statusOf({ accepted, unchanged, rejected: rejections.length }),
      received: input.records.length,
      accepted,
      unchanged,
      rejected: rejections.map(({ index, externalId, errors }) => ({ index, externalId, errors })),
      results: outcome.results,
      durationMs: finishedAt.getTime() - input.receivedAt.getTime(),
    };
  }
}
