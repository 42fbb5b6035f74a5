import { Injectable } from '@nestjs/common';
import { ReadModels } from '@foresight/backbone';
import { PLATFORM_TENANT } from '../../domain/model.decider';
import { modelsProjection } from '../../projections/models.projection';
import { ModelView } from './model.view';

@Injectable()
export class ListModelsHandler {
  constructor(private readonly readModels: ReadModels) {}

  /** The tenant's own models, then the platform baseline every tenant is scored with. */
  async execute(tenantId: string): Promise<ModelView[]> {
    const models = this.readModels.of(modelsProjection);
    const newestFirst = { sort: { trainedAt: -1 as const } };
    const own = await models.find(tenantId, {}, newestFirst);
    const platform = await models.find(PLATFORM_TENANT, {}, newestFirst);
    return [
      ...own.map((d) => ModelView.of(d, 'tenant')),
      ...platform.map((d) => ModelView.of(d, 'platform')),
    ];
  }
}
