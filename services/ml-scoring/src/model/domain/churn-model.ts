import { createHash } from 'node:crypto';
import { createRng } from '@foresight/datagen';
import { DomainError } from '@foresight/domain';
import { fitLogistic, linear, sigmoid } from './logistic-regression';
import { atThreshold, logLoss, rocAuc } from './metrics';

/**
 * Named numeric features of one subject. Keys containing "=" are one-hot indicators
 * (`industry=RETAIL`): absent means 0. Any other absent key is imputed with the training mean,
 * so it contributes nothing to a score rather than pretending to be zero.
 */
export type FeatureRow = Readonly<Record<string, number>>;

export interface TrainOptions {
  /** Training time, ISO-8601: time comes in, the domain never reads the clock. */
  now: string;
  seed?: number;
  /**
   * Default 0.01 (scikit-learn's C ≈ 100 / n): stronger than C = 1 because with ~100 features and a
   * rare positive class the weaker penalty overfits; on HubSpot's data it scored a lower holdout AUC.
   */
  l2?: number;
  learningRate?: number;
  epochs?: number;
  batchSize?: number;
  /** 'balanced' weighs each class by n / (2·n_class), so a 5 % positive class still counts. */
  classWeight?: 'balanced' | 'none';
  threshold?: number;
  /** Stratified share kept out of training to measure the metrics; 0 measures on training rows. */
  holdoutFraction?: number;
  /** One-hot indicators seen in fewer training rows than this are dropped (rare categories overfit). */
  minCategoryCount?: number;
  /** Overrides the content-derived version. */
  version?: string;
}

export interface ModelMetrics {
  rocAuc: number;
  logLoss: number;
  precision: number;
  recall: number;
  f1: number;
  confusion: { truePositives: number; falsePositives: number; trueNegatives: number; falseNegatives: number };
  /** Where the metrics were measured. */
  evaluatedOn: 'holdout' | 'training';
  evaluatedRows: number;
  /** Rows the weights were fitted on, and how many of them were positive. */
  trainedOn: number;
  trainedPositives: number;
}

export interface ChurnModel {
  algorithm: 'logistic_regression';
  /** Content hash of what the model computes: same data, options and seed → same version. */
  version: string;
  trainedAt: string;
  seed: number;
  featureNames: string[];
  means: number[];
  stds: number[];
  weights: number[];
  bias: number;
  threshold: number;
  metrics: ModelMetrics;
}

/** What scoring needs of a model: its learned parameters, not its metadata. */
export type LinearScorer = Pick<
  ChurnModel,
  'featureNames' | 'means' | 'stds' | 'weights' | 'bias' | 'threshold'
>;

export type Confidence = 'high' | 'medium' | 'low';

export interface Contributor {
  feature: string;
  /** Weight × standardised value: log-odds this feature adds (+) or removes (−) for this subject. */
  contribution: number;
}

export interface Score {
  probability: number;
  prediction: 0 | 1;
  confidence: Confidence;
  topContributors: Contributor[];
}

const isIndicator = (name: string) => name.includes('=');

function invalid(code: string, message: string): DomainError {
  return new DomainError(code, message, 'invalid');
}

function stratifiedSplit(
  labels: readonly number[],
  fraction: number,
  seed: number,
): { train: number[]; holdout: number[] } {
  if (fraction <= 0) return { train: labels.map((_, i) => i), holdout: [] };
  const rng = createRng(seed);
  const train: number[] = [];
  const holdout: number[] = [];
  for (const cls of [0, 1]) {
    const members = rng.shuffle(labels.flatMap((y, i) => (y === cls ? [i] : [])));
    const cut = Math.round(members.length * fraction);
    holdout.push(...members.slice(0, cut));
    train.push(...members.slice(cut));
  }
  return { train: train.sort((a, b) => a - b), holdout: holdout.sort((a, b) => a - b) };
}

function selectFeatures(rows: readonly FeatureRow[], minCategoryCount: number) {
  const seen = new Map<string, { n: number; sum: number; sumSq: number; nonZero: number }>();
  for (const row of rows) {
    for (const [name, value] of Object.entries(row)) {
      if (!Number.isFinite(value)) continue;
      const s = seen.get(name) ?? { n: 0, sum: 0, sumSq: 0, nonZero: 0 };
      s.n++;
      s.sum += value;
      s.sumSq += value * value;
      if (value !== 0) s.nonZero++;
      seen.set(name, s);
    }
  }
  const featureNames: string[] = [];
  const means: number[] = [];
  const stds: number[] = [];
  for (const name of [...seen.keys()].sort()) {
    const s = seen.get(name) as { n: number; sum: number; sumSq: number; nonZero: number };
    if (isIndicator(name) && s.nonZero < minCategoryCount) continue;
    // Indicators are 0 wherever absent, so their statistics run over every row.
    const n = isIndicator(name) ? rows.length : s.n;
    const mean = s.sum / n;
    const std = Math.sqrt(Math.max(0, s.sumSq / n - mean * mean));
    if (std < 1e-12) continue; // a constant carries no signal and would divide by zero
    featureNames.push(name);
    means.push(mean);
    stds.push(std);
  }
  return { featureNames, means, stds };
}

function standardise(
  model: Pick<ChurnModel, 'featureNames' | 'means' | 'stds'>,
  row: FeatureRow,
): Float64Array {
  const z = new Float64Array(model.featureNames.length);
  model.featureNames.forEach((name, j) => {
    const raw = row[name];
    const mean = model.means[j] ?? 0;
    const value = raw !== undefined && Number.isFinite(raw) ? raw : isIndicator(name) ? 0 : mean;
    z[j] = (value - mean) / (model.stds[j] ?? 1);
  });
  return z;
}

export function probability(model: LinearScorer, row: FeatureRow): number {
  return sigmoid(linear(model.weights, model.bias, standardise(model, row)));
}

/**
 * How sure the model is, by distance from the threshold relative to the room on that side:
 * a 0.95 with threshold 0.5 is high, a 0.55 is low.
 */
function confidenceOf(p: number, threshold: number): Confidence {
  const room = p >= threshold ? 1 - threshold : threshold;
  const distance = room > 0 ? Math.abs(p - threshold) / room : 1;
  return distance >= 0.6 ? 'high' : distance >= 0.3 ? 'medium' : 'low';
}

export function score(model: LinearScorer, row: FeatureRow, topN = 5): Score {
  const z = standardise(model, row);
  const p = sigmoid(linear(model.weights, model.bias, z));
  const topContributors = model.featureNames
    .map((feature, j) => ({ feature, contribution: (model.weights[j] ?? 0) * (z[j] ?? 0) }))
    .filter((c) => c.contribution !== 0)
    .sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution) || a.feature.localeCompare(b.feature))
    .slice(0, topN);
  return {
    probability: p,
    prediction: p >= model.threshold ? 1 : 0,
    confidence: confidenceOf(p, model.threshold),
    topContributors,
  };
}

export function evaluate(
  model: LinearScorer,
  rows: readonly FeatureRow[],
  labels: readonly (number | boolean)[],
): Pick<ModelMetrics, 'rocAuc' | 'logLoss' | 'precision' | 'recall' | 'f1' | 'confusion'> {
  const p = rows.map((r) => probability(model, r));
  const t = atThreshold(labels, p, model.threshold);
  return {
    rocAuc: rocAuc(labels, p),
    logLoss: logLoss(labels, p),
    precision: t.precision,
    recall: t.recall,
    f1: t.f1,
    confusion: {
      truePositives: t.truePositives,
      falsePositives: t.falsePositives,
      trueNegatives: t.trueNegatives,
      falseNegatives: t.falseNegatives,
    },
  };
}

/**
 * Baseline logistic regression: standardise, class-weight, fit by mini-batch gradient descent with
 * L2, measure on a stratified holdout. Deterministic for a given (rows, labels, options).
 */
export function train(
  rows: readonly FeatureRow[],
  labels: readonly (number | boolean)[],
  options: TrainOptions,
): ChurnModel {
  if (rows.length !== labels.length)
    throw invalid('MODEL.INVALID_TRAINING_SET', `${rows.length} rows but ${labels.length} labels`);
  const y = labels.map((l) => (l === true || l === 1 ? 1 : 0));
  const positives = y.filter((v) => v === 1).length;
  if (positives < 2 || rows.length - positives < 2)
    throw invalid(
      'MODEL.INSUFFICIENT_DATA',
      `need at least 2 rows of each class, got ${positives} positive of ${rows.length}`,
    );
  const seed = options.seed ?? 42;
  const threshold = options.threshold ?? 0.5;
  if (!(threshold > 0 && threshold < 1))
    throw invalid('MODEL.INVALID_OPTIONS', `threshold must be in (0, 1), got ${threshold}`);

  const { train: trainIdx, holdout } = stratifiedSplit(y, options.holdoutFraction ?? 0.2, seed);
  const trainRows = trainIdx.map((i) => rows[i] as FeatureRow);
  const trainY = trainIdx.map((i) => y[i] as number);
  const trainPositives = trainY.filter((v) => v === 1).length;
  const selected = selectFeatures(trainRows, options.minCategoryCount ?? 5);
  if (selected.featureNames.length === 0)
    throw invalid('MODEL.INSUFFICIENT_DATA', 'no feature varies across the training rows');

  const n = trainRows.length;
  const weightOf = (cls: number) =>
    options.classWeight === 'none' ? 1 : n / (2 * (cls === 1 ? trainPositives : n - trainPositives));
  const fitted = fitLogistic(
    trainRows.map((r) => standardise(selected, r)),
    trainY,
    trainY.map(weightOf),
    {
      l2: options.l2 ?? 0.01,
      learningRate: options.learningRate ?? 0.05,
      epochs: options.epochs ?? 100,
      batchSize: options.batchSize ?? 64,
      momentum: 0.9,
    },
    createRng(seed + 1),
  );

  const body = { algorithm: 'logistic_regression' as const, ...selected, ...fitted, threshold, seed };
  const version =
    options.version ??
    `churn-lr-${createHash('sha256').update(JSON.stringify(body)).digest('hex').slice(0, 12)}`;
  const evalIdx = holdout.length > 0 ? holdout : trainIdx;
  const measured = evaluate(
    body,
    evalIdx.map((i) => rows[i] as FeatureRow),
    evalIdx.map((i) => y[i] as number),
  );
  return {
    ...body,
    version,
    trainedAt: options.now,
    metrics: {
      ...measured,
      evaluatedOn: holdout.length > 0 ? 'holdout' : 'training',
      evaluatedRows: evalIdx.length,
      trainedOn: n,
      trainedPositives: trainPositives,
    },
  };
}
