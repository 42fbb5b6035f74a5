import { Inject, Injectable, Logger } from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import { EVENT_STORE } from '@foresight/backbone';
import { EventStore, handle } from '@foresight/eventstore';
import { BaselineSettings, trainBaseline } from '../../domain/baseline-training';
import type { ModelEvent, ModelTrained, TrainingSetDescription } from '../../domain/model.events';
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
   * Trains the baseline the code and settings define (deterministic, well under a second) and
   * serves it: the promoted one when it is the same version, so a restart appends nothing; otherwise
   * it is promoted in place of the old one (retired on the record), since a baseline trained under
   * another definition — another training window, other features — no longer fits the features
   * ingestion serves.
   */
  async execute(settings: BaselineSettings, now = new Date()): Promise<AdoptedBaseline> {
    const stream = modelStream(BASELINE_MODEL_ID);
    const recorded = await this.store.read(stream);
    const state = recorded
      .map((e) => ({ type: e.type, data: e.data }) as ModelEvent)
      .reduce(modelDecider.evolve, modelDecider.initialState());
    const existing = promotedOf(state);

    const started = performance.now();
    const { model, trainingSet } = trainBaseline(settings, now.toISOString());
    const trainingMs = Math.round(performance.now() - started);
    if (existing?.version === model.version) {
      this.models.serve(existing);
      this.logger.log(
        `serving promoted baseline ${existing.version} (trained ${existing.trainedAt}, holdout ROC-AUC ${existing.metrics.rocAuc.toFixed(4)}; the same version retrained in ${trainingMs} ms)`,
      );
      return { model: existing, trainedNow: false };
    }
    if (existing)
      this.logger.warn(
        `replacing baseline ${existing.version} (${describe(existing.trainingSet)}) with ${model.version} ` +
          `(${describe(trainingSet)}): the baseline's definition changed`,
      );

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
        // Instances starting together train the same version over the same predecessor: the same event
        // ids make them one append.
        idempotencyKey: `model:${BASELINE_MODEL_ID}:${existing?.version ?? 'none'}:${model.version}`,
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

function describe(set: TrainingSetDescription): string {
  return `seed ${set.seed}, ${set.accounts} accounts, ${set.weeks} weeks to ${set.asOf}`;
}
