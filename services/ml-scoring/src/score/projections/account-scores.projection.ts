import { defineProjection, ProjectionEvent } from '@foresight/projections';
import type { Confidence, Contributor } from '../../model/domain/churn-model';
import type { AccountScored, ScoreCause } from '../domain/account-score.events';

export interface ScoreEntry {
  probability: number;
  prediction: 0 | 1;
  confidence: Confidence;
  modelVersion: string;
  topContributors: Contributor[];
  cause: ScoreCause;
  scoredAt: string;
}

export interface AccountScoresDoc {
  accountId: string;
  outcome: 'CHURN';
  latest: ScoreEntry;
  /** Published scores, newest first, at most HISTORY_LIMIT (the stream holds them all). */
  history: Omit<ScoreEntry, 'topContributors'>[];
  scoredCount: number;
}

export const HISTORY_LIMIT = 50;

type E = ProjectionEvent<AccountScored['type'], AccountScored['data']>;

export const accountScoresProjection = defineProjection<AccountScoresDoc, E>({
  name: 'ml-account-scores',
  version: 1,
  collectionBase: 'ml_account_scores',
  handles: ['AccountScored'],
  // Tenant in the id: an account id reused by another tenant must never land on this document.
  id: (event) => `${event.tenantId}:${event.data.accountId}`,
  evolve(doc, event) {
    const {
      accountId,
      outcome,
      probability,
      prediction,
      confidence,
      modelVersion,
      topContributors,
      cause,
      scoredAt,
    } = event.data;
    // The document is the account's CHURN score (GET /v1/scores); other outcomes reach their readers as events.
    if (outcome !== 'CHURN') return doc;
    const latest: ScoreEntry = {
      probability,
      prediction,
      confidence,
      modelVersion,
      topContributors,
      cause,
      scoredAt,
    };
    const { topContributors: _omitted, ...entry } = latest;
    return {
      accountId,
      outcome,
      latest,
      history: [entry, ...(doc?.history ?? [])].slice(0, HISTORY_LIMIT),
      scoredCount: (doc?.scoredCount ?? 0) + 1,
    };
  },
});
