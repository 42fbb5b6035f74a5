export type Algorithm = 'logistic_regression' | 'random_forest' | 'gbdt';
export const ALGORITHMS: readonly Algorithm[] = ['logistic_regression', 'random_forest', 'gbdt'];

export type FeatureValue = number | string | null;
export type FeatureRecord = Readonly<Record<string, FeatureValue>>;

export interface TrainingSample {
  id: string;
  features: FeatureRecord;
  label: 0 | 1;
}

export type Imputation = 'auto' | 'median' | 'mean' | 'mode' | 'zero' | 'constant';
export const IMPUTATIONS: readonly Imputation[] = ['auto', 'median', 'mean', 'mode', 'zero', 'constant'];
export type Scaling = 'standard' | 'minmax' | 'robust' | 'none';
export const SCALINGS: readonly Scaling[] = ['standard', 'minmax', 'robust', 'none'];

export type ThresholdRule =
  { rule: 'best_f1' } | { rule: 'target_precision'; precision: number } | { rule: 'fixed'; value: number };

export interface TrainingConfig {
  algorithm: Algorithm;
  /** Per algorithm (see HYPERPARAMETERS); unknown keys are refused. */
  hyperparameters?: Readonly<Record<string, number>>;
  /** Default: every feature present in the set. */
  features?: readonly string[];
  imputation?: Imputation;
  imputationConstant?: number;
  scaling?: Scaling;
  /** Default 5. */
  cvFolds?: number;
  /** Default 0.2, a stratified held-out split. */
  testFraction?: number;
  /** Default best F1 on the out-of-fold predictions of the cross-validation. */
  threshold?: ThresholdRule;
  /** Default 42; same seed + same data → identical artifact and metrics. */
  seed?: number;
  /** Default DEFAULT_MIN_POSITIVES; refuses to train below this many positives (and negatives). */
  minPositives?: number;
  /** Categories seen in fewer training rows than this become "other". Default 10. */
  minCategoryCount?: number;
}

export interface FeatureProfile {
  kind: 'numeric' | 'categorical';
  missing: number;
  missingFraction: number;
  distinct: number;
}

export interface DataProfile {
  rows: number;
  positives: number;
  negatives: number;
  positiveRate: number;
  /** Rows dropped by dedupe: same id seen again (first kept), and of those how many disagreed on the label. */
  duplicates: { ids: number; conflictingLabels: number };
  features: Record<string, FeatureProfile>;
}

export interface ConfusionMatrix {
  tp: number;
  fp: number;
  tn: number;
  fn: number;
}

export interface EvaluationMetrics {
  rocAuc: number;
  prAuc: number;
  logLoss: number;
  brier: number;
  precision: number;
  recall: number;
  f1: number;
  threshold: number;
  confusion: ConfusionMatrix;
}

export interface Curves {
  roc: { fpr: number; tpr: number }[];
  pr: { recall: number; precision: number }[];
  calibration: { predicted: number; observed: number; count: number }[];
}

export type Confidence = 'high' | 'medium' | 'low';

export interface Factor {
  feature: string;
  /** Log-odds (LR, GBDT) or probability (RF) this feature adds (+) or removes (−) for this row. */
  contribution: number;
}

export interface Prediction {
  probability: number;
  prediction: 0 | 1;
  confidence: Confidence;
  topFactors: Factor[];
}
