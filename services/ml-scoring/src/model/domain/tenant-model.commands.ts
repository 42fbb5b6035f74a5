import type { Command } from '@foresight/domain';
import type { Outcome } from './point-in-time';
import type { Segment, TenantModelTrained, TrainingFailed } from './tenant-model.events';
import type { TrainingConfig } from './training';

export type StartTraining = Command<
  'StartTraining',
  {
    modelId: string;
    outcome: Outcome;
    segment: Segment;
    config: TrainingConfig;
    horizonDays: number;
    lookbackDays: number;
    by: string;
    at: string;
  }
>;
export type RecordTrainingProgress = Command<
  'RecordTrainingProgress',
  { modelId: string; step: string; fraction: number; detail: string | null; at: string }
>;
export type CompleteTraining = Command<'CompleteTraining', { trained: TenantModelTrained['data'] }>;
export type FailTraining = Command<'FailTraining', TrainingFailed['data']>;
export type ShadowModel = Command<'ShadowModel', { modelId: string; by: string; at: string }>;
export type PromoteModel = Command<'PromoteModel', { modelId: string; by: string; at: string }>;
export type RetireModel = Command<'RetireModel', { modelId: string; by: string; at: string }>;

export type TenantModelCommand =
  | StartTraining
  | RecordTrainingProgress
  | CompleteTraining
  | FailTraining
  | ShadowModel
  | PromoteModel
  | RetireModel;
