import type { AccountFeatures, AccountVocSignals } from '@foresight/contracts';
import type { Command } from '@foresight/domain';
import type { LinearScorer } from '../../model/domain/churn-model';
import type { ScoreCause } from './account-score.events';

export type ScoringInput =
  | { kind: 'features'; features: AccountFeatures }
  | { kind: 'voc'; voc: AccountVocSignals; sourceRevision: number | null; at: string };

export type ScoreAccount = Command<
  'ScoreAccount',
  {
    tenantId: string;
    accountId: string;
    input: ScoringInput;
    cause: ScoreCause;
    model: { version: string; scorer: LinearScorer };
    /** A score is published again only when its probability moved by more than this. */
    minChange: number;
    at: string;
  }
>;

export type AccountScoreCommand = ScoreAccount;
