import { compileForest, saabas, scoreForest } from './forest';
import { fitForest } from './random-forest';
import { separable } from './spec-data';

const params = (rows: number, seed = 7) => ({
  trees: 25,
  maxDepth: 8,
  minSamplesLeaf: 1,
  maxFeatures: 0,
  maxBins: 255,
  sampleWeights: new Float64Array(rows).fill(1),
  seed,
});

describe('fitForest (bootstrap, √columns per split, Gini)', () => {
  const { x, y } = separable(400);

  it('separates a one-split problem: every tree splits once near 0.5 and scores 0 or 1', () => {
    const forest = fitForest(x, y, params(400));
    for (const tree of forest.trees) {
      expect(tree.feature).toEqual([0, -1, -1]);
      expect(Math.abs((tree.threshold[0] as number) - 0.5)).toBeLessThan(0.02);
      expect(tree.value.slice(1)).toEqual([0, 1]);
    }
    const p = scoreForest(compileForest(forest.trees, 0, 1 / forest.trees.length), x);
    // A row out of some bootstraps and right at the boundary may fall on the other side of a cut.
    const clear = y.flatMap((_, i) => (Math.abs((x.data[i] as number) - 0.5) > 0.02 ? [i] : []));
    expect(clear.length).toBeGreaterThan(350);
    expect(clear.map((i) => p[i])).toEqual(clear.map((i) => y[i]));
  });

  it('is deterministic for a seed and changes with the seed', () => {
    const noisy = { ...x, data: x.data.map((v, i) => (i % 7 === 0 ? 1 - v : v)) };
    const a = JSON.stringify(fitForest(noisy, y, params(400, 1)));
    expect(JSON.stringify(fitForest(noisy, y, params(400, 1)))).toBe(a);
    expect(JSON.stringify(fitForest(noisy, y, params(400, 2)))).not.toBe(a);
  });

  it('Saabas factors plus the forest mean add up to each row score', () => {
    const forest = fitForest(x, y, params(400));
    const f = compileForest(forest.trees, 0, 1 / forest.trees.length);
    const expected = forest.trees.reduce((s, t) => s + (t.value[0] as number), 0) / forest.trees.length;
    const p = scoreForest(f, x);
    const c = new Float64Array(1);
    for (const row of [0, 1, 2, 3]) {
      saabas(f, x, row, c);
      expect(expected + (c[0] as number)).toBeCloseTo(p[row] as number, 12);
    }
  });
});
