import { Injectable } from '@nestjs/common';
import type { AccountFeatures } from '@foresight/contracts';
import { DomainError } from '@foresight/domain';
import { score } from '../../domain/churn-model';
import { featureRow } from '../../domain/feature-vector';
import { BASELINE_MODEL_ID } from '../../domain/model.decider';
import { FeatureValues, featureValuesOf, Outcome } from '../../domain/point-in-time';
import { predict, Prediction } from '../../domain/training';
import { PromotedModels } from '../../promoted-models';
import { ServedTenantModel, ServingModels } from '../../serving-models';
import type { PredictionBatchView, PredictionView } from './prediction.view';

/** Which model answers: a model id of the tenant's, or the promoted model of an outcome (default CHURN). */
export interface ModelSelector {
  modelId?: string;
  outcome?: Outcome;
}

type Chosen = { kind: 'tenant'; model: ServedTenantModel } | { kind: 'baseline' };

/**
 * Scores features a client sends; nothing is stored. A tenant model reads the same named values its
 * training rows had (usage aggregates and firmographics); the baseline answers CHURN only when the
 * tenant has no promoted CHURN model, and says so.
 */
@Injectable()
export class PredictHandler {
  constructor(
    private readonly baseline: PromotedModels,
    private readonly serving: ServingModels,
  ) {}

  async one(tenantId: string, features: AccountFeatures, selector: ModelSelector): Promise<PredictionView> {
    const { predictions } = await this.batch(tenantId, [features], selector);
    const [p] = predictions;
    if (!p) throw new Error('a batch of one returned no prediction');
    return p;
  }

  async batch(
    tenantId: string,
    accounts: readonly AccountFeatures[],
    selector: ModelSelector,
  ): Promise<PredictionBatchView> {
    // One model for the whole batch, even if a promotion lands halfway through.
    const chosen = await this.choose(tenantId, selector);
    if (chosen.kind === 'tenant') {
      const m = chosen.model;
      // One matrix for the whole batch: the pipeline's predict is vectorised.
      const rows = accounts.map((f) => featureValuesOf(f, f.firmographics));
      const out = predict(m.artifact, rows);
      return {
        modelVersion: m.version,
        modelId: m.modelId,
        fallback: false,
        predictions: accounts.map((f, i) => {
          const p = out[i];
          if (!p) throw new Error(`no prediction for row ${i}`);
          return {
            accountId: f.accountId,
            outcome: m.outcome,
            prediction: p.prediction,
            probability: p.probability,
            confidence: p.confidence,
            topContributors: p.topFactors,
            modelVersion: m.version,
            modelId: m.modelId,
            fallback: false,
          };
        }),
      };
    }
    const model = this.baseline.churnModel();
    return {
      modelVersion: model.version,
      modelId: BASELINE_MODEL_ID,
      fallback: true,
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
          modelId: BASELINE_MODEL_ID,
          fallback: true,
        };
      }),
    };
  }

  /**
   * Named feature values (gRPC): only a tenant model reads them; the baseline reads ingestion's
   * aggregates, so asking for an outcome with no promoted model is not found rather than a fallback.
   */
  async values(
    tenantId: string,
    accounts: readonly { accountId: string; values: FeatureValues }[],
    selector: ModelSelector,
  ): Promise<{ model: ServedTenantModel; predictions: (Prediction & { accountId: string })[] }> {
    const chosen = await this.choose(tenantId, selector);
    if (chosen.kind !== 'tenant')
      throw new DomainError(
        'MODEL.NONE_PROMOTED',
        'No CHURN model is promoted for this tenant; the platform baseline answers on REST only',
        'not_found',
        { outcome: 'CHURN' },
      );
    const out = predict(
      chosen.model.artifact,
      accounts.map((a) => a.values),
    );
    return {
      model: chosen.model,
      predictions: accounts.map((a, i) => {
        const p = out[i];
        if (!p) throw new Error(`no prediction for row ${i}`);
        return { ...p, accountId: a.accountId };
      }),
    };
  }

  private async choose(tenantId: string, selector: ModelSelector): Promise<Chosen> {
    if (selector.modelId) {
      const model = await this.serving.byId(tenantId, selector.modelId);
      if (!model)
        throw new DomainError(
          'MODEL.NOT_FOUND',
          `No trained model ${selector.modelId} (training, failed and retired models do not predict)`,
          'not_found',
          { modelId: selector.modelId },
        );
      return { kind: 'tenant', model };
    }
    const outcome = selector.outcome ?? 'CHURN';
    const model = (await this.serving.promoted(tenantId)).find((m) => m.outcome === outcome);
    if (model) return { kind: 'tenant', model };
    if (outcome === 'CHURN') return { kind: 'baseline' };
    throw new DomainError(
      'MODEL.NONE_PROMOTED',
      `No ${outcome} model is promoted for this tenant; train and promote one, or name a model id`,
      'not_found',
      { outcome },
    );
  }
}
