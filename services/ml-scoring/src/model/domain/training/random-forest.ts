import { binMatrix, fitCuts } from './binning';
import type { Matrix } from './preprocess';
import { prng, subSeed } from './prng';
import { giniCriterion, growTree, TreeArrays } from './tree';

export interface ForestState {
  algorithm: 'random_forest';
  trees: TreeArrays[];
}

export interface ForestParams {
  trees: number;
  maxDepth: number;
  minSamplesLeaf: number;
  /** Share of columns drawn at each split; 0 = √cols (scikit-learn's default for classifiers). */
  maxFeatures: number;
  maxBins: number;
  /** Per-sample class weights; length = rows. */
  sampleWeights: Float64Array;
  seed: number;
}

/**
 * Breiman's random forest on histogram bins: each tree sees a bootstrap sample (drawn with its own
 * sub-seed, kept as integer multiplicities so nothing is copied), splits on weighted Gini impurity
 * over a fresh random subset of columns at each node, and grows until leaves are pure or hit the
 * depth/leaf-size limits. A leaf stores its (weighted) positive share; the forest averages them.
 */
export function fitForest(x: Matrix, y: readonly (0 | 1)[], params: ForestParams): ForestState {
  const bins = binMatrix(x, fitCuts(x, params.maxBins));
  const n = x.rows;
  const featuresPerSplit =
    params.maxFeatures > 0
      ? Math.max(1, Math.round(params.maxFeatures * x.cols))
      : Math.max(1, Math.floor(Math.sqrt(x.cols)));
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  const counts = new Uint32Array(n);
  const trees: TreeArrays[] = [];
  for (let t = 0; t < params.trees; t++) {
    const rng = prng(subSeed(params.seed, 'tree', t));
    counts.fill(0);
    for (let k = 0; k < n; k++) {
      const i = rng.below(n);
      counts[i] = (counts[i] as number) + 1;
    }
    let m = 0;
    for (let i = 0; i < n; i++) if ((counts[i] as number) > 0) m++;
    const indices = new Uint32Array(m);
    m = 0;
    for (let i = 0; i < n; i++) {
      const c = counts[i] as number;
      const w = c * (params.sampleWeights[i] as number);
      a[i] = w;
      b[i] = w * (y[i] as number);
      if (c > 0) indices[m++] = i;
    }
    const grown = growTree(bins, indices, a, b, giniCriterion, {
      maxDepth: params.maxDepth,
      maxLeaves: Number.POSITIVE_INFINITY,
      minSamplesLeaf: params.minSamplesLeaf,
      featuresPerSplit,
      rng,
    });
    trees.push(grown.tree);
  }
  return { algorithm: 'random_forest', trees };
}
