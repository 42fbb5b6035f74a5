import type { TrainingSample } from './types';

export interface Deduped {
  samples: TrainingSample[];
  duplicateIds: number;
  /** Duplicates whose label differs from the kept row: a sign the label source disagrees with itself. */
  conflictingLabels: number;
}

/**
 * One row per id, the first kept (the order the set was given in), then sorted by id so that the
 * same set in any order trains the same model. A repeated subject would otherwise count twice and
 * could land on both sides of a split, which inflates every held-out metric.
 */
export function dedupe(samples: readonly TrainingSample[]): Deduped {
  const kept = new Map<string, TrainingSample>();
  let duplicateIds = 0;
  let conflictingLabels = 0;
  for (const s of samples) {
    const first = kept.get(s.id);
    if (!first) {
      kept.set(s.id, s);
      continue;
    }
    duplicateIds++;
    if (first.label !== s.label) conflictingLabels++;
  }
  const out = [...kept.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { samples: out, duplicateIds, conflictingLabels };
}
