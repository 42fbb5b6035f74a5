import { Rng } from '@foresight/datagen';

export interface FitOptions {
  /** L2 penalty on the weights (not the bias), per unit of mean loss. */
  l2: number;
  learningRate: number;
  epochs: number;
  batchSize: number;
  /** Momentum smooths the mini-batch noise; 0 is plain SGD. */
  momentum: number;
}

export interface Fitted {
  weights: number[];
  bias: number;
}

export const sigmoid = (z: number): number =>
  z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));

export function linear(weights: ArrayLike<number>, bias: number, x: ArrayLike<number>): number {
  let z = bias;
  for (let j = 0; j < weights.length; j++) z += (weights[j] ?? 0) * (x[j] ?? 0);
  return z;
}

/**
 * Mini-batch gradient descent on the sample-weighted logistic loss + (l2 / 2)·‖w‖². Inputs are
 * already standardised, which is what lets one learning rate suit every feature. The only randomness
 * is the batch order, drawn from `rng`, so a seed reproduces the weights bit for bit.
 */
export function fitLogistic(
  x: readonly Float64Array[],
  y: readonly number[],
  sampleWeights: readonly number[],
  options: FitOptions,
  rng: Rng,
): Fitted {
  const d = x[0]?.length ?? 0;
  const weights = new Float64Array(d);
  const velocity = new Float64Array(d + 1);
  const grad = new Float64Array(d + 1);
  let bias = 0;
  // Polyak averaging over the second half: the last SGD iterate jitters around the optimum (more so
  // with class weights, where one rare positive moves a batch a lot); the average sits on it.
  const averaged = new Float64Array(d + 1);
  let averagedSteps = 0;
  const indices = x.map((_, i) => i);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    // 1/t-style decay: large early steps, then settle instead of bouncing around the optimum.
    const lr = options.learningRate / (1 + (4 * epoch) / options.epochs);
    const order = rng.shuffle(indices);
    for (let start = 0; start < order.length; start += options.batchSize) {
      const batch = order.slice(start, start + options.batchSize);
      grad.fill(0);
      for (const i of batch) {
        const xi = x[i] as Float64Array;
        const err = (sigmoid(linear(weights, bias, xi)) - (y[i] ?? 0)) * (sampleWeights[i] ?? 1);
        for (let j = 0; j < d; j++) grad[j] = (grad[j] ?? 0) + err * (xi[j] ?? 0);
        grad[d] = (grad[d] ?? 0) + err;
      }
      for (let j = 0; j <= d; j++) {
        const penalty = j < d ? options.l2 * (weights[j] ?? 0) : 0;
        const g = (grad[j] ?? 0) / batch.length + penalty;
        velocity[j] = options.momentum * (velocity[j] ?? 0) - lr * g;
        if (j < d) weights[j] = (weights[j] ?? 0) + (velocity[j] ?? 0);
        else bias += velocity[j] ?? 0;
      }
      if (epoch >= Math.floor(options.epochs / 2)) {
        averagedSteps++;
        for (let j = 0; j < d; j++)
          averaged[j] = (averaged[j] ?? 0) + ((weights[j] ?? 0) - (averaged[j] ?? 0)) / averagedSteps;
        averaged[d] = (averaged[d] ?? 0) + (bias - (averaged[d] ?? 0)) / averagedSteps;
      }
    }
  }
  if (averagedSteps === 0) return { weights: Array.from(weights), bias };
  return { weights: Array.from(averaged.subarray(0, d)), bias: averaged[d] ?? 0 };
}
