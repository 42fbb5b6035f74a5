import { defineProjection, ProjectionEvent } from '@foresight/projections';
import type { Emotion } from '../domain/emotions';
import type { FeedbackAnalysed, FeedbackChannel } from '../domain/account-voc.events';
import type { NpsCategory } from '../domain/nps';
import type { SentimentLabel } from '../domain/sentiment';

export interface AnalysedFeedbackDoc {
  feedbackId: string;
  accountId: string;
  channel: FeedbackChannel;
  text: string;
  score: number | null;
  at: string;
  sentiment: number;
  sentimentLabel: SentimentLabel;
  emotions: Emotion[];
  npsScore: number | null;
  npsCategory: NpsCategory | null;
  negative: boolean;
  analysedAt: string;
}

type E = ProjectionEvent<FeedbackAnalysed['type'], FeedbackAnalysed['data']>;

/** One document per analysed feedback item: the feedback list and the NPS of a period read it. */
export const analysedFeedbackProjection = defineProjection<AnalysedFeedbackDoc, E>({
  name: 'voc-analysed-feedback',
  version: 1,
  collectionBase: 'voc_analysed_feedback',
  handles: ['FeedbackAnalysed'],
  // Tenant in the id: a feedback id reused by another tenant must never land on this document.
  id: (event) => `${event.tenantId}:${event.data.feedbackId}`,
  evolve(_doc, event) {
    const d = event.data;
    return {
      feedbackId: d.feedbackId,
      accountId: d.accountId,
      channel: d.channel,
      text: d.text,
      score: d.score,
      at: d.at,
      sentiment: d.sentiment.score,
      sentimentLabel: d.sentiment.label,
      emotions: d.sentiment.emotions,
      npsScore: d.nps?.score ?? null,
      npsCategory: d.nps?.category ?? null,
      negative: d.negative,
      analysedAt: d.analysedAt,
    };
  },
  indexes: [
    { fields: { tenantId: 1, accountId: 1, at: -1 }, why: "an account's feedback, newest first" },
    { fields: { tenantId: 1, at: -1 }, why: "the tenant's feedback, newest first" },
    { fields: { tenantId: 1, npsCategory: 1, at: 1 }, why: 'NPS answers of a period, counted per category' },
  ],
});
