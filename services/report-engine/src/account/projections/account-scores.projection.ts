import type { AccountScoredPayload } from '@foresight/contracts';
import { defineProjection, ProjectionEvent } from '@foresight/projections';

export interface LatestScore {
  probability: number;
  modelVersion: string;
  scoredAt: string;
  /** Features that pushed the score up most, strongest first. */
  topFactors: string[];
}

/**
 * An account's latest model output per outcome, so a contract or subscription that changes can be
 * judged against the account's churn or expansion score without waiting for the next one. Fed from
 * scoring.account-scores.v1 (keyed by account id: one consumer writes each document).
 */
export interface AccountScoresDoc {
  accountId: string;
  churn: LatestScore | null;
  expansion: LatestScore | null;
}

export type AccountScoreEvent = ProjectionEvent<'AccountScored', AccountScoredPayload>;

export function latestScoreOf(score: AccountScoredPayload): LatestScore {
  return {
    probability: score.probability,
    modelVersion: score.modelVersion,
    scoredAt: score.scoredAt,
    topFactors: [...score.topContributors]
      .filter((c) => c.contribution > 0)
      .sort((a, b) => b.contribution - a.contribution)
      .slice(0, 3)
      .map((c) => c.feature),
  };
}

/** A late, older score never replaces a newer one (scores of one account may be re-sent out of order). */
const newer = (held: LatestScore | null, next: LatestScore) =>
  !held || Date.parse(next.scoredAt) >= Date.parse(held.scoredAt) ? next : held;

export const accountScoresProjection = defineProjection<AccountScoresDoc, AccountScoreEvent>({
  name: 'report-engine-account-scores',
  version: 1,
  collectionBase: 're_account_scores',
  handles: ['AccountScored'],
  id: (e) => e.data.accountId,
  evolve: (current, e) => {
    const doc = current ?? { accountId: e.data.accountId, churn: null, expansion: null };
    const score = latestScoreOf(e.data);
    switch (e.data.outcome) {
      case 'CHURN':
        return { ...doc, churn: newer(doc.churn, score) };
      case 'EXPANSION':
        return { ...doc, expansion: newer(doc.expansion, score) };
      default:
        return current;
    }
  },
});
