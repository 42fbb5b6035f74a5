import { fitLogistic, logisticLogits } from './logistic';
import type { Matrix } from './preprocess';

const matrix = (values: number[]): Matrix => ({
  data: Float64Array.from(values),
  rows: values.length,
  cols: 1,
});

describe('fitLogistic (L2, Newton)', () => {
  // x = +1: 3 positives of 4; x = −1: 1 of 4. The unpenalised optimum is p(+1) = 3/4, p(−1) = 1/4,
  // i.e. weight ln 3 and bias 0 — the known answer a near-zero penalty must reproduce.
  const x = matrix([1, 1, 1, 1, -1, -1, -1, -1]);
  const y: (0 | 1)[] = [1, 1, 1, 0, 1, 0, 0, 0];
  const ones = new Float64Array(8).fill(1);

  it('reaches the maximum-likelihood answer with a negligible penalty', () => {
    const m = fitLogistic(x, y, { C: 1e9, maxIterations: 100, sampleWeights: ones });
    expect(m.weights[0]).toBeCloseTo(Math.log(3), 6);
    expect(m.bias).toBeCloseTo(0, 6);
  });

  it('the penalty shrinks the weight, and the gradient vanishes at the answer', () => {
    const C = 0.5;
    const m = fitLogistic(x, y, { C, maxIterations: 100, sampleWeights: ones });
    const w = m.weights[0] as number;
    expect(w).toBeGreaterThan(0);
    expect(w).toBeLessThan(Math.log(3));
    // ∂/∂w [C·Σ loss + w²/2] = C·Σ (pᵢ − yᵢ)·xᵢ + w = 0
    const z = logisticLogits(m, x);
    const grad = y.reduce(
      (g, yi, i) => g + C * (1 / (1 + Math.exp(-(z[i] as number))) - yi) * (x.data[i] as number),
      w,
    );
    expect(Math.abs(grad)).toBeLessThan(1e-9);
  });

  it('class weights move the bias towards the weighted class', () => {
    const heavy = Float64Array.from(y, (v) => (v === 1 ? 3 : 1));
    expect(fitLogistic(x, y, { C: 1e9, maxIterations: 100, sampleWeights: heavy }).bias).toBeCloseTo(
      Math.log(3),
      6,
    );
  });

  it('is deterministic: the same data gives the same weights bit for bit', () => {
    const a = fitLogistic(x, y, { C: 1, maxIterations: 100, sampleWeights: ones });
    const b = fitLogistic(x, y, { C: 1, maxIterations: 100, sampleWeights: ones });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });
});
