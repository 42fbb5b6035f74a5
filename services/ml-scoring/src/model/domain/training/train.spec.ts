import { ALGORITHMS, predict, train } from './index';
import { syntheticSamples } from './spec-data';

const samples = syntheticSamples(600);
const fast = {
  logistic_regression: {},
  random_forest: { trees: 30 },
  gbdt: { iterations: 60 },
} as const;

describe('train', () => {
  describe.each(ALGORITHMS)('%s', (algorithm) => {
    const config = { algorithm, hyperparameters: fast[algorithm], cvFolds: 3, minPositives: 20 };
    const result = train(samples, config);
    if (!result.ok) throw new Error(result.reason);
    const model = result.model;

    it('learns the signal: held-out and CV ROC-AUC well above chance, the signal first in importance', () => {
      expect(model.metrics.test.rocAuc).toBeGreaterThan(0.8);
      expect(model.metrics.cv.rocAuc.mean).toBeGreaterThan(0.8);
      expect(model.metrics.cv.folds).toBe(3);
      expect(model.importance[0]?.feature).toBe('signal');
      expect(model.featureList).toEqual(['employee_range', 'industry', 'noise', 'signal']);
    });

    it('is deterministic: same seed and data give the identical artifact, metrics and fingerprint', () => {
      const again = train(samples, config);
      expect(again.ok && JSON.stringify(again.model)).toBe(JSON.stringify(model));
    });

    it('does not depend on row order', () => {
      const again = train([...samples].reverse(), config);
      expect(again.ok && again.model.fingerprint).toBe(model.fingerprint);
      expect(again.ok && JSON.stringify(again.model.artifact)).toBe(JSON.stringify(model.artifact));
    });

    it('a different seed gives a different split and fingerprint', () => {
      const other = train(samples, { ...config, seed: 43 });
      expect(other.ok && other.model.fingerprint).not.toBe(model.fingerprint);
    });

    it('stores a plain-JSON artifact that predicts with its own threshold', () => {
      const artifact = JSON.parse(JSON.stringify(model.artifact));
      const rows = samples.slice(0, 50).map((s) => s.features);
      const predictions = predict(artifact, rows);
      const direct = predict(model.artifact, rows);
      expect(predictions).toEqual(direct);
      for (const p of predictions) {
        expect(p.prediction).toBe(p.probability >= model.threshold ? 1 : 0);
        expect(p.topFactors.length).toBeGreaterThan(0);
        expect(p.topFactors.length).toBeLessThanOrEqual(5);
      }
      expect(predict(artifact, rows, 0).every((p) => p.topFactors.length === 0)).toBe(true);
    });

    it('top factors plus a constant add up to the score (log-odds, or probability for a forest)', () => {
      const rows = samples.slice(0, 20).map((s) => s.features);
      const all = predict(model.artifact, rows, 1000);
      const link = (p: number) => (algorithm === 'random_forest' ? p : Math.log(p / (1 - p)));
      const offsets = all.map(
        (p) => link(p.probability) - p.topFactors.reduce((s, f) => s + f.contribution, 0),
      );
      for (const o of offsets) expect(o).toBeCloseTo(offsets[0] as number, 8);
    });

    it('returns curves and a profile', () => {
      expect(model.curves.roc[0]).toEqual({ fpr: 0, tpr: 0 });
      expect(model.curves.calibration.reduce((s, b) => s + b.count, 0)).toBe(model.split.testRows);
      expect(model.profile.rows).toBe(600);
      expect(model.profile.features['signal']?.missing).toBeGreaterThan(0);
    });
  });

  it('refuses to train below minPositives, with the reason and the profile', () => {
    const few = samples.map((s, i) => ({ ...s, label: (s.label === 1 && i < 150 ? 1 : 0) as 0 | 1 }));
    const positives = few.filter((s) => s.label === 1).length;
    const result = train(few, { algorithm: 'gbdt' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toContain(`${positives} positive`);
    expect(result.reason).toContain('need at least 50 of each');
    expect(result.profile?.positives).toBe(positives);
  });

  it('refuses an invalid configuration, a broken set and unknown features, naming them', () => {
    const bad = train(samples, { algorithm: 'gbdt', cvFolds: 1 });
    expect(!bad.ok && bad.reason).toBe('invalid configuration: cvFolds must be an integer from 2 to 20');
    const broken = train([{ id: 'a', features: { x: Number.NaN }, label: 0 }], { algorithm: 'gbdt' });
    expect(!broken.ok && broken.reason).toContain('samples[0].features.x');
    const unknown = train(samples, { algorithm: 'gbdt', features: ['signal', 'mrr'] });
    expect(!unknown.ok && unknown.reason).toBe('features not in the training set: mrr');
  });

  it('drops duplicate ids before training and says so in the profile', () => {
    const result = train(
      [...samples, samples[0], samples[1]].filter((s) => s !== undefined),
      {
        algorithm: 'logistic_regression',
        cvFolds: 3,
      },
    );
    expect(result.ok && result.model.profile.duplicates).toEqual({ ids: 2, conflictingLabels: 0 });
  });

  it('reports progress from 0 to 1', () => {
    const steps: number[] = [];
    train(samples, { algorithm: 'logistic_regression', cvFolds: 2 }, (p) => steps.push(p.fraction));
    expect(steps[0]).toBe(0);
    expect(steps[steps.length - 1]).toBe(1);
    expect([...steps].sort((a, b) => a - b)).toEqual(steps);
  });
});

describe('train, feature order', () => {
  it('the order features are listed in does not change the model', () => {
    const config = { algorithm: 'random_forest' as const, hyperparameters: { trees: 10 }, cvFolds: 3 };
    const a = train(samples, { ...config, features: ['signal', 'noise', 'industry'] });
    const b = train(samples, { ...config, features: ['industry', 'signal', 'noise'] });
    expect(a.ok && JSON.stringify(a.model.artifact)).toBe(b.ok && JSON.stringify(b.model.artifact));
  });
});
