import { assertNever, Decider } from '@foresight/domain';
import type { AccountVocCommand } from './account-voc.commands';
import { accountOfAnotherTenant } from './account-voc.errors';
import type { AccountVocEvent, FeedbackAnalysed } from './account-voc.events';
import { AccountVoc, initialAccountVoc } from './account-voc.state';
import { analyseFeedback, rollSentiment } from './feedback-analysis';

/** "Negative volume" counts a quarter: long enough to see a pattern, short enough to forget a fixed one. */
export const NEGATIVE_WINDOW_DAYS = 90;
const DAY_MS = 86_400_000;

/** The negative items still counted once `latest` is the account's newest feedback time. */
function negativesWithin(times: readonly string[], latest: string): string[] {
  const from = Date.parse(latest) - NEGATIVE_WINDOW_DAYS * DAY_MS;
  return times.filter((t) => Date.parse(t) > from).sort();
}

function latestOf(state: AccountVoc, at: string): string {
  const previous = state.rolling?.at;
  return previous && previous > at ? previous : at;
}

export function decide(command: AccountVocCommand, state: AccountVoc): AccountVocEvent[] {
  switch (command.type) {
    case 'AnalyseFeedback': {
      const { tenantId, accountId, feedbackId, channel, score, text, at, analysedAt } = command.data;
      if (state.tenantId !== null && state.tenantId !== tenantId) throw accountOfAnotherTenant(accountId);
      // Only the nps channel asks the 0–10 question; a survey's score is a 1–5 CSAT, not an NPS answer.
      const analysis = analyseFeedback({ text, npsScore: channel === 'nps' ? score : null });
      const { nps, negative, sentiment } = analysis;
      // A late answer (older than the one we hold) does not replace the account's latest NPS.
      const latestNps =
        nps && (!state.latestNps || at >= state.latestNps.at) ? { score: nps.score, at } : state.latestNps;
      const negativeTimes = negativesWithin(
        negative ? [...state.negativeTimes, at] : state.negativeTimes,
        latestOf(state, at),
      );
      const event: FeedbackAnalysed = {
        type: 'FeedbackAnalysed',
        data: {
          tenantId,
          accountId,
          feedbackId,
          channel,
          score,
          text,
          at,
          analysedAt,
          sentiment: {
            score: sentiment.score,
            label: sentiment.label,
            emotions: sentiment.emotions,
            contributions: sentiment.contributions,
          },
          nps,
          negative,
          signal: {
            rollingSentiment: rollSentiment(state.rolling, { score: sentiment.score, at }),
            latestNps,
            negativeCount: negativeTimes.length,
            feedbackCount: state.feedbackCount + 1,
          },
        },
      };
      return [event];
    }
    default:
      return assertNever(command.type, 'account voc command');
  }
}

export function evolve(state: AccountVoc, event: AccountVocEvent): AccountVoc {
  switch (event.type) {
    case 'FeedbackAnalysed': {
      const { tenantId, at, negative, signal } = event.data;
      return {
        tenantId,
        rolling: signal.rollingSentiment,
        latestNps: signal.latestNps,
        negativeTimes: negativesWithin(
          negative ? [...state.negativeTimes, at] : state.negativeTimes,
          latestOf(state, at),
        ),
        feedbackCount: signal.feedbackCount,
      };
    }
    default:
      return assertNever(event.type, 'account voc event');
  }
}

/**
 * Per-account voice of customer (`voc-<accountId>`): each feedback item is analysed once and moves
 * the account's rolling sentiment, latest NPS and negative volume.
 */
export const accountVocDecider: Decider<AccountVoc, AccountVocCommand, AccountVocEvent> = {
  initialState: initialAccountVoc,
  decide,
  evolve,
};

export const accountVocStream = (accountId: string): string => `voc-${accountId}`;
