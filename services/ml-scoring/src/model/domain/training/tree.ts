import type { Bins } from './binning';
import { Prng } from './prng';

/**
 * One tree as flat arrays (node 0 the root): a leaf has feature −1. `value` is kept for every node,
 * not only leaves, because per-prediction factors (Saabas) are the value changes along a row's path.
 */
export interface TreeArrays {
  feature: number[];
  threshold: number[];
  left: number[];
  right: number[];
  value: number[];
}

/**
 * What a split optimises, through two per-sample statistics (a, b) summed in histograms:
 * gini: a = weight, b = weight·y; gradient boosting: a = gradient, b = hessian.
 */
export interface SplitCriterion {
  /** Improvement of splitting a parent (aP, bP) into left and right; ≤ 0 means do not split. */
  gain(aL: number, bL: number, aR: number, bR: number, aP: number, bP: number): number;
  value(a: number, b: number): number;
  /** A child needs at least this much `b` (GBDT: hessian, guards leaf values against blowing up). */
  minChildB: number;
}

export interface GrowParams {
  maxDepth: number;
  maxLeaves: number;
  minSamplesLeaf: number;
  /** Columns drawn (without replacement) as candidates at each node; ≥ cols means all. */
  featuresPerSplit: number;
  rng: Prng;
}

export interface Grown {
  tree: TreeArrays;
  /** Leaf of each node's segment in `indices`, so the caller can update training predictions without re-walking. */
  leaves: { node: number; start: number; end: number }[];
  indices: Uint32Array;
}

/** Per-bin sums of a, b and row counts over every column (offsets from Bins). */
interface Histogram {
  a: Float64Array;
  b: Float64Array;
  n: Float64Array;
}

interface Candidate {
  node: number;
  start: number;
  end: number;
  depth: number;
  a: number;
  b: number;
  feature: number;
  bin: number;
  gain: number;
  hist: Histogram | null;
}

export const giniCriterion: SplitCriterion = {
  gain: (aL, bL, aR, bR, aP, bP) => {
    const impurity = (w: number, p: number) => (w > 0 ? w - (p * p + (w - p) * (w - p)) / w : 0);
    return impurity(aP, bP) - impurity(aL, bL) - impurity(aR, bR);
  },
  value: (a, b) => (a > 0 ? b / a : 0),
  minChildB: 0,
};

export function newtonCriterion(l2: number, minChildHessian: number): SplitCriterion {
  const score = (g: number, h: number) => (g * g) / (h + l2);
  return {
    gain: (aL, bL, aR, bR, aP, bP) => (score(aL, bL) + score(aR, bR) - score(aP, bP)) / 2,
    value: (a, b) => -a / (b + l2),
    minChildB: minChildHessian,
  };
}

/**
 * Best-first histogram tree growth (LightGBM's leaf-wise order, bounded by maxLeaves and maxDepth):
 * the open node with the largest gain is split next. Each node owns a contiguous segment of
 * `indices`, partitioned in place on a split. When every column is a candidate (boosting), a node
 * keeps its histogram and a split builds only the smaller child's — the larger is parent minus
 * smaller (LightGBM's subtraction trick), which halves the work. With a random column subset per
 * node (forests) each node histograms only its drawn columns. Ties keep the first candidate, so a
 * tree depends only on the data and the rng.
 */
export function growTree(
  bins: Bins,
  indices: Uint32Array,
  a: Float64Array,
  b: Float64Array,
  criterion: SplitCriterion,
  params: GrowParams,
): Grown {
  const n = bins.rows;
  const cols = bins.cuts.length;
  const totalBins = bins.offsets[cols] as number;
  const subsample = params.featuresPerSplit < cols;
  const tree: TreeArrays = { feature: [], threshold: [], left: [], right: [], value: [] };
  const featureOrder = Array.from({ length: cols }, (_, j) => j);
  const maxColumnBins = Math.max(1, ...bins.cuts.map((c) => c.length + 1));
  const leaves: Grown['leaves'] = [];
  const pool: Histogram[] = [];
  const take = (): Histogram => {
    const h = pool.pop();
    if (h) return h;
    return { a: new Float64Array(totalBins), b: new Float64Array(totalBins), n: new Float64Array(totalBins) };
  };

  const addNode = (value: number): number => {
    tree.feature.push(-1);
    tree.threshold.push(0);
    tree.left.push(-1);
    tree.right.push(-1);
    tree.value.push(value);
    return tree.value.length - 1;
  };

  /** Histogram of every column over a node's rows, in one row-major pass. */
  const buildAll = (start: number, end: number): Histogram => {
    const h = take();
    h.a.fill(0);
    h.b.fill(0);
    h.n.fill(0);
    const offsets = bins.offsets;
    const codes = bins.rowCodes;
    for (let s = start; s < end; s++) {
      const i = indices[s] as number;
      const ai = a[i] as number;
      const bi = b[i] as number;
      const row = i * cols;
      for (let f = 0; f < cols; f++) {
        const k = (offsets[f] as number) + (codes[row + f] as number);
        h.a[k] = (h.a[k] as number) + ai;
        h.b[k] = (h.b[k] as number) + bi;
        h.n[k] = (h.n[k] as number) + 1;
      }
    }
    return h;
  };

  /** Histogram of the drawn columns only, column by column (forests try ~√cols of them). */
  const buildSome = (c: Candidate, features: readonly number[]): Histogram => {
    const h = take();
    for (const f of features) {
      const lo = bins.offsets[f] as number;
      const hi = bins.offsets[f + 1] as number;
      h.a.fill(0, lo, hi);
      h.b.fill(0, lo, hi);
      h.n.fill(0, lo, hi);
      const base = f * n;
      for (let s = c.start; s < c.end; s++) {
        const i = indices[s] as number;
        const k = lo + (bins.codes[base + i] as number);
        h.a[k] = (h.a[k] as number) + (a[i] as number);
        h.b[k] = (h.b[k] as number) + (b[i] as number);
        h.n[k] = (h.n[k] as number) + 1;
      }
    }
    return h;
  };

  const bestSplit = (c: Candidate, h: Histogram, features: readonly number[]): void => {
    const total = c.end - c.start;
    for (const f of features) {
      const lo = bins.offsets[f] as number;
      const hi = bins.offsets[f + 1] as number;
      let aL = 0;
      let bL = 0;
      let nL = 0;
      for (let k = lo; k < hi - 1; k++) {
        aL += h.a[k] as number;
        bL += h.b[k] as number;
        nL += h.n[k] as number;
        if (nL < params.minSamplesLeaf) continue;
        if (total - nL < params.minSamplesLeaf) break;
        const aR = c.a - aL;
        const bR = c.b - bL;
        if (bL < criterion.minChildB || bR < criterion.minChildB) continue;
        const gain = criterion.gain(aL, bL, aR, bR, c.a, c.b);
        if (gain > c.gain + 1e-12) {
          c.gain = gain;
          c.feature = f;
          c.bin = k - lo;
        }
      }
    }
  };

  const allFeatures = featureOrder.slice();
  const evaluate = (c: Candidate): void => {
    c.gain = 0;
    c.feature = -1;
    const splittable = c.depth < params.maxDepth && c.end - c.start >= 2 * params.minSamplesLeaf;
    if (!subsample) {
      if (splittable && c.hist) bestSplit(c, c.hist, allFeatures);
      return;
    }
    if (!splittable) return;
    const draw = params.featuresPerSplit;
    for (let k = 0; k < draw; k++) {
      const r = k + params.rng.below(cols - k);
      const t = featureOrder[k] as number;
      featureOrder[k] = featureOrder[r] as number;
      featureOrder[r] = t;
    }
    const drawn = featureOrder.slice(0, draw);
    const size = c.end - c.start;
    // Deep forest nodes hold a handful of rows: sorting them beats clearing and scanning 256 bins.
    if (size * 8 < maxColumnBins) {
      for (const f of drawn) bestSplitSorted(c, f);
      return;
    }
    const h = buildSome(c, drawn);
    bestSplit(c, h, drawn);
    pool.push(h);
  };

  const scratch = new Uint32Array(indices.length);
  const bestSplitSorted = (c: Candidate, f: number): void => {
    const size = c.end - c.start;
    const base = f * n;
    for (let s = 0; s < size; s++) scratch[s] = indices[c.start + s] as number;
    const rowsOfNode = scratch
      .subarray(0, size)
      .sort((x, y) => (bins.codes[base + x] as number) - (bins.codes[base + y] as number) || x - y);
    let aL = 0;
    let bL = 0;
    for (let s = 0; s < size - 1; s++) {
      const i = rowsOfNode[s] as number;
      aL += a[i] as number;
      bL += b[i] as number;
      const code = bins.codes[base + i] as number;
      if (code === (bins.codes[base + (rowsOfNode[s + 1] as number)] as number)) continue;
      const nL = s + 1;
      if (nL < params.minSamplesLeaf) continue;
      if (size - nL < params.minSamplesLeaf) break;
      const aR = c.a - aL;
      const bR = c.b - bL;
      if (bL < criterion.minChildB || bR < criterion.minChildB) continue;
      const gain = criterion.gain(aL, bL, aR, bR, c.a, c.b);
      if (gain > c.gain + 1e-12) {
        c.gain = gain;
        c.feature = f;
        c.bin = code;
      }
    }
  };

  let rootA = 0;
  let rootB = 0;
  for (let s = 0; s < indices.length; s++) {
    rootA += a[indices[s] as number] as number;
    rootB += b[indices[s] as number] as number;
  }
  const root: Candidate = {
    node: addNode(criterion.value(rootA, rootB)),
    start: 0,
    end: indices.length,
    depth: 0,
    a: rootA,
    b: rootB,
    feature: -1,
    bin: 0,
    gain: 0,
    hist: subsample ? null : buildAll(0, indices.length),
  };
  evaluate(root);
  const open: Candidate[] = [root];
  let leafCount = 1;
  while (open.length > 0 && leafCount < params.maxLeaves) {
    let pick = -1;
    for (let k = 0; k < open.length; k++) {
      const c = open[k] as Candidate;
      if (c.feature < 0) continue;
      if (pick < 0 || c.gain > (open[pick] as Candidate).gain) pick = k;
    }
    if (pick < 0) break;
    const c = open[pick] as Candidate;
    open.splice(pick, 1);
    // Partition the node's segment: left (bin ≤ split bin) first.
    const base = c.feature * n;
    let lo = c.start;
    let hi = c.end - 1;
    let aL = 0;
    let bL = 0;
    while (lo <= hi) {
      const i = indices[lo] as number;
      if ((bins.codes[base + i] as number) <= c.bin) {
        aL += a[i] as number;
        bL += b[i] as number;
        lo++;
      } else {
        indices[lo] = indices[hi] as number;
        indices[hi] = i;
        hi--;
      }
    }
    const aR = c.a - aL;
    const bR = c.b - bL;
    const leftNode = addNode(criterion.value(aL, bL));
    const rightNode = addNode(criterion.value(aR, bR));
    tree.feature[c.node] = c.feature;
    tree.threshold[c.node] = (bins.cuts[c.feature] as number[])[c.bin] as number;
    tree.left[c.node] = leftNode;
    tree.right[c.node] = rightNode;
    leafCount++;
    const mk = (node: number, start: number, end: number, ca: number, cb: number): Candidate => ({
      node,
      start,
      end,
      depth: c.depth + 1,
      a: ca,
      b: cb,
      feature: -1,
      bin: 0,
      gain: 0,
      hist: null,
    });
    const l = mk(leftNode, c.start, lo, aL, bL);
    const r = mk(rightNode, lo, c.end, aR, bR);
    if (c.hist) {
      const [small, large] = l.end - l.start <= r.end - r.start ? [l, r] : [r, l];
      small.hist = buildAll(small.start, small.end);
      const parent = c.hist;
      for (let k = 0; k < totalBins; k++) {
        parent.a[k] = (parent.a[k] as number) - (small.hist.a[k] as number);
        parent.b[k] = (parent.b[k] as number) - (small.hist.b[k] as number);
        parent.n[k] = (parent.n[k] as number) - (small.hist.n[k] as number);
      }
      large.hist = parent;
      c.hist = null;
    }
    evaluate(l);
    evaluate(r);
    open.push(l, r);
  }
  for (const c of open) leaves.push({ node: c.node, start: c.start, end: c.end });
  return { tree, leaves, indices };
}
