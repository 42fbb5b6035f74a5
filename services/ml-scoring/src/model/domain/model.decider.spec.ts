import { DeciderSpecification } from '@foresight/testing';
import { trainBaseline } from './baseline-training';
import type { AdoptBaseline } from './model.commands';
import { BASELINE_MODEL_ID, modelDecider } from './model.decider';
import type { ModelPromoted, ModelRetired, ModelTrained } from './model.events';

const spec = DeciderSpecification.for(modelDecider);
const settings = { seed: 7, accounts: 300, weeks: 26, asOf: '2025-06-16T09:00:00.000Z' };
const at = '2025-07-01T08:00:00.000Z';

function trained(seed: number): ModelTrained['data'] {
  const { model, trainingSet } = trainBaseline({ ...settings, seed }, at);
  const { featureNames, means, stds, weights, bias, threshold } = model;
  return {
    modelId: BASELINE_MODEL_ID,
    version: model.version,
    outcome: 'CHURN',
    algorithm: 'logistic_regression',
    trainedAt: model.trainedAt,
    trainingMs: 12,
    trainingSet,
    artifact: { featureNames, means, stds, weights, bias, threshold },
    metrics: model.metrics,
  };
}

const seven = trained(7);
const adopt = (data: ModelTrained['data']): AdoptBaseline => ({
  type: 'AdoptBaseline',
  data: { trained: data, at },
});
const trainedEvent = (data: ModelTrained['data']): ModelTrained => ({ type: 'ModelTrained', data });
const promoted = (version: string, previousVersion: string | null = null): ModelPromoted => ({
  type: 'ModelPromoted',
  data: { modelId: BASELINE_MODEL_ID, version, previousVersion, promotedAt: at },
});
const retired = (version: string, replacedBy: string): ModelRetired => ({
  type: 'ModelRetired',
  data: { modelId: BASELINE_MODEL_ID, version, replacedBy, retiredAt: at },
});

describe('model decider', () => {
  describe('no model yet', () => {
    it('records the trained baseline and promotes it, in one append', () =>
      spec
        .given([])
        .when(adopt(seven))
        .then([trainedEvent(seven), promoted(seven.version)]));

    it('trains the same version from the same settings (so instances agree)', () => {
      expect(trained(7).version).toBe(seven.version);
      expect(trained(7).artifact).toEqual(seven.artifact);
    });
  });

  describe('trained, not promoted', () => {
    it('promotes the version it already holds without recording it twice', () =>
      spec
        .given([trainedEvent(seven)])
        .when(adopt(seven))
        .then([promoted(seven.version)]));
  });

  describe('promoted', () => {
    it('takes nothing when the same baseline is offered again (a restart, a second instance)', () =>
      spec
        .given([trainedEvent(seven), promoted(seven.version)])
        .when(adopt(seven))
        .thenNothingHappened());

    it('retires the promoted baseline and promotes one trained under another definition, on the record', () => {
      const eight = trained(8);
      expect(eight.version).not.toBe(seven.version);
      spec
        .given([trainedEvent(seven), promoted(seven.version)])
        .when(adopt(eight))
        .then([
          trainedEvent(eight),
          retired(seven.version, eight.version),
          promoted(eight.version, seven.version),
        ]);
    });

    it('returns to a version it served before without recording its training twice', () => {
      const eight = trained(8);
      spec
        .given([
          trainedEvent(seven),
          promoted(seven.version),
          trainedEvent(eight),
          retired(seven.version, eight.version),
          promoted(eight.version, seven.version),
        ])
        .when(adopt(seven))
        .then([retired(eight.version, seven.version), promoted(seven.version, eight.version)]);
    });
  });
});
