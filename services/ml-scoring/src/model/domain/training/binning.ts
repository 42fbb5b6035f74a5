import type { Matrix } from './preprocess';

/**
 * Histogram binning for the tree learners: per column, up to `maxBins` bins cut at quantiles of the
 * training values, each cut placed midway between two adjacent distinct values (as LightGBM and
 * scikit-learn's HistGradientBoosting do). A column with few distinct values gets one bin per value,
 * so binning loses nothing there. Bin b holds x ≤ cuts[b]; the last bin holds everything above.
 */
export interface Bins {
  /** Per column, ascending cut points; bins = cuts.length + 1. */
  cuts: number[][];
  /** Column-major bin codes (codes[j·n + i]): a histogram pass over one column reads memory in order. */
  codes: Uint8Array;
  /** Row-major copy (rowCodes[i·cols + j]): one pass over a node's rows fills every column's histogram. */
  rowCodes: Uint8Array;
  /** Where each column's bins start in a histogram holding all columns; last entry = total bins. */
  offsets: Int32Array;
  rows: number;
}

export function fitCuts(x: Matrix, maxBins: number): number[][] {
  const cuts: number[][] = [];
  const column = new Float64Array(x.rows);
  for (let j = 0; j < x.cols; j++) {
    for (let i = 0; i < x.rows; i++) column[i] = x.data[i * x.cols + j] as number;
    const sorted = column.slice().sort();
    const distinct: number[] = [];
    const counts: number[] = [];
    for (let i = 0; i < sorted.length; i++) {
      const v = sorted[i] as number;
      if (distinct.length > 0 && distinct[distinct.length - 1] === v) counts[counts.length - 1]++;
      else {
        distinct.push(v);
        counts.push(1);
      }
    }
    const c: number[] = [];
    if (distinct.length <= maxBins) {
      for (let k = 0; k + 1 < distinct.length; k++)
        c.push(((distinct[k] as number) + (distinct[k + 1] as number)) / 2);
    } else {
      let seen = 0;
      let nextCut = x.rows / maxBins;
      for (let k = 0; k + 1 < distinct.length; k++) {
        seen += counts[k] as number;
        if (seen >= nextCut) {
          c.push(((distinct[k] as number) + (distinct[k + 1] as number)) / 2);
          while (nextCut <= seen) nextCut += x.rows / maxBins;
          if (c.length === maxBins - 1) break;
        }
      }
    }
    cuts.push(c);
  }
  return cuts;
}

/** Bin code of one value: the first cut it does not exceed (binary search). */
export function binOf(cuts: readonly number[], v: number): number {
  let lo = 0;
  let hi = cuts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (v <= (cuts[mid] as number)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export function binMatrix(x: Matrix, cuts: readonly number[][]): Bins {
  const codes = new Uint8Array(x.rows * x.cols);
  const rowCodes = new Uint8Array(x.rows * x.cols);
  const offsets = new Int32Array(x.cols + 1);
  for (let j = 0; j < x.cols; j++) {
    const c = cuts[j] as number[];
    offsets[j + 1] = (offsets[j] as number) + c.length + 1;
    for (let i = 0; i < x.rows; i++) {
      const code = binOf(c, x.data[i * x.cols + j] as number);
      codes[j * x.rows + i] = code;
      rowCodes[i * x.cols + j] = code;
    }
  }
  return { cuts: cuts as number[][], codes, rowCodes, offsets, rows: x.rows };
}
