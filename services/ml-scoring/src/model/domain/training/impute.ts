import type { Imputation } from './types';

/**
 * The value a missing numeric takes, learned from the training rows only (NaN marks missing).
 * 'auto' is the median (robust to the heavy tails of usage counts) plus a missing-indicator column,
 * added by the preprocessor, so "never measured" stays distinguishable from "typical".
 */
export function fitImputation(values: readonly number[], strategy: Imputation, constant = 0): number {
  const present = values.filter((v) => !Number.isNaN(v));
  if (strategy === 'zero') return 0;
  if (strategy === 'constant') return constant;
  if (present.length === 0) return 0;
  switch (strategy) {
    case 'auto':
    case 'median':
      return quantile(present, 0.5);
    case 'mean':
      return present.reduce((a, b) => a + b, 0) / present.length;
    case 'mode':
      return mode(present);
    default: {
      const unreachable: never = strategy;
      throw new Error(`unknown imputation ${String(unreachable)}`);
    }
  }
}

/** Linear-interpolated quantile (numpy's default), q in [0, 1]. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (b - a) * (pos - lo);
}

/** Most frequent value; ties go to the smallest, so the answer never depends on row order. */
function mode(values: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = Number.POSITIVE_INFINITY;
  let bestCount = 0;
  for (const [v, n] of counts) if (n > bestCount || (n === bestCount && v < best)) [best, bestCount] = [v, n];
  return best;
}
