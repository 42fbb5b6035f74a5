import { compileModel, ModelState, Scorer } from './model';
import { Preprocessor, transform } from './preprocess';
import type { Algorithm, Confidence, FeatureRecord, Prediction } from './types';

/** A trained model as plain JSON: what the service stores in `ModelTrained` and replays to score. */
export interface ModelArtifact {
  format: 'foresight-training/1';
  algorithm: Algorithm;
  /** Decision threshold: probability ≥ threshold predicts 1. */
  threshold: number;
  /** Input features, in the order the preprocessor reads them. */
  features: string[];
  preprocessor: Preprocessor;
  model: ModelState;
  hyperparameters: Record<string, number>;
}

// Compiling typed arrays from the JSON costs more than scoring one row; keep it per artifact object.
const compiled = new WeakMap<ModelArtifact, Scorer>();

export function scorerOf(artifact: ModelArtifact): Scorer {
  let s = compiled.get(artifact);
  if (!s) {
    s = compileModel(artifact.model);
    compiled.set(artifact, s);
  }
  return s;
}

/**
 * How sure the model is, by distance from the threshold relative to the room on that side: with
 * threshold 0.3, 0.9 is high and 0.35 is low.
 */
export function confidenceOf(p: number, threshold: number): Confidence {
  const room = p >= threshold ? 1 - threshold : threshold;
  const distance = room > 0 ? Math.abs(p - threshold) / room : 1;
  return distance >= 0.6 ? 'high' : distance >= 0.3 ? 'medium' : 'low';
}

/**
 * Batch prediction: rows → one matrix in a single pass, the model scores the whole matrix, then each
 * row's top factors (largest |contribution| over the preprocessed columns, ties by name; 0 skips them).
 */
export function predict(artifact: ModelArtifact, rows: readonly FeatureRecord[], topN = 5): Prediction[] {
  const x = transform(artifact.preprocessor, rows);
  const scorer = scorerOf(artifact);
  const p = scorer.probabilities(x);
  const columns = artifact.preprocessor.columns;
  const contributions = new Float64Array(x.cols);
  const out: Prediction[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const probability = p[i] as number;
    let topFactors: Prediction['topFactors'] = [];
    if (topN > 0) {
      scorer.contributions(x, i, contributions);
      const idx: number[] = [];
      for (let j = 0; j < x.cols; j++) if (contributions[j] !== 0) idx.push(j);
      idx.sort(
        (a, b) =>
          Math.abs(contributions[b] as number) - Math.abs(contributions[a] as number) ||
          ((columns[a] as string) < (columns[b] as string) ? -1 : 1),
      );
      topFactors = idx
        .slice(0, topN)
        .map((j) => ({ feature: columns[j] as string, contribution: contributions[j] as number }));
    }
    out[i] = {
      probability,
      prediction: probability >= artifact.threshold ? 1 : 0,
      confidence: confidenceOf(probability, artifact.threshold),
      topFactors,
    };
  }
  return out;
}
