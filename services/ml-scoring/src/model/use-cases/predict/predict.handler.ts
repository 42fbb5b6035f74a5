import { Injectable } from '@nestjs/common';
import type { AccountFeatures } from '@foresight/contracts';
import { score } from '../../domain/churn-model';
import { featureRow } from '../../domain/feature-vector';
import { PromotedModels } from '../../promoted-models';
import type { PredictionBatchView, PredictionView } from './prediction.view';

/**
 * Scores features a client sends, with the promoted model; nothing is stored. Every tenant is served
 * the platform baseline until tenant models exist, so the tenant does not change the answer yet.
 */
@Injectable()
export class PredictHandler {
  constructor(private readonly models: PromotedModels) {}

  one(features: AccountFeatures): PredictionView {
    const model = this.models.churnModel();
    const s = score(model.artifact, featureRow(features));
    return {
      accountId: features.accountId,
      outcome: 'CHURN',
      prediction: s.prediction,
      probability: s.probability,
      confidence: s.confidence,
      topContributors: s.topContributors,
      modelVersion: model.version,
    };
  }

  batch(accounts: readonly AccountFeatures[]): PredictionBatchView {
    // One model for the whole batch, even if a promotion lands halfway through.
    const model = this.models.churnModel();
    return {
      modelVersion: model.version,
      predictions: accounts.map((features) => {
        const s = score(model.artifact, featureRow(features));
        return {
          accountId: features.accountId,
          outcome: 'CHURN',
          prediction: s.prediction,
          probability: s.probability,
          confidence: s.confidence,
          topContributors: s.topContributors,
          modelVersion: model.version,
        };
      }),
    };
  }
}
