import type { Matrix } from './preprocess';
import type { TreeArrays } from './tree';

/**
 * An ensemble of trees ready for batch scoring: every tree's nodes in one set of typed arrays
 * (children as absolute node indices), so scoring a batch is a tight loop over rows and trees with no
 * object access. raw = base + scale · Σ tree values (RF: base 0, scale 1/trees → a probability;
 * GBDT: base = prior log-odds, scale 1 → log-odds).
 */
export interface CompiledForest {
  roots: Int32Array;
  feature: Int32Array;
  threshold: Float64Array;
  left: Int32Array;
  right: Int32Array;
  value: Float64Array;
  base: number;
  scale: number;
}

export function compileForest(trees: readonly TreeArrays[], base: number, scale: number): CompiledForest {
  const total = trees.reduce((s, t) => s + t.feature.length, 0);
  const f: CompiledForest = {
    roots: new Int32Array(trees.length),
    feature: new Int32Array(total),
    threshold: new Float64Array(total),
    left: new Int32Array(total),
    right: new Int32Array(total),
    value: new Float64Array(total),
    base,
    scale,
  };
  let offset = 0;
  trees.forEach((t, k) => {
    f.roots[k] = offset;
    for (let i = 0; i < t.feature.length; i++) {
      f.feature[offset + i] = t.feature[i] as number;
      f.threshold[offset + i] = t.threshold[i] as number;
      const l = t.left[i] as number;
      const r = t.right[i] as number;
      f.left[offset + i] = l < 0 ? -1 : offset + l;
      f.right[offset + i] = r < 0 ? -1 : offset + r;
      f.value[offset + i] = t.value[i] as number;
    }
    offset += t.feature.length;
  });
  return f;
}

/**
 * Raw score per row; `upTo` trees only. Trees are the outer loop: one tree's nodes stay in cache
 * while every row walks it, which is what makes deep forests fast over a batch.
 */
export function scoreForest(
  f: CompiledForest,
  x: Matrix,
  out = new Float64Array(x.rows),
  upTo = f.roots.length,
): Float64Array {
  const d = x.cols;
  const data = x.data;
  const { feature, threshold, left, right, value } = f;
  out.fill(0, 0, x.rows);
  for (let t = 0; t < upTo; t++) {
    const root = f.roots[t] as number;
    for (let i = 0, row = 0; i < x.rows; i++, row += d) {
      let node = root;
      let feat = feature[node] as number;
      while (feat >= 0) {
        node =
          (data[row + feat] as number) <= (threshold[node] as number)
            ? (left[node] as number)
            : (right[node] as number);
        feat = feature[node] as number;
      }
      out[i] = (out[i] as number) + (value[node] as number);
    }
  }
  for (let i = 0; i < x.rows; i++) out[i] = f.base + f.scale * (out[i] as number);
  return out;
}

/**
 * Saabas attribution for one row: walking each tree, the change of node value at every split is
 * credited to the split's feature. The credits plus the expected value (base + scale·Σ root values)
 * add up exactly to the row's raw score — a cheap, exact-sum cousin of TreeSHAP that can over-credit
 * features split near the root; we take it because it costs one extra add per node visited.
 */
export function saabas(f: CompiledForest, x: Matrix, row: number, contributions: Float64Array): void {
  contributions.fill(0);
  const start = row * x.cols;
  for (let t = 0; t < f.roots.length; t++) {
    let node = f.roots[t] as number;
    let feat = f.feature[node] as number;
    while (feat >= 0) {
      const child =
        (x.data[start + feat] as number) <= (f.threshold[node] as number)
          ? (f.left[node] as number)
          : (f.right[node] as number);
      contributions[feat] =
        (contributions[feat] as number) + f.scale * ((f.value[child] as number) - (f.value[node] as number));
      node = child;
      feat = f.feature[node] as number;
    }
  }
}
