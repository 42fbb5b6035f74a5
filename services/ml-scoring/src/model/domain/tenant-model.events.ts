import type { Event } from '@foresight/domain';
import type { Outcome, TrainingSetDescription } from './point-in-time';
import type {
  Algorithm,
  Curves,
  DataProfile,
  EvaluationMetrics,
  ModelArtifact as TrainedArtifact,
  TrainedModel,
  TrainingConfig,
} from './training';

/** Accounts a model is trained on and serves; `all` until behavioural segments exist. */
export type Segment = string;
export const GLOBAL_SEGMENT = 'all';

export type TrainingStarted = Event<
  'TrainingStarted',
  {
    modelId: string;
    outcome: Outcome;
    segment: Segment;
    config: TrainingConfig;
    horizonDays: number;
    lookbackDays: number;
    requestedBy: string;
    startedAt: string;
  }
>;

/** A step of a run (building the set, fitting folds, …); observers follow the run on its stream. */
export type TrainingProgressed = Event<
  'TrainingProgressed',
  { modelId: string; step: string; fraction: number; detail: string | null; at: string }
>;

/** The learned parameters, in their own stream so the lifecycle stream stays small to fold. */
export type ModelArtifactStored = Event<
  'ModelArtifactStored',
  { modelId: string; fingerprint: string; artifact: TrainedArtifact }
>;

export type TenantModelTrained = Event<
  'TenantModelTrained',
  {
    modelId: string;
    /** The data-and-config fingerprint: the same set, config and seed give the same version. */
    version: string;
    outcome: Outcome;
    segment: Segment;
    algorithm: Algorithm;
    trainedAt: string;
    /** Wall-clock training time, for capacity planning; not part of what the model computes. */
    trainingMs: number;
    trainingSet: TrainingSetDescription;
    config: TrainingConfig;
    featureList: string[];
    threshold: number;
    metrics: TrainedModel['metrics'];
    split: TrainedModel['split'];
    curves: Curves;
    profile: DataProfile;
    importance: { feature: string; importance: number }[];
    fingerprint: string;
    /** Where the artifact is: stream of its ModelArtifactStored. */
    artifactStream: string;
  }
>;

export type TrainingFailed = Event<
  'TrainingFailed',
  {
    modelId: string;
    reason: string;
    trainingSet: TrainingSetDescription | null;
    profile: DataProfile | null;
    failedAt: string;
  }
>;

/** Scored beside the promoted model, never published. */
export type ModelShadowed = Event<'ModelShadowed', { modelId: string; by: string; at: string }>;

export type TenantModelPromoted = Event<
  'TenantModelPromoted',
  { modelId: string; version: string; previousModelId: string | null; by: string; promotedAt: string }
>;

/** Out of service for good: retired by hand, or replaced when another model was promoted. */
export type TenantModelRetired = Event<
  'TenantModelRetired',
  { modelId: string; replacedBy: string | null; by: string; retiredAt: string }
>;

export type TenantModelEvent =
  | TrainingStarted
  | TrainingProgressed
  | TenantModelTrained
  | TrainingFailed
  | ModelShadowed
  | TenantModelPromoted
  | TenantModelRetired;

export const TENANT_MODEL_EVENT_TYPES = [
  'TrainingStarted',
  'TrainingProgressed',
  'TenantModelTrained',
  'TrainingFailed',
  'ModelShadowed',
  'TenantModelPromoted',
  'TenantModelRetired',
] as const satisfies readonly TenantModelEvent['type'][];

export type { EvaluationMetrics };
