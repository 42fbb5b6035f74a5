import { binMatrix, fitCuts } from './binning';
import { compileForest, scoreForest } from './forest';
import { logLoss } from './metrics';
import type { Matrix } from './preprocess';
import { prng, subSeed } from './prng';
import { newtonCriterion, growTree, TreeArrays } from './tree';
import { sigmoid } from './logistic';

export interface BoostedState {
  algorithm: 'gbdt';
  /** Prior log-odds of the training rows: the score before any tree. */
  base: number;
  /** Leaf (and node) values already multiplied by the learning rate. */
  trees: TreeArrays[];
  /** Trees kept after early stopping, and the validation log loss at that point (null without validation). */
  bestIteration: number;
  validationLogLoss: number | null;
}

export interface BoostedParams {
  iterations: number;
  learningRate: number;
  maxDepth: number;
  maxLeaves: number;
  minSamplesLeaf: number;
  l2: number;
  maxBins: number;
  /** Rows (stratified) held back from the fit to decide when to stop. */
  validationFraction: number;
  earlyStoppingRounds: number;
  sampleWeights: Float64Array;
  seed: number;
}

function subMatrix(x: Matrix, rows: readonly number[]): Matrix {
  const data = new Float64Array(rows.length * x.cols);
  rows.forEach((r, k) => data.set(x.data.subarray(r * x.cols, (r + 1) * x.cols), k * x.cols));
  return { data, rows: rows.length, cols: x.cols };
}

function stratifiedValidation(
  y: readonly (0 | 1)[],
  fraction: number,
  seed: number,
): { fit: number[]; valid: number[] } {
  const rng = prng(seed);
  const fit: number[] = [];
  const valid: number[] = [];
  for (const cls of [0, 1] as const) {
    const members = y.flatMap((v, i) => (v === cls ? [i] : []));
    for (let i = members.length - 1; i > 0; i--) {
      const j = rng.below(i + 1);
      [members[i], members[j]] = [members[j] as number, members[i] as number];
    }
    const cut = Math.round(members.length * fraction);
    valid.push(...members.slice(0, cut));
    fit.push(...members.slice(cut));
  }
  return { fit: fit.sort((a, b) => a - b), valid: valid.sort((a, b) => a - b) };
}

/**
 * Histogram gradient boosting on log loss (the LightGBM / HistGradientBoosting recipe): features are
 * binned once; each round fits a leaf-wise tree to the gradient and hessian of the loss by Newton
 * gain with L2 on leaf values, shrunk by the learning rate. A stratified validation share of the
 * training rows stops the rounds once its log loss has not improved for `earlyStoppingRounds`, and
 * the model is cut back to its best round — so the number of trees is learned, not guessed.
 */
export function fitBoosted(x: Matrix, y: readonly (0 | 1)[], params: BoostedParams): BoostedState {
  const split =
    params.validationFraction > 0
      ? stratifiedValidation(y, params.validationFraction, subSeed(params.seed, 'validation'))
      : { fit: y.map((_, i) => i), valid: [] as number[] };
  const fitX = subMatrix(x, split.fit);
  const fitY = split.fit.map((i) => y[i] as 0 | 1);
  const fitW = Float64Array.from(split.fit, (i) => params.sampleWeights[i] as number);
  const validX = subMatrix(x, split.valid);
  const validY = split.valid.map((i) => y[i] as 0 | 1);
  const n = fitX.rows;

  let wSum = 0;
  let wPos = 0;
  for (let i = 0; i < n; i++) {
    wSum += fitW[i] as number;
    wPos += (fitW[i] as number) * (fitY[i] as number);
  }
  const prior = Math.min(1 - 1e-6, Math.max(1e-6, wPos / wSum));
  const base = Math.log(prior / (1 - prior));
  const bins = binMatrix(fitX, fitCuts(fitX, params.maxBins));
  const F = new Float64Array(n).fill(base);
  const validF = new Float64Array(validX.rows).fill(base);
  const validP = new Float64Array(validX.rows);
  const g = new Float64Array(n);
  const h = new Float64Array(n);
  const indices = new Uint32Array(n);
  const criterion = newtonCriterion(params.l2, 1e-3);
  const rng = prng(subSeed(params.seed, 'boost'));
  const trees: TreeArrays[] = [];
  let best = Number.POSITIVE_INFINITY;
  let bestIteration = 0;
  for (let it = 0; it < params.iterations; it++) {
    for (let i = 0; i < n; i++) {
      const p = sigmoid(F[i] as number);
      const w = fitW[i] as number;
      g[i] = w * (p - (fitY[i] as number));
      h[i] = w * p * (1 - p);
      indices[i] = i;
    }
    const grown = growTree(bins, indices, g, h, criterion, {
      maxDepth: params.maxDepth,
      maxLeaves: params.maxLeaves,
      minSamplesLeaf: params.minSamplesLeaf,
      featuresPerSplit: x.cols,
      rng,
    });
    const tree = grown.tree;
    tree.value = tree.value.map((v) => v * params.learningRate);
    for (const leaf of grown.leaves) {
      const v = tree.value[leaf.node] as number;
      for (let s = leaf.start; s < leaf.end; s++) {
        const i = grown.indices[s] as number;
        F[i] = (F[i] as number) + v;
      }
    }
    trees.push(tree);
    if (validX.rows === 0) {
      bestIteration = trees.length;
      continue;
    }
    const step = scoreForest(compileForest([tree], 0, 1), validX);
    for (let i = 0; i < validX.rows; i++) {
      validF[i] = (validF[i] as number) + (step[i] as number);
      validP[i] = sigmoid(validF[i] as number);
    }
    const loss = logLoss(validY, validP);
    if (loss < best - 1e-9) {
      best = loss;
      bestIteration = trees.length;
    } else if (trees.length - bestIteration >= params.earlyStoppingRounds) break;
  }
  return {
    algorithm: 'gbdt',
    base,
    trees: trees.slice(0, Math.max(1, bestIteration)),
    bestIteration: Math.max(1, bestIteration),
    validationLogLoss: Number.isFinite(best) ? best : null,
  };
}
