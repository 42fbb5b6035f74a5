import { Inject, Injectable, Logger } from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import { EVENT_STORE } from '@foresight/backbone';
import { EventStore, handle } from '@foresight/eventstore';
import { BaselineSettings, trainBaseline } from '../../domain/baseline-training';
import type { ModelEvent, ModelTrained } from '../../domain/model.events';
import { BASELINE_MODEL_ID, modelDecider, modelStream, PLATFORM_TENANT } from '../../domain/model.decider';
import { promotedOf } from '../../domain/model.state';
import { PromotedModels, ServingModel } from '../../promoted-models';

export interface AdoptedBaseline {
  model: ServingModel;
  /** False when a promoted baseline was found and nothing was trained. */
  trainedNow: boolean;
}

@Injectable()
export class AdoptBaselineHandler {
  private readonly logger = new Logger('Models');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly models: PromotedModels,
  ) {}

  /**
   * Serves the promoted baseline; trains and promotes one first only when none is promoted, so a
   * restart costs a stream read, not a training run.
   */
  async execute(settings: BaselineSettings, now = new Date()): Promise<AdoptedBaseline> {
    const stream = modelStream(BASELINE_MODEL_ID);
    const recorded = await this.store.read(stream);
    const state = recorded
      .map((e) => ({ type: e.type, data: e.data }) as ModelEvent)
      .reduce(modelDecider.evolve, modelDecider.initialState());
    const existing = promotedOf(state);
    if (existing) {
      this.models.serve(existing);
      this.logger.log(
        `serving promoted baseline ${existing.version} (trained ${existing.trainedAt}, holdout ROC-AUC ${existing.metrics.rocAuc.toFixed(4)})`,
      );
      return { model: existing, trainedNow: false };
    }

    const started = performance.now();
    const { model, trainingSet } = trainBaseline(settings, now.toISOString());
    const trainingMs = Math.round(performance.now() - started);
    const { featureNames, means, stds, weights, bias, threshold } = model;
    const trained: ModelTrained['data'] = {
      modelId: BASELINE_MODEL_ID,
      version: model.version,
      outcome: 'CHURN',
      algorithm: model.algorithm,
      trainedAt: model.trainedAt,
      trainingMs,
      trainingSet,
      artifact: { featureNames, means, stds, weights, bias, threshold },
      metrics: model.metrics,
    };
    const m = model.metrics;
    this.logger.log(
      `baseline churn model ${model.version} trained in ${trainingMs} ms on ${m.trainedOn} accounts ` +
        `(${m.trainedPositives} churners): holdout ROC-AUC ${m.rocAuc.toFixed(4)}, log loss ${m.logLoss.toFixed(4)}, ` +
        `precision ${m.precision.toFixed(3)}, recall ${m.recall.toFixed(3)} at ${threshold} (${m.evaluatedRows} rows)`,
    );

    const result = await handle(
      this.store,
      stream,
      modelDecider,
      { type: 'AdoptBaseline', data: { trained, at: now.toISOString() } },
      {
        metadata: { tenantId: PLATFORM_TENANT, actor: 'ml-scoring' },
        // Instances starting together train the same version: the same event ids make them one append.
        idempotencyKey: `model:${BASELINE_MODEL_ID}:${model.version}`,
        retries: 5,
      },
    );
    const promoted = promotedOf(result.newState);
    if (!promoted) throw new Error(`no baseline promoted on ${stream} after adopting ${model.version}`);
    if (promoted.version !== model.version)
      this.logger.warn(
        `another instance promoted baseline ${promoted.version} first; serving it, not ${model.version}`,
      );
    this.models.serve(promoted);
    return { model: promoted, trainedNow: promoted.version === model.version && result.events.length > 0 };
  }
}
