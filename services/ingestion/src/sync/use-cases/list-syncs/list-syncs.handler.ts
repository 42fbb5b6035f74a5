import { Injectable } from '@nestjs/common';
import { ReadModels } from '@foresight/backbone';
import type { ReadDoc } from '@foresight/projections';
import { afterCursor, pageOf } from '../../../shared/cursor';
import { ingestionError } from '../../../shared/ingestion.errors';
import { SyncDoc, syncHistoryProjection } from '../../projections/sync-history.projection';
import { ListSyncsQuery, SyncPageView, SyncView } from './list-syncs.query';

const view = ({ _id: _ignored, tenantId: _tenant, ...sync }: ReadDoc<SyncDoc>): SyncView => sync;

/** Sync history, newest first, keyset-paged on (finishedAt, id). */
@Injectable()
export class ListSyncsHandler {
  constructor(private readonly readModels: ReadModels) {}

  async page(tenantId: string, query: ListSyncsQuery): Promise<SyncPageView> {
    const limit = query.limit ?? 50;
    const filter: Record<string, unknown> = {
      ...(query.entity ? { entity: query.entity } : {}),
      ...(query.source ? { source: query.source } : {}),
      // Both given and different: nothing can match both.
      ...(query.integration
        ? { source: query.source && query.source !== query.integration ? { $in: [] } : query.integration }
        : {}),
      ...(query.status ? { status: query.status } : {}),
      ...afterCursor('finishedAt', query.cursor),
    };
    const docs = await this.readModels
      .of(syncHistoryProjection)
      .find(tenantId, filter, { sort: { finishedAt: -1, _id: -1 }, limit: limit + 1 });
    const { items, nextCursor } = pageOf(docs, limit, (d) => d.finishedAt);
    return { items: items.map(view), nextCursor };
  }

  async one(tenantId: string, syncId: string): Promise<SyncView> {
    const doc = await this.readModels.of(syncHistoryProjection).findById(tenantId, syncId);
    if (!doc) throw ingestionError('SYNC_NOT_FOUND', `batch ${syncId} not found`, { syncId });
    return view(doc);
  }
}
