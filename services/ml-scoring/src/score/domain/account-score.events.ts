import type { AccountFeatures, AccountVocSignals } from '@foresight/contracts';
import type { Event } from '@foresight/domain';
import type { EventPosition } from '../../history/domain/account-history';
import type { Confidence, Contributor } from '../../model/domain/churn-model';
import type { Outcome } from '../../model/domain/point-in-time';

/** The integration event that moved the account's inputs: the lineage of a score. */
export interface ScoreCause {
  type: 'AccountFeaturesChanged' | 'AccountSignalChanged';
  eventId: string;
}

export type FeaturesObserved = Event<
  'FeaturesObserved',
  { tenantId: string; accountId: string; features: AccountFeatures; cause: ScoreCause }
>;

export type VocSignalObserved = Event<
  'VocSignalObserved',
  {
    tenantId: string;
    accountId: string;
    voc: AccountVocSignals;
    /** Revision of the signal in voc-signals' account stream; orders signals that arrive late. */
    sourceRevision: number | null;
    at: string;
    cause: ScoreCause;
  }
>;

export type AccountScored = Event<
  'AccountScored',
  {
    tenantId: string;
    accountId: string;
    outcome: Outcome;
    probability: number;
    /** The last published probability; null for the account's first score. */
    previousProbability: number | null;
    prediction: 0 | 1;
    confidence: Confidence;
    modelVersion: string;
    topContributors: Contributor[];
    cause: ScoreCause;
    scoredAt: string;
    /** Lineage; absent on scores recorded before tenant models existed (all baseline CHURN scores). */
    modelId?: string;
    segment?: string;
    featureHash?: string;
    inputs?: EventPosition[];
    fallback?: boolean;
    fallbackReason?: string;
  }
>;

/** A shadow model's score beside the served model's on the same inputs: the raw material of comparisons. */
export type ShadowScored = Event<
  'ShadowScored',
  {
    tenantId: string;
    accountId: string;
    outcome: Outcome;
    modelId: string;
    version: string;
    probability: number;
    prediction: 0 | 1;
    featureHash: string;
    /** What the served model said on the same inputs; null when no model serves the outcome. */
    served: { modelId: string; version: string; probability: number; prediction: 0 | 1 } | null;
    cause: ScoreCause;
    scoredAt: string;
  }
>;

export type AccountScoreEvent = FeaturesObserved | VocSignalObserved | AccountScored | ShadowScored;

export const ACCOUNT_SCORE_EVENT_TYPES = [
  'FeaturesObserved',
  'VocSignalObserved',
  'AccountScored',
  'ShadowScored',
] as const satisfies readonly AccountScoreEvent['type'][];
