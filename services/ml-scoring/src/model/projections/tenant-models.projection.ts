import { assertNever } from '@foresight/domain';
import { defineProjection, ProjectionEvent } from '@foresight/projections';
import type { Outcome, TrainingSetDescription } from '../domain/point-in-time';
import type { TenantModelEvent, TenantModelTrained } from '../domain/tenant-model.events';
import type { TenantModelStatus } from '../domain/tenant-model.state';
import type { TrainingConfig } from '../domain/training';

type Trained = TenantModelTrained['data'];

export interface TenantModelDoc {
  modelId: string;
  outcome: Outcome;
  segment: string;
  status: TenantModelStatus;
  config: TrainingConfig;
  horizonDays: number;
  lookbackDays: number;
  requestedBy: string;
  startedAt: string;
  progress: { step: string; fraction: number; detail: string | null; at: string } | null;
  failure: { reason: string; at: string } | null;
  trainingSet: TrainingSetDescription | null;
  version: string | null;
  algorithm: string;
  trainedAt: string | null;
  trainingMs: number | null;
  featureList: string[];
  threshold: number | null;
  metrics: Trained['metrics'] | null;
  split: Trained['split'] | null;
  curves: Trained['curves'] | null;
  profile: Trained['profile'] | null;
  importance: Trained['importance'];
  fingerprint: string | null;
  promotedAt: string | null;
  retiredAt: string | null;
  replacedBy: string | null;
}

type E = {
  [K in TenantModelEvent['type']]: ProjectionEvent<K, Extract<TenantModelEvent, { type: K }>['data']>;
}[TenantModelEvent['type']];

/** A tenant's models: one document per training run, with its metrics and curves (never the artifact). */
export const tenantModelsProjection = defineProjection<TenantModelDoc, E>({
  name: 'ml-tenant-models',
  version: 1,
  collectionBase: 'ml_tenant_models',
  handles: [
    'TrainingStarted',
    'TrainingProgressed',
    'TenantModelTrained',
    'TrainingFailed',
    'ModelShadowed',
    'TenantModelPromoted',
    'TenantModelRetired',
  ],
  id: (e) => `${e.tenantId}:${e.data.modelId}`,
  evolve(doc, e) {
    switch (e.type) {
      case 'TrainingStarted': {
        const d = e.data;
        return {
          modelId: d.modelId,
          outcome: d.outcome,
          segment: d.segment,
          status: 'training',
          config: d.config,
          horizonDays: d.horizonDays,
          lookbackDays: d.lookbackDays,
          requestedBy: d.requestedBy,
          startedAt: d.startedAt,
          progress: null,
          failure: null,
          trainingSet: null,
          version: null,
          algorithm: d.config.algorithm,
          trainedAt: null,
          trainingMs: null,
          featureList: [],
          threshold: null,
          metrics: null,
          split: null,
          curves: null,
          profile: null,
          importance: [],
          fingerprint: null,
          promotedAt: null,
          retiredAt: null,
          replacedBy: null,
        };
      }
      case 'TrainingProgressed':
        return doc && { ...doc, progress: { ...e.data } };
      case 'TenantModelTrained': {
        const d = e.data;
        return (
          doc && {
            ...doc,
            status: 'trained',
            progress: { step: 'done', fraction: 1, detail: null, at: d.trainedAt },
            trainingSet: d.trainingSet,
            version: d.version,
            algorithm: d.algorithm,
            trainedAt: d.trainedAt,
            trainingMs: d.trainingMs,
            featureList: d.featureList,
            threshold: d.threshold,
            metrics: d.metrics,
            split: d.split,
            curves: d.curves,
            profile: d.profile,
            importance: d.importance,
            fingerprint: d.fingerprint,
          }
        );
      }
      case 'TrainingFailed':
        return (
          doc && {
            ...doc,
            status: 'failed',
            failure: { reason: e.data.reason, at: e.data.failedAt },
            trainingSet: e.data.trainingSet,
            profile: e.data.profile,
          }
        );
      case 'ModelShadowed':
        return doc && { ...doc, status: 'shadow' };
      case 'TenantModelPromoted':
        return doc && { ...doc, status: 'promoted', promotedAt: e.data.promotedAt };
      case 'TenantModelRetired':
        return (
          doc && { ...doc, status: 'retired', retiredAt: e.data.retiredAt, replacedBy: e.data.replacedBy }
        );
      default:
        return assertNever(e, 'tenant model event');
    }
  },
  indexes: [
    { fields: { tenantId: 1, startedAt: -1, _id: -1 }, why: "a tenant's models, newest first, paged" },
    { fields: { tenantId: 1, status: 1, outcome: 1 }, why: 'the promoted model of each outcome' },
  ],
});
