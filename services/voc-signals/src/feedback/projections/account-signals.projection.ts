import { defineProjection, ProjectionEvent } from '@foresight/projections';
import type { FeedbackAnalysed } from '../domain/account-voc.events';

export interface SignalChange {
  feedbackId: string;
  at: string;
  sentiment: number;
  rollingSentiment: number;
  latestNps: number | null;
  negativeCount: number;
}

export interface AccountSignalsDoc {
  accountId: string;
  rollingSentiment: number;
  latestNps: number | null;
  latestNpsAt: string | null;
  negativeCount: number;
  feedbackCount: number;
  updatedAt: string;
  /** The latest changes, newest first, at most HISTORY_LIMIT. */
  history: SignalChange[];
}

/** Enough to show a trend on an account page; the full history is the stream. */
export const HISTORY_LIMIT = 20;

type E = ProjectionEvent<FeedbackAnalysed['type'], FeedbackAnalysed['data']>;

export const accountSignalsProjection = defineProjection<AccountSignalsDoc, E>({
  name: 'voc-account-signals',
  version: 1,
  collectionBase: 'voc_account_signals',
  handles: ['FeedbackAnalysed'],
  id: (event) => `${event.tenantId}:${event.data.accountId}`,
  evolve(doc, event) {
    const { accountId, feedbackId, at, sentiment, signal, analysedAt } = event.data;
    const change: SignalChange = {
      feedbackId,
      at,
      sentiment: sentiment.score,
      rollingSentiment: signal.rollingSentiment.value,
      latestNps: signal.latestNps?.score ?? null,
      negativeCount: signal.negativeCount,
    };
    return {
      accountId,
      rollingSentiment: signal.rollingSentiment.value,
      latestNps: signal.latestNps?.score ?? null,
      latestNpsAt: signal.latestNps?.at ?? null,
      negativeCount: signal.negativeCount,
      feedbackCount: signal.feedbackCount,
      updatedAt: analysedAt,
      history: [change, ...(doc?.history ?? [])].slice(0, HISTORY_LIMIT),
    };
  },
});
