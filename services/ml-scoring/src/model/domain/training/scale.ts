import { quantile } from './impute';
import type { Scaling } from './types';

export interface ScaleParams {
  center: number;
  scale: number;
}

/**
 * (x − center) / scale, fitted on training rows: standard (mean, population sd), minmax (min, range),
 * robust (median, IQR — usage counts have tails that would squash everyone else under standard), none.
 * A constant column gets scale 1 rather than a division by zero.
 */
export function fitScaler(values: readonly number[], method: Scaling): ScaleParams {
  const n = values.length;
  if (n === 0 || method === 'none') return { center: 0, scale: 1 };
  const safe = (s: number) => (s > 1e-12 && Number.isFinite(s) ? s : 1);
  switch (method) {
    case 'standard': {
      const mean = values.reduce((a, b) => a + b, 0) / n;
      const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / n;
      return { center: mean, scale: safe(Math.sqrt(variance)) };
    }
    case 'minmax': {
      let min = Number.POSITIVE_INFINITY;
      let max = Number.NEGATIVE_INFINITY;
      for (const v of values) {
        if (v < min) min = v;
        if (v > max) max = v;
      }
      return { center: min, scale: safe(max - min) };
    }
    case 'robust':
      return { center: quantile(values, 0.5), scale: safe(quantile(values, 0.75) - quantile(values, 0.25)) };
    default: {
      const unreachable: never = method;
      throw new Error(`unknown scaling ${String(unreachable)}`);
    }
  }
}
