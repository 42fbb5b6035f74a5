import type { Command } from '@foresight/domain';
import type { FeedbackChannel } from './account-voc.events';

export type AnalyseFeedback = Command<
  'AnalyseFeedback',
  {
    tenantId: string;
    accountId: string;
    feedbackId: string;
    channel: FeedbackChannel;
    score: number | null;
    text: string;
    /** UTC ISO-8601, normalised so that string order is time order in the read models. */
    at: string;
    analysedAt: string;
  }
>;

export type AccountVocCommand = AnalyseFeedback;
