import type { RollingSentiment } from './feedback-analysis';

export interface AccountVoc {
  /** The tenant the stream belongs to; null before its first event. */
  tenantId: string | null;
  rolling: RollingSentiment | null;
  latestNps: { score: number; at: string } | null;
  /** Times of the negative items still inside the window, oldest first. */
  negativeTimes: string[];
  feedbackCount: number;
}

export const initialAccountVoc = (): AccountVoc => ({
  tenantId: null,
  rolling: null,
  latestNps: null,
  negativeTimes: [],
  feedbackCount: 0,
});
