import { Injectable } from '@nestjs/common';
import { ReadModels } from '@foresight/backbone';
import { DomainError } from '@foresight/domain';
import { PLATFORM_TENANT } from '../../domain/model.decider';
import { modelsProjection } from '../../projections/models.projection';
import { tenantModelsProjection } from '../../projections/tenant-models.projection';
import { TenantModelDetailView, TenantModelView } from '../shared/tenant-model.view';
import type { ListModelsQuery } from './list-models.query';
import { ModelView } from './model.view';

export interface ModelPage {
  items: TenantModelView[];
  nextCursor?: string;
  fallback: ModelView[];
}

const encode = (startedAt: string, id: string) =>
  Buffer.from(JSON.stringify([startedAt, id])).toString('base64url');

function decode(cursor: string): { startedAt: string; id: string } {
  try {
    const [startedAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof startedAt === 'string' && typeof id === 'string') return { startedAt, id };
  } catch {
    // refused below
  }
  throw new DomainError(
    'MODEL.INVALID_CURSOR',
    'cursor must be the nextCursor of a previous page',
    'invalid',
    {
      field: 'cursor',
    },
  );
}

@Injectable()
export class ListModelsHandler {
  constructor(private readonly readModels: ReadModels) {}

  /** The tenant's own models, newest first, and the platform baseline it falls back to. */
  async execute(tenantId: string, query: ListModelsQuery): Promise<ModelPage> {
    const filter: Record<string, unknown> = {};
    if (query.outcome) filter['outcome'] = query.outcome;
    if (query.status) filter['status'] = query.status;
    if (query.cursor) {
      const { startedAt, id } = decode(query.cursor);
      filter['$or'] = [{ startedAt: { $lt: startedAt } }, { startedAt, _id: { $lt: id } }];
    }
    const limit = query.limit ?? 50;
    const docs = await this.readModels
      .of(tenantModelsProjection)
      .find(tenantId, filter, { sort: { startedAt: -1, _id: -1 }, limit: limit + 1 });
    const page = docs.slice(0, limit);
    const last = page[page.length - 1];
    const platform = await this.readModels
      .of(modelsProjection)
      .find(PLATFORM_TENANT, {}, { sort: { trainedAt: -1 as const } });
    return {
      items: page.map((d) => TenantModelView.of(d)),
      ...(docs.length > limit && last ? { nextCursor: encode(last.startedAt, last._id) } : {}),
      fallback: platform.map((d) => ModelView.of(d, 'platform')),
    };
  }

  async one(tenantId: string, modelId: string): Promise<TenantModelDetailView> {
    const doc = await this.readModels.of(tenantModelsProjection).findById(tenantId, `${tenantId}:${modelId}`);
    if (!doc) throw new DomainError('MODEL.NOT_FOUND', `No model ${modelId}`, 'not_found', { modelId });
    return TenantModelDetailView.detail(doc);
  }
}
