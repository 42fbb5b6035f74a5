import { rocAuc } from './metrics';
import type { Matrix } from './preprocess';
import { prng, shuffleInPlace } from './prng';

/**
 * Permutation importance on the held-out rows: shuffle one input feature (all the columns it feeds,
 * together, so a one-hot group moves as one) across rows and measure how much ROC-AUC drops, averaged
 * over `repeats` seeded shuffles. Model-agnostic, measured on data the model never saw, and in the
 * unit a reader already knows; a feature the model ignores scores ≈ 0, a harmful one below 0.
 */
export function permutationImportance(
  probabilities: (x: Matrix) => ArrayLike<number>,
  x: Matrix,
  labels: readonly (0 | 1)[],
  groups: readonly { feature: string; columns: readonly number[] }[],
  seed: number,
  repeats = 5,
): { feature: string; importance: number }[] {
  const baseline = rocAuc(labels, probabilities(x));
  const rng = prng(seed);
  const copy: Matrix = { data: new Float64Array(x.data.length), rows: x.rows, cols: x.cols };
  const order = new Uint32Array(x.rows);
  const out = groups.map(({ feature, columns }) => {
    let drop = 0;
    for (let r = 0; r < repeats; r++) {
      copy.data.set(x.data);
      for (let i = 0; i < x.rows; i++) order[i] = i;
      shuffleInPlace(order, rng);
      for (let i = 0; i < x.rows; i++) {
        const from = (order[i] as number) * x.cols;
        for (const j of columns) copy.data[i * x.cols + j] = x.data[from + j] as number;
      }
      drop += baseline - rocAuc(labels, probabilities(copy));
    }
    return { feature, importance: drop / repeats };
  });
  return out.sort((a, b) => b.importance - a.importance || (a.feature < b.feature ? -1 : 1));
}
