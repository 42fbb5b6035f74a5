import type { Matrix } from './preprocess';

export interface LogisticState {
  algorithm: 'logistic_regression';
  weights: number[];
  bias: number;
}

export interface LogisticParams {
  /** Inverse L2 strength, as scikit-learn's C: minimises C·Σ wᵢ·lossᵢ + ½‖β‖² (bias not penalised). */
  C: number;
  maxIterations: number;
  /** Per-sample weights (class balance); length = rows. */
  sampleWeights: Float64Array;
}

export const sigmoid = (z: number): number =>
  z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));

function objective(x: Matrix, y: readonly (0 | 1)[], w: Float64Array, beta: Float64Array, C: number): number {
  const d = x.cols;
  let loss = 0;
  for (let i = 0; i < x.rows; i++) {
    let z = beta[d] as number;
    for (let j = 0; j < d; j++) z += (beta[j] as number) * (x.data[i * d + j] as number);
    // log(1 + e^z) − y·z, computed without overflow
    const softplus = z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
    loss += (w[i] as number) * (softplus - (y[i] as number) * z);
  }
  let penalty = 0;
  for (let j = 0; j < d; j++) penalty += (beta[j] as number) ** 2;
  return C * loss + penalty / 2;
}

/** Solves A·x = g in place of g for symmetric positive-definite A (Cholesky); A is overwritten. */
function choleskySolve(A: Float64Array, g: Float64Array, m: number): void {
  for (let j = 0; j < m; j++) {
    let s = A[j * m + j] as number;
    for (let k = 0; k < j; k++) s -= (A[j * m + k] as number) ** 2;
    const diag = Math.sqrt(Math.max(s, 1e-300));
    A[j * m + j] = diag;
    for (let i = j + 1; i < m; i++) {
      let t = A[i * m + j] as number;
      for (let k = 0; k < j; k++) t -= (A[i * m + k] as number) * (A[j * m + k] as number);
      A[i * m + j] = t / diag;
    }
  }
  for (let i = 0; i < m; i++) {
    let t = g[i] as number;
    for (let k = 0; k < i; k++) t -= (A[i * m + k] as number) * (g[k] as number);
    g[i] = t / (A[i * m + i] as number);
  }
  for (let i = m - 1; i >= 0; i--) {
    let t = g[i] as number;
    for (let k = i + 1; k < m; k++) t -= (A[k * m + i] as number) * (g[k] as number);
    g[i] = t / (A[i * m + i] as number);
  }
}

/**
 * L2-regularised logistic regression by Newton's method (IRLS) with step halving: the objective is
 * strictly convex, so the optimum is unique and Newton reaches it to machine precision in a handful
 * of iterations — no learning rate, no batch order, nothing random: the same data gives the same
 * weights bit for bit (what scikit-learn's lbfgs approximates).
 */
export function fitLogistic(x: Matrix, y: readonly (0 | 1)[], params: LogisticParams): LogisticState {
  const d = x.cols;
  const m = d + 1;
  const beta = new Float64Array(m);
  const w = params.sampleWeights;
  const C = params.C;
  let current = objective(x, y, w, beta, C);
  const H = new Float64Array(m * m);
  const g = new Float64Array(m);
  const xi = new Float64Array(m);
  for (let iter = 0; iter < params.maxIterations; iter++) {
    H.fill(0);
    g.fill(0);
    for (let i = 0; i < x.rows; i++) {
      for (let j = 0; j < d; j++) xi[j] = x.data[i * d + j] as number;
      xi[d] = 1;
      let z = 0;
      for (let j = 0; j < m; j++) z += (beta[j] as number) * (xi[j] as number);
      const p = sigmoid(z);
      const err = C * (w[i] as number) * (p - (y[i] as number));
      const curv = C * (w[i] as number) * p * (1 - p);
      for (let j = 0; j < m; j++) {
        const xj = xi[j] as number;
        if (xj === 0) continue;
        g[j] = (g[j] as number) + err * xj;
        const cx = curv * xj;
        for (let k = 0; k <= j; k++) H[j * m + k] = (H[j * m + k] as number) + cx * (xi[k] as number);
      }
    }
    for (let j = 0; j < d; j++) {
      g[j] = (g[j] as number) + (beta[j] as number);
      H[j * m + j] = (H[j * m + j] as number) + 1;
    }
    // A tiny ridge on the bias keeps the system solvable when a class is (nearly) absent.
    H[d * m + d] = (H[d * m + d] as number) + 1e-10;
    for (let j = 0; j < m; j++) for (let k = j + 1; k < m; k++) H[j * m + k] = H[k * m + j] as number;
    let gradNorm = 0;
    for (let j = 0; j < m; j++) gradNorm = Math.max(gradNorm, Math.abs(g[j] as number));
    if (gradNorm < 1e-10) break;
    choleskySolve(H, g, m);
    let step = 1;
    const trial = new Float64Array(m);
    let next = current;
    for (let halving = 0; halving < 30; halving++) {
      for (let j = 0; j < m; j++) trial[j] = (beta[j] as number) - step * (g[j] as number);
      next = objective(x, y, w, trial, C);
      if (next <= current) break;
      step /= 2;
    }
    if (!(next <= current)) break;
    beta.set(trial);
    const improved = current - next;
    current = next;
    if (improved <= 1e-12 * Math.max(1, Math.abs(current))) break;
  }
  return {
    algorithm: 'logistic_regression',
    weights: Array.from(beta.subarray(0, d)),
    bias: beta[d] as number,
  };
}

/** Vectorised log-odds over a matrix. */
export function logisticLogits(
  state: LogisticState,
  x: Matrix,
  out = new Float64Array(x.rows),
): Float64Array {
  const d = x.cols;
  const w = Float64Array.from(state.weights);
  for (let i = 0; i < x.rows; i++) {
    let z = state.bias;
    const row = i * d;
    for (let j = 0; j < d; j++) z += (w[j] as number) * (x.data[row + j] as number);
    out[i] = z;
  }
  return out;
}
