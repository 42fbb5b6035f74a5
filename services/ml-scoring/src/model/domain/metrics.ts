/** Binary-classification metrics over labels (0/1 or boolean) and predicted probabilities. */

type Label = number | boolean;
const positive = (y: Label) => y === true || y === 1;

/**
 * ROC-AUC as the Mann–Whitney statistic: the probability that a random positive scores above a
 * random negative, ties counting half. NaN when either class is absent (AUC is undefined there).
 */
export function rocAuc(labels: readonly Label[], scores: readonly number[]): number {
  if (labels.length !== scores.length) throw new RangeError('labels and scores differ in length');
  const order = scores.map((s, i) => ({ s, pos: positive(labels[i] ?? 0) })).sort((a, b) => a.s - b.s);
  let rankSumPos = 0;
  let nPos = 0;
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j < order.length && order[j]?.s === order[i]?.s) j++;
    const averageRank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) {
      if (order[k]?.pos) {
        rankSumPos += averageRank;
        nPos++;
      }
    }
    i = j;
  }
  const nNeg = order.length - nPos;
  if (nPos === 0 || nNeg === 0) return Number.NaN;
  return (rankSumPos - (nPos * (nPos + 1)) / 2) / (nPos * nNeg);
}

/** Mean cross-entropy; probabilities are clipped so one confident mistake cannot make it infinite. */
export function logLoss(labels: readonly Label[], probabilities: readonly number[]): number {
  if (labels.length === 0) return Number.NaN;
  const eps = 1e-15;
  let sum = 0;
  labels.forEach((y, i) => {
    const p = Math.min(1 - eps, Math.max(eps, probabilities[i] ?? 0.5));
    sum -= positive(y) ? Math.log(p) : Math.log(1 - p);
  });
  return sum / labels.length;
}

export interface ThresholdMetrics {
  threshold: number;
  truePositives: number;
  falsePositives: number;
  trueNegatives: number;
  falseNegatives: number;
  /** 0 when nothing is predicted positive. */
  precision: number;
  recall: number;
  f1: number;
}

/** Confusion matrix and precision/recall/F1 when probability ≥ threshold means positive. */
export function atThreshold(
  labels: readonly Label[],
  probabilities: readonly number[],
  threshold: number,
): ThresholdMetrics {
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  labels.forEach((y, i) => {
    const predicted = (probabilities[i] ?? 0) >= threshold;
    if (predicted && positive(y)) tp++;
    else if (predicted) fp++;
    else if (positive(y)) fn++;
    else tn++;
  });
  const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
  const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return {
    threshold,
    truePositives: tp,
    falsePositives: fp,
    trueNegatives: tn,
    falseNegatives: fn,
    precision,
    recall,
    f1,
  };
}
