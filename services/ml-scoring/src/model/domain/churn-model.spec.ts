import { generate } from '@foresight/datagen';
import { DomainError } from '@foresight/domain';
import { evaluate, FeatureRow, score, train } from './churn-model';
import { demoTrainingSet } from './demo-training-set';

const now = '2025-06-16T09:00:00.000Z';
const window = { asOf: now, lookbackDays: 26 * 7 };
const trainingSet = demoTrainingSet(generate({ seed: 'train', accounts: 800, weeks: 26, now }), window);
const heldOut = demoTrainingSet(generate({ seed: 'held-out', accounts: 800, weeks: 26, now }), window);

describe('train on generated accounts', () => {
  const model = train(trainingSet.rows, trainingSet.labels, { now, seed: 7 });

  it('ranks churners above stayers on data it never saw (ROC-AUC > 0.9)', () => {
    const auc = evaluate(model, heldOut.rows, heldOut.labels).rocAuc;
    console.log(
      `churn model on held-out generated data: ROC-AUC ${auc.toFixed(4)} (${heldOut.rows.length} customers)`,
    );
    expect(auc).toBeGreaterThan(0.9);
  });

  it('reports holdout metrics and what it was trained on', () => {
    expect(model.metrics.evaluatedOn).toBe('holdout');
    expect(model.metrics.trainedOn + model.metrics.evaluatedRows).toBe(trainingSet.rows.length);
    expect(model.metrics.rocAuc).toBeGreaterThan(0.85);
    expect(model.metrics.recall).toBeGreaterThan(0.5);
    expect(model.trainedAt).toBe(now);
    expect(model.featureNames).toHaveLength(model.weights.length);
    expect(model.means).toHaveLength(model.weights.length);
  });

  it('learns that falling usage means churn', () => {
    const trend = model.weights[model.featureNames.indexOf('actions_trend')] as number;
    expect(trend).toBeLessThan(0);
  });

  it('is deterministic: same rows, labels and seed give the same model and version', () => {
    const again = train(trainingSet.rows, trainingSet.labels, { now, seed: 7 });
    expect(again).toEqual(model);
    const reseeded = train(trainingSet.rows, trainingSet.labels, { now, seed: 8 });
    expect(reseeded.weights).not.toEqual(model.weights);
    expect(reseeded.version).not.toBe(model.version);
  });
});

describe('score', () => {
  const model = train(trainingSet.rows, trainingSet.labels, { now, seed: 7 });
  const churnerAt = heldOut.labels.indexOf(1);
  const churner = heldOut.rows[churnerAt] as FeatureRow;

  it('returns a probability, the prediction at the threshold and a confidence band', () => {
    const s = score(model, churner);
    expect(s.probability).toBeGreaterThan(0);
    expect(s.probability).toBeLessThan(1);
    expect(s.prediction).toBe(s.probability >= model.threshold ? 1 : 0);
    expect(['high', 'medium', 'low']).toContain(s.confidence);
  });

  it('calls a near-certain score high confidence and one at the threshold low', () => {
    const probabilities = heldOut.rows.map((r) => score(model, r));
    const extreme = probabilities.find((s) => s.probability > 0.95 || s.probability < 0.05);
    const borderline = probabilities.find((s) => Math.abs(s.probability - model.threshold) < 0.05);
    expect(extreme?.confidence).toBe('high');
    expect(borderline?.confidence).toBe('low');
  });

  it('explains itself: top contributors, largest effect first, summing with the bias to the log-odds', () => {
    const s = score(model, churner, model.featureNames.length);
    const magnitudes = s.topContributors.map((c) => Math.abs(c.contribution));
    expect(magnitudes).toEqual([...magnitudes].sort((a, b) => b - a));
    const logOdds = s.topContributors.reduce((a, c) => a + c.contribution, model.bias);
    expect(1 / (1 + Math.exp(-logOdds))).toBeCloseTo(s.probability, 9);
    expect(score(model, churner).topContributors).toHaveLength(5);
  });

  it('imputes a missing feature with its training mean, so it contributes nothing', () => {
    const { actions_trend: _dropped, ...withoutTrend } = churner;
    const s = score(model, withoutTrend, model.featureNames.length);
    expect(s.topContributors.map((c) => c.feature)).not.toContain('actions_trend');
  });
});

describe('training data checks', () => {
  it('drops one-hot categories seen in fewer rows than minCategoryCount', () => {
    const rows: FeatureRow[] = Array.from({ length: 40 }, (_, i) => ({
      x: i % 2,
      ...(i < 3 ? { 'industry=RARE': 1 } : { 'industry=COMMON': 1 }),
    }));
    const labels = rows.map((_, i) => i % 2);
    const model = train(rows, labels, { now, minCategoryCount: 5, holdoutFraction: 0 });
    expect(model.featureNames).toContain('industry=COMMON');
    expect(model.featureNames).not.toContain('industry=RARE');
  });

  it('refuses a single-class training set with MODEL.INSUFFICIENT_DATA', () => {
    const attempt = () => train([{ x: 1 }, { x: 2 }, { x: 3 }], [0, 0, 0], { now });
    expect(attempt).toThrow(DomainError);
    expect(attempt).toThrow(expect.objectContaining({ code: 'MODEL.INSUFFICIENT_DATA' }));
  });

  it('refuses rows and labels of different lengths', () => {
    expect(() => train([{ x: 1 }], [0, 1], { now })).toThrow(
      expect.objectContaining({ code: 'MODEL.INVALID_TRAINING_SET' }),
    );
  });
});
