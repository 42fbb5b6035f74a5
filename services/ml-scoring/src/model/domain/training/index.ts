export type {
  Algorithm,
  FeatureValue,
  FeatureRecord,
  TrainingSample,
  TrainingConfig,
  ThresholdRule,
  Imputation,
  Scaling,
  DataProfile,
  FeatureProfile,
  EvaluationMetrics,
  ConfusionMatrix,
  Curves,
  Prediction,
  Confidence,
  Factor,
} from './types';
export { ALGORITHMS, IMPUTATIONS, SCALINGS } from './types';
export { validateTrainingConfig, HYPERPARAMETERS, DEFAULT_MIN_POSITIVES } from './config';
export { train } from './train';
export type { TrainedModel, TrainResult, ProgressListener } from './train';
export { predict } from './predict';
export type { ModelArtifact } from './predict';
export { evaluate } from './metrics';
export { employeeRangeOrdinal } from './employee-range';
