import { compileForest, scoreForest } from './forest';
import { fitBoosted } from './gbdt';
import type { Matrix } from './preprocess';
import { separable } from './spec-data';

const base = {
  iterations: 1,
  learningRate: 0.5,
  maxDepth: 1,
  maxLeaves: 2,
  minSamplesLeaf: 1,
  l2: 1,
  maxBins: 255,
  validationFraction: 0,
  earlyStoppingRounds: 10,
  seed: 3,
};

describe('fitBoosted (histogram GBDT on log loss)', () => {
  it('one round on a hand-computable set: prior log-odds, then leaves −G/(H+λ)·η', () => {
    // x = 0: 3 rows, one positive; x = 1: 3 rows, two positives → prior p = 1/2, base 0.
    const x: Matrix = { data: Float64Array.from([0, 0, 0, 1, 1, 1]), rows: 6, cols: 1 };
    const y: (0 | 1)[] = [1, 0, 0, 1, 1, 0];
    const m = fitBoosted(x, y, { ...base, sampleWeights: new Float64Array(6).fill(1) });
    expect(m.base).toBe(0);
    // Left (x = 0): g = p − y sums to 1.5 − 1 = 0.5, h = 6 × 0.25 / 2 = 0.75 → −0.5/1.75 × 0.5
    const tree = m.trees[0];
    expect(tree?.feature[0]).toBe(0);
    expect(tree?.threshold[0]).toBe(0.5);
    expect(tree?.value[1]).toBeCloseTo((-0.5 / 1.75) * 0.5, 12);
    expect(tree?.value[2]).toBeCloseTo((0.5 / 1.75) * 0.5, 12);
  });

  it('learns a noisy threshold and early stopping keeps only the rounds that helped', () => {
    const { x, y: clean } = separable(600);
    // One label in ten flipped: past the boundary there is nothing left to learn but the noise.
    const y = clean.map((v, i) => (i % 10 === 0 ? 1 - v : v) as 0 | 1);
    const m = fitBoosted(x, y, {
      ...base,
      iterations: 400,
      learningRate: 0.3,
      maxDepth: 3,
      maxLeaves: 8,
      minSamplesLeaf: 5,
      validationFraction: 0.2,
      earlyStoppingRounds: 5,
      sampleWeights: new Float64Array(600).fill(1),
    });
    expect(m.trees.length).toBe(m.bestIteration);
    expect(m.trees.length).toBeLessThan(400);
    const p = Array.from(scoreForest(compileForest(m.trees, m.base, 1), x)).map(
      (z) => 1 / (1 + Math.exp(-z)),
    );
    const agree = p.filter((pi, i) => (pi >= 0.5 ? 1 : 0) === clean[i]).length;
    expect(agree / p.length).toBeGreaterThan(0.95);
  });

  it('is deterministic: the same seed gives the same trees', () => {
    const { x, y } = separable(300, 5);
    const params = {
      ...base,
      iterations: 20,
      maxDepth: 3,
      maxLeaves: 6,
      validationFraction: 0.2,
      sampleWeights: new Float64Array(300).fill(1),
    };
    expect(JSON.stringify(fitBoosted(x, y, params))).toBe(JSON.stringify(fitBoosted(x, y, params)));
  });
});
