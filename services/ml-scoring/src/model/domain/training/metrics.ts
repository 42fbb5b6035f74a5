import type { ConfusionMatrix, Curves, EvaluationMetrics } from './types';

type Labels = readonly (0 | 1)[];
type Scores = ArrayLike<number>;

function checkLengths(labels: Labels, scores: Scores): void {
  if (labels.length !== scores.length) throw new RangeError('labels and scores differ in length');
}

/** Indices by descending score; ties broken by index so curves never depend on sort stability. */
function descending(scores: Scores): number[] {
  return Array.from({ length: scores.length }, (_, i) => i).sort(
    (a, b) => (scores[b] as number) - (scores[a] as number) || a - b,
  );
}

/**
 * Cumulative (fp, tp) at each distinct score, highest first: the operating points shared by ROC,
 * PR and average precision. Tied scores move together, as a threshold cannot separate them.
 */
function operatingPoints(labels: Labels, scores: Scores): { fp: number; tp: number; score: number }[] {
  const order = descending(scores);
  const points: { fp: number; tp: number; score: number }[] = [];
  let tp = 0;
  let fp = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k] as number;
    if (labels[i] === 1) tp++;
    else fp++;
    const next = order[k + 1];
    if (next === undefined || scores[next] !== scores[i]) points.push({ fp, tp, score: scores[i] as number });
  }
  return points;
}

/** Mann–Whitney: P(random positive scores above random negative), ties half. NaN without both classes. */
export function rocAuc(labels: Labels, scores: Scores): number {
  checkLengths(labels, scores);
  const points = operatingPoints(labels, scores);
  const last = points[points.length - 1];
  const nPos = last?.tp ?? 0;
  const nNeg = last?.fp ?? 0;
  if (nPos === 0 || nNeg === 0) return Number.NaN;
  let area = 0;
  let prevFp = 0;
  let prevTp = 0;
  for (const p of points) {
    area += ((p.fp - prevFp) * (p.tp + prevTp)) / 2;
    prevFp = p.fp;
    prevTp = p.tp;
  }
  return area / (nPos * nNeg);
}

/**
 * PR-AUC as average precision (scikit-learn's definition): Σ (Rₙ − Rₙ₋₁)·Pₙ over thresholds, a step
 * function with no optimistic interpolation. Its floor is the positive rate, not 0.5.
 */
export function prAuc(labels: Labels, scores: Scores): number {
  checkLengths(labels, scores);
  const points = operatingPoints(labels, scores);
  const nPos = points[points.length - 1]?.tp ?? 0;
  if (nPos === 0) return Number.NaN;
  let ap = 0;
  let prevRecall = 0;
  for (const p of points) {
    const recall = p.tp / nPos;
    ap += (recall - prevRecall) * (p.tp / (p.tp + p.fp));
    prevRecall = recall;
  }
  return ap;
}

/** Mean cross-entropy with probabilities clipped to [1e-15, 1 − 1e-15], as scikit-learn does. */
export function logLoss(labels: Labels, probabilities: Scores): number {
  checkLengths(labels, probabilities);
  if (labels.length === 0) return Number.NaN;
  const eps = 1e-15;
  let sum = 0;
  for (let i = 0; i < labels.length; i++) {
    const p = Math.min(1 - eps, Math.max(eps, probabilities[i] as number));
    sum -= labels[i] === 1 ? Math.log(p) : Math.log(1 - p);
  }
  return sum / labels.length;
}

/** Mean squared error of the probability against the 0/1 outcome. */
export function brier(labels: Labels, probabilities: Scores): number {
  checkLengths(labels, probabilities);
  if (labels.length === 0) return Number.NaN;
  let sum = 0;
  for (let i = 0; i < labels.length; i++) sum += ((probabilities[i] as number) - (labels[i] as number)) ** 2;
  return sum / labels.length;
}

/** probability ≥ threshold counts as a positive prediction. */
export function confusionAt(labels: Labels, probabilities: Scores, threshold: number): ConfusionMatrix {
  const m = { tp: 0, fp: 0, tn: 0, fn: 0 };
  for (let i = 0; i < labels.length; i++) {
    const predicted = (probabilities[i] as number) >= threshold;
    const actual = labels[i] === 1;
    if (predicted && actual) m.tp++;
    else if (predicted) m.fp++;
    else if (actual) m.fn++;
    else m.tn++;
  }
  return m;
}

export function precisionRecallF1(m: ConfusionMatrix): { precision: number; recall: number; f1: number } {
  const precision = m.tp + m.fp > 0 ? m.tp / (m.tp + m.fp) : 0;
  const recall = m.tp + m.fn > 0 ? m.tp / (m.tp + m.fn) : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

export function evaluate(labels: Labels, probabilities: Scores, threshold: number): EvaluationMetrics {
  checkLengths(labels, probabilities);
  const confusion = confusionAt(labels, probabilities, threshold);
  return {
    rocAuc: rocAuc(labels, probabilities),
    prAuc: prAuc(labels, probabilities),
    logLoss: logLoss(labels, probabilities),
    brier: brier(labels, probabilities),
    ...precisionRecallF1(confusion),
    threshold,
    confusion,
  };
}

/** Keeps at most `max` points, evenly spaced, always the first and last: a chart needs the shape, not 1,000 rows. */
function thin<T>(points: T[], max: number): T[] {
  if (points.length <= max) return points;
  const out: T[] = [];
  for (let k = 0; k < max; k++) out.push(points[Math.round((k * (points.length - 1)) / (max - 1))] as T);
  return out;
}

/**
 * ROC and PR points at each distinct score (thinned to `maxPoints`), and calibration in `bins`
 * equal-width probability bins: mean predicted vs observed positive rate, empty bins left out.
 */
export function curves(labels: Labels, probabilities: Scores, bins = 10, maxPoints = 101): Curves {
  checkLengths(labels, probabilities);
  const points = operatingPoints(labels, probabilities);
  const nPos = points[points.length - 1]?.tp ?? 0;
  const nNeg = points[points.length - 1]?.fp ?? 0;
  const roc = [
    { fpr: 0, tpr: 0 },
    ...points.map((p) => ({ fpr: nNeg ? p.fp / nNeg : 0, tpr: nPos ? p.tp / nPos : 0 })),
  ];
  const pr = points.map((p) => ({ recall: nPos ? p.tp / nPos : 0, precision: p.tp / (p.tp + p.fp) }));
  const sumP = new Float64Array(bins);
  const sumY = new Float64Array(bins);
  const count = new Uint32Array(bins);
  for (let i = 0; i < labels.length; i++) {
    const p = probabilities[i] as number;
    const b = Math.min(bins - 1, Math.max(0, Math.floor(p * bins)));
    sumP[b] = (sumP[b] as number) + p;
    sumY[b] = (sumY[b] as number) + (labels[i] as number);
    count[b] = (count[b] as number) + 1;
  }
  const calibration: Curves['calibration'] = [];
  for (let b = 0; b < bins; b++) {
    const n = count[b] as number;
    if (n > 0)
      calibration.push({ predicted: (sumP[b] as number) / n, observed: (sumY[b] as number) / n, count: n });
  }
  return { roc: thin(roc, maxPoints), pr: thin(pr, maxPoints), calibration };
}
