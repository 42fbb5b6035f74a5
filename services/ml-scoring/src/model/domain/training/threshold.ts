import { confusionAt, precisionRecallF1 } from './metrics';
import type { ThresholdRule } from './types';

/**
 * The decision threshold, chosen on out-of-fold predictions (never on the held-out set, which would
 * flatter its own F1). best_f1: the candidate score with the highest F1, ties to the higher threshold
 * (fewer alerts for the same F1). target_precision: the lowest threshold whose precision reaches the
 * target (most recall at that precision); when none does, the one with the highest precision.
 */
export function selectThreshold(
  labels: readonly (0 | 1)[],
  probabilities: ArrayLike<number>,
  rule: ThresholdRule,
): number {
  switch (rule.rule) {
    case 'fixed':
      return rule.value;
    case 'best_f1':
    case 'target_precision': {
      const candidates = [...new Set(Array.from(probabilities))].sort((a, b) => b - a);
      let best = 0.5;
      let bestScore = Number.NEGATIVE_INFINITY;
      let reached: number | null = null;
      for (const t of candidates) {
        const m = precisionRecallF1(confusionAt(labels, probabilities, t));
        if (rule.rule === 'best_f1') {
          if (m.f1 > bestScore) [best, bestScore] = [t, m.f1];
        } else {
          if (m.precision >= rule.precision) reached = t;
          if (m.precision > bestScore) [best, bestScore] = [t, m.precision];
        }
      }
      return rule.rule === 'target_precision' && reached !== null ? reached : best;
    }
    default: {
      const unreachable: never = rule;
      throw new Error(`unknown threshold rule ${JSON.stringify(unreachable)}`);
    }
  }
}
