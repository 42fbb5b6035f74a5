import { Injectable } from '@nestjs/common';
import { ReadModels } from '@foresight/backbone';
import { afterCursor, pageOf } from '../../../shared/cursor';
import { rejectionsProjection } from '../../projections/rejections.projection';
import { ListRejectionsQuery, RejectionPageView } from './list-rejections.query';

function parsedRaw(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}

/** Pipeline errors, newest first, keyset-paged on (rejectedAt, id). */
@Injectable()
export class ListRejectionsHandler {
  constructor(private readonly readModels: ReadModels) {}

  async page(tenantId: string, query: ListRejectionsQuery): Promise<RejectionPageView> {
    const limit = query.limit ?? 50;
    const filter: Record<string, unknown> = {
      ...(query.entity ? { entity: query.entity } : {}),
      ...(query.source ? { source: query.source } : {}),
      ...(query.syncId ? { syncId: query.syncId } : {}),
      ...afterCursor('rejectedAt', query.cursor),
    };
    const docs = await this.readModels
      .of(rejectionsProjection)
      .find(tenantId, filter, { sort: { rejectedAt: -1, _id: -1 }, limit: limit + 1 });
    const { items, nextCursor } = pageOf(docs, limit, (d) => d.rejectedAt);
    return {
      items: items.map((d) => ({
        rejectionId: d.rejectionId,
        syncId: d.syncId,
        source: d.source,
        entity: d.entity,
        via: d.via,
        index: d.index,
        externalId: d.externalId,
        errors: d.errors,
        raw: parsedRaw(d.raw),
        rejectedAt: d.rejectedAt,
      })),
      nextCursor,
    };
  }
}
