import type { ResolvedConfig } from './config';
import { CompiledForest, compileForest, saabas, scoreForest } from './forest';
import { BoostedState, fitBoosted } from './gbdt';
import { fitLogistic, logisticLogits, LogisticState, sigmoid } from './logistic';
import type { Matrix } from './preprocess';
import { fitForest, ForestState } from './random-forest';
import { subSeed } from './prng';

export type ModelState = LogisticState | ForestState | BoostedState;

/** n / (2·n_class) per row when `balanced`, else 1: a 5 % class then weighs as much as the other. */
function classWeights(y: readonly (0 | 1)[], balanced: boolean): Float64Array {
  const w = new Float64Array(y.length).fill(1);
  if (!balanced) return w;
  const pos = y.reduce<number>((s, v) => s + v, 0);
  const neg = y.length - pos;
  for (let i = 0; i < y.length; i++) w[i] = y[i] === 1 ? y.length / (2 * pos) : y.length / (2 * neg);
  return w;
}

export function fitModel(x: Matrix, y: readonly (0 | 1)[], config: ResolvedConfig, seed: number): ModelState {
  const hp = config.hyperparameters;
  const h = (k: string) => hp[k] as number;
  const sampleWeights = classWeights(y, h('balanced') === 1);
  switch (config.algorithm) {
    case 'logistic_regression':
      return fitLogistic(x, y, { C: h('C'), maxIterations: h('maxIterations'), sampleWeights });
    case 'random_forest':
      return fitForest(x, y, {
        trees: h('trees'),
        maxDepth: h('maxDepth'),
        minSamplesLeaf: h('minSamplesLeaf'),
        maxFeatures: h('maxFeatures'),
        maxBins: h('maxBins'),
        sampleWeights,
        seed: subSeed(seed, 'forest'),
      });
    case 'gbdt':
      return fitBoosted(x, y, {
        iterations: h('iterations'),
        learningRate: h('learningRate'),
        maxDepth: h('maxDepth'),
        maxLeaves: h('maxLeaves'),
        minSamplesLeaf: h('minSamplesLeaf'),
        l2: h('l2'),
        maxBins: h('maxBins'),
        validationFraction: h('validationFraction'),
        earlyStoppingRounds: h('earlyStoppingRounds'),
        sampleWeights,
        seed: subSeed(seed, 'gbdt'),
      });
    default: {
      const unreachable: never = config.algorithm;
      throw new Error(`unknown algorithm ${String(unreachable)}`);
    }
  }
}

/** A model ready to score matrices: built once per artifact, reused for every batch. */
export interface Scorer {
  probabilities(x: Matrix): Float64Array;
  /** Per-column contributions of one row (log-odds for LR and GBDT, probability for RF), into `out`. */
  contributions(x: Matrix, row: number, out: Float64Array): void;
}

export function compileModel(state: ModelState): Scorer {
  switch (state.algorithm) {
    case 'logistic_regression': {
      const w = Float64Array.from(state.weights);
      return {
        probabilities: (x) => logisticLogits(state, x).map(sigmoid),
        contributions: (x, row, out) => {
          for (let j = 0; j < x.cols; j++) out[j] = (w[j] as number) * (x.data[row * x.cols + j] as number);
        },
      };
    }
    case 'random_forest':
      return forestScorer(compileForest(state.trees, 0, 1 / state.trees.length), false);
    case 'gbdt':
      return forestScorer(compileForest(state.trees, state.base, 1), true);
    default: {
      const unreachable: never = state;
      throw new Error(`unknown model ${JSON.stringify(unreachable)}`);
    }
  }
}

function forestScorer(f: CompiledForest, logOdds: boolean): Scorer {
  return {
    probabilities: (x) => {
      const raw = scoreForest(f, x);
      return logOdds ? raw.map(sigmoid) : raw;
    },
    contributions: (x, row, out) => saabas(f, x, row, out),
  };
}
