import { AccountSignalChanged, AccountSignalChangedPayload, Topics } from '@foresight/contracts';
import type { RecordedEvent } from '@foresight/eventstore';
import type { Route } from '@foresight/messaging';
import type { AccountVocEvent } from '../domain/account-voc.events';

const clamp = (v: number) => Math.max(-1, Math.min(1, v));

/**
 * Every analysed feedback item moves the account's signal, so each one leaves as an
 * AccountSignalChanged keyed by account; the text, emotions and contributions stay inside voc-signals.
 */
export function accountSignalChangedRoute(event: RecordedEvent): Route | undefined {
  const e = { type: event.type, data: event.data } as AccountVocEvent;
  if (e.type !== 'FeedbackAnalysed') return undefined;
  const { accountId, feedbackId, sentiment, signal, at } = e.data;
  const payload: AccountSignalChangedPayload = {
    accountId,
    rollingSentiment: clamp(signal.rollingSentiment.value),
    latestNps: signal.latestNps?.score ?? null,
    negativeCount: signal.negativeCount,
    feedbackId,
    sentiment: clamp(sentiment.score),
    at,
  };
  return { topic: Topics.vocAccountSignals, key: accountId, type: AccountSignalChanged.type, payload };
}
