import { assertNever } from '@foresight/domain';
import { defineProjection, ProjectionEvent } from '@foresight/projections';
import type { ModelMetrics } from '../domain/churn-model';
import type { ModelEvent, ModelOutcome, TrainingSetDescription } from '../domain/model.events';

export interface ModelDoc {
  modelId: string;
  version: string;
  outcome: ModelOutcome;
  algorithm: string;
  status: 'trained' | 'promoted' | 'retired';
  trainedAt: string;
  trainingMs: number;
  promotedAt: string | null;
  retiredAt: string | null;
  trainingSet: TrainingSetDescription;
  metrics: ModelMetrics;
  featureCount: number;
  threshold: number;
}

type E = {
  [K in ModelEvent['type']]: ProjectionEvent<K, Extract<ModelEvent, { type: K }>['data']>;
}[ModelEvent['type']];

/** The model registry: one document per (model, version), without the weights. */
export const modelsProjection = defineProjection<ModelDoc, E>({
  name: 'ml-models',
  version: 1,
  collectionBase: 'ml_models',
  handles: ['ModelTrained', 'ModelRetired', 'ModelPromoted'],
  id: (event) => `${event.tenantId}:${event.data.modelId}:${event.data.version}`,
  evolve(doc, event) {
    switch (event.type) {
      case 'ModelTrained': {
        const d = event.data;
        return {
          modelId: d.modelId,
          version: d.version,
          outcome: d.outcome,
          algorithm: d.algorithm,
          status: doc?.status ?? 'trained',
          trainedAt: d.trainedAt,
          trainingMs: d.trainingMs,
          promotedAt: doc?.promotedAt ?? null,
          retiredAt: doc?.retiredAt ?? null,
          trainingSet: d.trainingSet,
          metrics: d.metrics,
          featureCount: d.artifact.featureNames.length,
          threshold: d.artifact.threshold,
        };
      }
      case 'ModelRetired':
        return doc && { ...doc, status: 'retired', retiredAt: event.data.retiredAt };
      case 'ModelPromoted':
        return doc && { ...doc, status: 'promoted', promotedAt: event.data.promotedAt, retiredAt: null };
      default:
        return assertNever(event, 'model event');
    }
  },
  indexes: [{ fields: { tenantId: 1, trainedAt: -1 }, why: "a tenant's models, newest first" }],
});
