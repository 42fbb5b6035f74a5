import { NpsCategory, npsCategory } from './nps';
import { scoreSentiment, SentimentResult } from './sentiment';

export interface FeedbackInput {
  text: string;
  /** The 0–10 answer when the feedback is an NPS response. */
  npsScore?: number | null;
}

export interface FeedbackAnalysis {
  sentiment: SentimentResult;
  nps: { score: number; category: NpsCategory } | null;
  /**
   * Counts towards the account's negative volume: negative text, or a detractor score whose comment
   * is not positive (a "3, no comment" is still a complaint).
   */
  negative: boolean;
}

export function analyseFeedback(input: FeedbackInput): FeedbackAnalysis {
  const sentiment = scoreSentiment(input.text);
  const nps =
    input.npsScore === undefined || input.npsScore === null
      ? null
      : { score: input.npsScore, category: npsCategory(input.npsScore) };
  const negative =
    sentiment.label === 'negative' || (nps?.category === 'detractor' && sentiment.label !== 'positive');
  return { sentiment, nps, negative };
}

export interface RollingSentiment {
  value: number;
  /** Decayed count of contributions; how much the value has to lean on. */
  weight: number;
  /** ISO-8601 of the latest contribution. */
  at: string;
}

const DAY_MS = 86_400_000;

/**
 * Recency-weighted average sentiment: each day older halves a contribution's weight every
 * `halfLifeDays` (30 by default), so last week's complaint outweighs last quarter's praise.
 * Feedback older than the current value (late arrivals) is decayed to that value's time.
 */
export function rollSentiment(
  previous: RollingSentiment | null,
  next: { score: number; at: string },
  halfLifeDays = 30,
): RollingSentiment {
  if (!previous) return { value: next.score, weight: 1, at: next.at };
  const prevMs = Date.parse(previous.at);
  const nextMs = Date.parse(next.at);
  const decay = (ms: number) => 0.5 ** (Math.max(0, ms) / DAY_MS / halfLifeDays);
  if (nextMs >= prevMs) {
    const kept = previous.weight * decay(nextMs - prevMs);
    const weight = kept + 1;
    return { value: (previous.value * kept + next.score) / weight, weight, at: next.at };
  }
  const late = decay(prevMs - nextMs);
  const weight = previous.weight + late;
  return { value: (previous.value * previous.weight + next.score * late) / weight, weight, at: previous.at };
}
