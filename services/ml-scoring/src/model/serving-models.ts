import { Injectable } from '@nestjs/common';
import { ReadModels } from '@foresight/backbone';
import type { Outcome } from './domain/point-in-time';
import type { ModelArtifact } from './domain/training';
import { ModelArtifacts } from './model-artifacts';
import { tenantModelsProjection, TenantModelDoc } from './projections/tenant-models.projection';

export interface ServedTenantModel {
  modelId: string;
  version: string;
  outcome: Outcome;
  segment: string;
  lookbackDays: number;
  artifact: ModelArtifact;
}

/**
 * The tenant's promoted models, read at each use: a promotion through any instance serves on every
 * instance as soon as the registry shows it (artifacts are cached; they never change).
 */
@Injectable()
export class ServingModels {
  constructor(
    private readonly readModels: ReadModels,
    private readonly artifacts: ModelArtifacts,
  ) {}

  async promoted(tenantId: string): Promise<ServedTenantModel[]> {
    const docs = await this.readModels
      .of(tenantModelsProjection)
      .find(tenantId, { status: 'promoted' }, { sort: { outcome: 1 } });
    return this.withArtifacts(tenantId, docs);
  }

  /** The tenant's shadow models: scored beside the served ones, never published. */
  async shadows(tenantId: string): Promise<ServedTenantModel[]> {
    const docs = await this.readModels
      .of(tenantModelsProjection)
      .find(tenantId, { status: 'shadow' }, { sort: { startedAt: 1 } });
    return this.withArtifacts(tenantId, docs);
  }

  /** A model the tenant may predict with by id: trained, shadow or promoted (a retired one no longer serves). */
  async byId(tenantId: string, modelId: string): Promise<ServedTenantModel | null> {
    const doc = await this.readModels.of(tenantModelsProjection).findById(tenantId, `${tenantId}:${modelId}`);
    if (!doc || !['trained', 'shadow', 'promoted'].includes(doc.status)) return null;
    const [served] = await this.withArtifacts(tenantId, [doc]);
    return served ?? null;
  }

  private async withArtifacts(
    tenantId: string,
    docs: readonly TenantModelDoc[],
  ): Promise<ServedTenantModel[]> {
    const out: ServedTenantModel[] = [];
    for (const d of docs) {
      if (!d.version) continue;
      const artifact = await this.artifacts.load(tenantId, d.modelId);
      if (!artifact) continue;
      out.push({
        modelId: d.modelId,
        version: d.version,
        outcome: d.outcome,
        segment: d.segment,
        lookbackDays: d.lookbackDays,
        artifact,
      });
    }
    return out;
  }
}
