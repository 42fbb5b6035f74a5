import { resolveConfig, ResolvedConfig, validateTrainingConfig } from './config';
import { dedupe } from './dedupe';
import { permutationImportance } from './importance';
import { curves, evaluate, rocAuc, prAuc } from './metrics';
import { fitModel } from './model';
import { ModelArtifact, scorerOf } from './predict';
import { fitPreprocessor, transform } from './preprocess';
import { featureNames, profileData } from './profile';
import { subSeed } from './prng';
import { validateTrainingSet } from './schema';
import { sha256Hex } from './sha256';
import { stratifiedHoldout, stratifiedKFold } from './split';
import { selectThreshold } from './threshold';
import type {
  Curves,
  DataProfile,
  EvaluationMetrics,
  FeatureRecord,
  TrainingConfig,
  TrainingSample,
} from './types';

export interface TrainedModel {
  artifact: ModelArtifact;
  threshold: number;
  featureList: string[];
  profile: DataProfile;
  metrics: {
    cv: { folds: number; rocAuc: { mean: number; std: number }; prAuc: { mean: number; std: number } };
    test: EvaluationMetrics;
  };
  curves: Curves;
  importance: { feature: string; importance: number }[];
  fingerprint: string;
  /** Rows the final model was fitted on and held out from, after dedupe. */
  split: { trainRows: number; trainPositives: number; testRows: number; testPositives: number };
}

export type TrainResult =
  { ok: true; model: TrainedModel } | { ok: false; reason: string; profile?: DataProfile };

export type ProgressListener = (p: { step: string; fraction: number }) => void;

const meanStd = (values: readonly number[]) => {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance =
    values.length > 1 ? values.reduce((a, v) => a + (v - mean) ** 2, 0) / (values.length - 1) : 0;
  return { mean, std: Math.sqrt(variance) };
};

/** Canonical JSON: keys sorted, so the same data and config hash the same whatever their key order. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

function fitAndScore(
  trainRows: readonly FeatureRecord[],
  trainY: readonly (0 | 1)[],
  scoreRows: readonly FeatureRecord[],
  features: readonly string[],
  config: ResolvedConfig,
  seed: number,
): Float64Array {
  const pre = fitPreprocessor(trainRows, features, config);
  const model = fitModel(transform(pre, trainRows), trainY, config, seed);
  const artifact: ModelArtifact = {
    format: 'foresight-training/1',
    algorithm: config.algorithm,
    threshold: 0.5,
    features: [...features],
    preprocessor: pre,
    model,
    hyperparameters: config.hyperparameters,
  };
  return scorerOf(artifact).probabilities(transform(pre, scoreRows));
}

/**
 * The whole pipeline, pure and seeded: validate config and set → dedupe (sorted by id, so row order
 * never matters) → profile → refuse below minPositives → stratified held-out split → stratified
 * k-fold CV on the training part (preprocessing refitted inside each fold, so no fold sees its own
 * statistics) → threshold from the out-of-fold predictions → final fit on the whole training part →
 * metrics, curves and permutation importance on the held-out part.
 */
export function train(
  samples: readonly TrainingSample[],
  config: TrainingConfig,
  onProgress?: ProgressListener,
): TrainResult {
  const progress = (step: string, fraction: number) => onProgress?.({ step, fraction });
  const configErrors = validateTrainingConfig(config);
  if (configErrors.length > 0)
    return {
      ok: false,
      reason: `invalid configuration: ${configErrors.map((e) => `${e.field} ${e.errors.join(', ')}`).join('; ')}`,
    };
  const cfg = resolveConfig(config);
  progress('validate', 0);
  const setErrors = validateTrainingSet(samples);
  if (setErrors.length > 0)
    return {
      ok: false,
      reason: `invalid training set: ${setErrors.map((e) => `${e.field} ${e.errors.join(', ')}`).join('; ')}`,
    };
  const deduped = dedupe(samples);
  const rows = deduped.samples;
  const present = featureNames(rows);
  // Sorted: the order a caller lists features in must not change the model (forests draw columns by index).
  const features = cfg.features ? [...cfg.features].sort() : present;
  const absent = features.filter((f) => !present.includes(f));
  if (absent.length > 0)
    return { ok: false, reason: `features not in the training set: ${absent.join(', ')}` };
  if (features.length === 0) return { ok: false, reason: 'the training set has no features' };
  const profile = profileData(rows, features, {
    ids: deduped.duplicateIds,
    conflictingLabels: deduped.conflictingLabels,
  });
  progress('profile', 0.05);
  if (profile.positives < cfg.minPositives || profile.negatives < cfg.minPositives)
    return {
      ok: false,
      reason:
        `too few examples to train a model that can be trusted: ${profile.positives} positive and ` +
        `${profile.negatives} negative of ${profile.rows} (need at least ${cfg.minPositives} of each)`,
      profile,
    };

  const labels = rows.map((s) => s.label);
  const { train: trainIdx, test: testIdx } = stratifiedHoldout(
    labels,
    cfg.testFraction,
    subSeed(cfg.seed, 'holdout'),
  );
  const trainRows = trainIdx.map((i) => (rows[i] as TrainingSample).features);
  const trainY = trainIdx.map((i) => labels[i] as 0 | 1);
  const testRows = testIdx.map((i) => (rows[i] as TrainingSample).features);
  const testY = testIdx.map((i) => labels[i] as 0 | 1);
  const trainPositives = trainY.reduce<number>((a, b) => a + b, 0);
  const testPositives = testY.reduce<number>((a, b) => a + b, 0);
  const trainNegatives = trainY.length - trainPositives;
  const testNegatives = testY.length - testPositives;
  // Every fold and the held-out part need both classes, or their AUC is undefined.
  if (Math.min(trainPositives, trainNegatives) < cfg.cvFolds || Math.min(testPositives, testNegatives) < 1)
    return {
      ok: false,
      reason:
        `too few examples to split: ${trainPositives} positive / ${trainNegatives} negative for ` +
        `${cfg.cvFolds} folds, ${testPositives} / ${testNegatives} held out`,
      profile,
    };

  const folds = stratifiedKFold(trainY, cfg.cvFolds, subSeed(cfg.seed, 'folds'));
  const oof = new Float64Array(trainY.length);
  const foldAuc: number[] = [];
  const foldAp: number[] = [];
  folds.forEach((valid, k) => {
    progress(`cross-validation fold ${k + 1}/${folds.length}`, 0.1 + (0.6 * k) / folds.length);
    const inValid = new Set(valid);
    const fitIdx = trainY.map((_, i) => i).filter((i) => !inValid.has(i));
    const p = fitAndScore(
      fitIdx.map((i) => trainRows[i] as FeatureRecord),
      fitIdx.map((i) => trainY[i] as 0 | 1),
      valid.map((i) => trainRows[i] as FeatureRecord),
      features,
      cfg,
      subSeed(cfg.seed, 'fold', k),
    );
    valid.forEach((i, r) => (oof[i] = p[r] as number));
    const vy = valid.map((i) => trainY[i] as 0 | 1);
    foldAuc.push(rocAuc(vy, p));
    foldAp.push(prAuc(vy, p));
  });
  const threshold = selectThreshold(trainY, oof, cfg.threshold);

  progress('fit', 0.7);
  const pre = fitPreprocessor(trainRows, features, cfg);
  const model = fitModel(transform(pre, trainRows), trainY, cfg, subSeed(cfg.seed, 'final'));
  const artifact: ModelArtifact = {
    format: 'foresight-training/1',
    algorithm: cfg.algorithm,
    threshold,
    features: [...features],
    preprocessor: pre,
    model,
    hyperparameters: cfg.hyperparameters,
  };
  progress('evaluate', 0.85);
  const scorer = scorerOf(artifact);
  const testX = transform(pre, testRows);
  const testP = scorer.probabilities(testX);
  const groups = pre.recipes.map((r, k) => ({
    feature: r.source,
    columns: pre.sourceOf.flatMap((s, j) => (s === k ? [j] : [])),
  }));
  progress('importance', 0.9);
  const importance = permutationImportance(
    (x) => scorer.probabilities(x),
    testX,
    testY,
    groups,
    subSeed(cfg.seed, 'importance'),
  );
  const fingerprint = sha256Hex(
    canonical({
      rows: rows.map((s) => [s.id, s.label, s.features]),
      config: { ...cfg, features },
    }),
  );
  progress('done', 1);
  return {
    ok: true,
    model: {
      artifact,
      threshold,
      featureList: [...features],
      profile,
      metrics: {
        cv: { folds: cfg.cvFolds, rocAuc: meanStd(foldAuc), prAuc: meanStd(foldAp) },
        test: evaluate(testY, testP, threshold),
      },
      curves: curves(testY, testP),
      importance,
      fingerprint,
      split: { trainRows: trainY.length, trainPositives, testRows: testY.length, testPositives },
    },
  };
}
