import { Injectable } from '@nestjs/common';
import { ReadModels } from '@foresight/backbone';
import { DomainError } from '@foresight/domain';
import { shadowComparisonsProjection } from '../../projections/shadow-comparisons.projection';
import { tenantModelsProjection } from '../../projections/tenant-models.projection';
import type { ComparisonView } from './comparison.view';

/** Read-model bound: a comparison covers at most this many accounts (the largest differences are listed). */
const MAX_ACCOUNTS = 10_000;
const LISTED = 50;

@Injectable()
export class CompareModelsHandler {
  constructor(private readonly readModels: ReadModels) {}

  async execute(tenantId: string, modelId: string): Promise<ComparisonView> {
    const model = await this.readModels
      .of(tenantModelsProjection)
      .findById(tenantId, `${tenantId}:${modelId}`);
    if (!model) throw new DomainError('MODEL.NOT_FOUND', `No model ${modelId}`, 'not_found', { modelId });
    const docs = await this.readModels
      .of(shadowComparisonsProjection)
      .find(tenantId, { modelId }, { limit: MAX_ACCOUNTS, sort: { accountId: 1 } });
    const paired = docs.filter((d) => d.served !== null);
    const agree = paired.filter((d) => d.prediction === d.served?.prediction).length;
    const diff = (d: (typeof paired)[number]) => Math.abs(d.probability - (d.served?.probability ?? 0));
    const largest = [...paired].sort((a, b) => diff(b) - diff(a) || (a.accountId < b.accountId ? -1 : 1));
    return {
      modelId,
      status: model.status,
      outcome: model.outcome,
      accounts: docs.length,
      compared: paired.length,
      agreement: paired.length > 0 ? agree / paired.length : null,
      meanAbsoluteDifference:
        paired.length > 0 ? paired.reduce((a, d) => a + diff(d), 0) / paired.length : null,
      servedModelIds: [...new Set(paired.map((d) => d.served?.modelId ?? ''))].sort(),
      largestDifferences: largest.slice(0, LISTED).map((d) => ({
        accountId: d.accountId,
        probability: d.probability,
        prediction: d.prediction,
        servedModelId: d.served?.modelId ?? '',
        servedProbability: d.served?.probability ?? 0,
        servedPrediction: d.served?.prediction ?? 0,
        scoredAt: d.scoredAt,
      })),
    };
  }
}
