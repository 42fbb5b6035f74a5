import type { Matrix } from './preprocess';
import { prng } from './prng';
import type { TrainingSample } from './types';

/**
 * A seeded synthetic set for specs: the label depends on `signal` (and a bit on `industry`), `noise`
 * carries nothing. Positives are 20 % of rows.
 */
export function syntheticSamples(rows: number, seed = 1): TrainingSample[] {
  const rng = prng(seed);
  const industries = ['RETAIL', 'BANKING', 'MINING', 'SOFTWARE'];
  return Array.from({ length: rows }, (_, i) => {
    const label: 0 | 1 = rng.next() < 0.2 ? 1 : 0;
    const signal = label * 1.5 + (rng.next() + rng.next() + rng.next() - 1.5) * 1.5;
    const industry = industries[rng.below(4)] as string;
    return {
      id: `s${String(i).padStart(5, '0')}`,
      label,
      features: {
        signal: rng.next() < 0.05 ? null : signal,
        noise: rng.next(),
        industry: rng.next() < 0.1 ? null : industry,
        employee_range: ['1', '2 to 5', '51 to 200', '10,001 or more'][rng.below(4)] as string,
      },
    };
  });
}

/** x ∈ [0, 1) in one column; y = 1 exactly when x ≥ 0.5: any tree separates it with one split. */
export function separable(rows: number, seed = 1): { x: Matrix; y: (0 | 1)[] } {
  const rng = prng(seed);
  const data = Float64Array.from({ length: rows }, () => rng.next());
  return { x: { data, rows, cols: 1 }, y: Array.from(data, (v) => (v >= 0.5 ? 1 : 0)) };
}
