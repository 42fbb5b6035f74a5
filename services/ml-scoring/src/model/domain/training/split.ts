import { prng, shuffleInPlace } from './prng';

/**
 * Stratified held-out split: each class shuffled with the seed and `fraction` of it (rounded) held
 * out, so a 5 % positive class keeps its rate on both sides. Indices come back sorted.
 */
export function stratifiedHoldout(
  labels: readonly (0 | 1)[],
  fraction: number,
  seed: number,
): { train: number[]; test: number[] } {
  const rng = prng(seed);
  const train: number[] = [];
  const test: number[] = [];
  for (const cls of [0, 1] as const) {
    const members = labels.flatMap((y, i) => (y === cls ? [i] : []));
    shuffleInPlace(members, rng);
    const cut = Math.round(members.length * fraction);
    test.push(...members.slice(0, cut));
    train.push(...members.slice(cut));
  }
  return { train: train.sort((a, b) => a - b), test: test.sort((a, b) => a - b) };
}

/**
 * Stratified k-fold: each class shuffled with the seed and dealt round-robin into k folds, so fold
 * sizes differ by at most one per class. Returns each fold's validation indices (sorted).
 */
export function stratifiedKFold(labels: readonly (0 | 1)[], k: number, seed: number): number[][] {
  const rng = prng(seed);
  const folds: number[][] = Array.from({ length: k }, () => []);
  let next = 0;
  for (const cls of [0, 1] as const) {
    const members = labels.flatMap((y, i) => (y === cls ? [i] : []));
    shuffleInPlace(members, rng);
    for (const i of members) {
      (folds[next % k] as number[]).push(i);
      next++;
    }
  }
  return folds.map((f) => f.sort((a, b) => a - b));
}
