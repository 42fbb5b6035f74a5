import type { Event } from '@foresight/domain';
import type { LinearScorer, ModelMetrics } from './churn-model';

export type ModelOutcome = 'CHURN' | 'CONVERSION' | 'EXPANSION';

/** Where a model's training rows came from, enough to train it again bit for bit. */
export interface TrainingSetDescription {
  source: 'demo';
  seed: number;
  accounts: number;
  weeks: number;
  asOf: string;
  lookbackDays: number;
  rows: number;
  positives: number;
}

/** The artifact is the learned parameters themselves: a few hundred numbers fit in the event. */
export type ModelArtifact = LinearScorer;

export type ModelTrained = Event<
  'ModelTrained',
  {
    modelId: string;
    version: string;
    outcome: ModelOutcome;
    algorithm: 'logistic_regression';
    trainedAt: string;
    /** Wall-clock training time, for capacity planning; not part of what the model computes. */
    trainingMs: number;
    trainingSet: TrainingSetDescription;
    artifact: ModelArtifact;
    metrics: ModelMetrics;
  }
>;

export type ModelPromoted = Event<
  'ModelPromoted',
  { modelId: string; version: string; previousVersion: string | null; promotedAt: string }
>;

/** A promoted version stops being served because another one was promoted in its place. */
export type ModelRetired = Event<
  'ModelRetired',
  { modelId: string; version: string; replacedBy: string; retiredAt: string }
>;

export type ModelEvent = ModelTrained | ModelRetired | ModelPromoted;

export const MODEL_EVENT_TYPES = [
  'ModelTrained',
  'ModelRetired',
  'ModelPromoted',
] as const satisfies readonly ModelEvent['type'][];
