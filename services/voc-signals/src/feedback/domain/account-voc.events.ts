import type { Event } from '@foresight/domain';
import type { Emotion } from './emotions';
import type { RollingSentiment } from './feedback-analysis';
import type { NpsCategory } from './nps';
import type { SentimentLabel } from './sentiment';

export type FeedbackChannel = 'nps' | 'survey' | 'ticket' | 'chat' | 'review';

/** The account's voice-of-customer signal after a feedback item: what ml-scoring reads as features. */
export interface AccountVocSignal {
  rollingSentiment: RollingSentiment;
  latestNps: { score: number; at: string } | null;
  /** Negative items dated within NEGATIVE_WINDOW_DAYS of the account's latest feedback. */
  negativeCount: number;
  feedbackCount: number;
}

/**
 * One feedback item analysed, with the account signal it produced. The signal is carried in the
 * event rather than recomputed by readers, so the relay and the read models publish exactly what
 * the decider decided.
 */
export type FeedbackAnalysed = Event<
  'FeedbackAnalysed',
  {
    tenantId: string;
    accountId: string;
    feedbackId: string;
    channel: FeedbackChannel;
    /** As received: NPS 0–10 on the nps channel, CSAT 1–5 on surveys, null for free text. */
    score: number | null;
    text: string;
    /** When the customer gave the feedback (UTC ISO-8601). */
    at: string;
    analysedAt: string;
    sentiment: {
      score: number;
      label: SentimentLabel;
      emotions: Emotion[];
      contributions: { term: string; valence: number }[];
    };
    nps: { score: number; category: NpsCategory } | null;
    negative: boolean;
    signal: AccountVocSignal;
  }
>;

export type AccountVocEvent = FeedbackAnalysed;

export const ACCOUNT_VOC_EVENT_TYPES = [
  'FeedbackAnalysed',
] as const satisfies readonly AccountVocEvent['type'][];
