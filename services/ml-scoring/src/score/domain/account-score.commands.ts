import type { AccountFeatures, AccountVocSignals } from '@foresight/contracts';
import type { Command } from '@foresight/domain';
import type { LinearScorer } from '../../model/domain/churn-model';
import type { FeatureInputs, Outcome } from '../../model/domain/point-in-time';
import type { ModelArtifact } from '../../model/domain/training';
import type { ScoreCause } from './account-score.events';

/**
 * The models an account is scored with, one per outcome: the tenant's promoted model (with the
 * features its history gives as of now), or — for CHURN only — the platform baseline as a named
 * fallback.
 */
export type ScoringModel =
  | {
      kind: 'baseline';
      outcome: 'CHURN';
      modelId: string;
      version: string;
      scorer: LinearScorer;
      fallbackReason: string;
    }
  | {
      kind: 'tenant';
      outcome: Outcome;
      modelId: string;
      version: string;
      segment: string;
      artifact: ModelArtifact;
      inputs: FeatureInputs;
    };

export type ScoringInput =
  | { kind: 'features'; features: AccountFeatures }
  | { kind: 'voc'; voc: AccountVocSignals; sourceRevision: number | null; at: string };

export type TenantScoringModel = Extract<ScoringModel, { kind: 'tenant' }>;

export type ScoreAccount = Command<
  'ScoreAccount',
  {
    tenantId: string;
    accountId: string;
    input: ScoringInput;
    cause: ScoreCause;
    models: readonly ScoringModel[];
    /** Candidates scored beside the served models and compared with them; never published. */
    shadows?: readonly TenantScoringModel[];
    /** A score is published again only when its probability moved by more than this. */
    minChange: number;
    at: string;
  }
>;

export type AccountScoreCommand = ScoreAccount;
