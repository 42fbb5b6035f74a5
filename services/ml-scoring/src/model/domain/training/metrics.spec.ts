import { brier, curves, evaluate, logLoss, prAuc, rocAuc } from './metrics';

// Scores by hand: positives at 0.9, 0.6, 0.3; negatives at 0.8, 0.4, 0.2, 0.1.
const y: (0 | 1)[] = [1, 0, 1, 0, 1, 0, 0];
const p = [0.9, 0.8, 0.6, 0.4, 0.3, 0.2, 0.1];

describe('metrics', () => {
  it('ROC-AUC counts ordered positive/negative pairs (ties half)', () => {
    // pairs won: 0.9 beats 4, 0.6 beats 3, 0.3 beats 2 → 9 of 12
    expect(rocAuc(y, p)).toBeCloseTo(9 / 12, 12);
    expect(rocAuc([1, 0], [0.5, 0.5])).toBe(0.5);
    expect(rocAuc([1, 1], [0.2, 0.3])).toBeNaN();
  });

  it('PR-AUC is average precision: mean precision at each positive', () => {
    expect(prAuc(y, p)).toBeCloseTo((1 / 1 + 2 / 3 + 3 / 5) / 3, 12);
  });

  it('log loss and Brier score', () => {
    expect(logLoss([1, 0], [0.8, 0.4])).toBeCloseTo(-(Math.log(0.8) + Math.log(0.6)) / 2, 12);
    expect(brier([1, 0], [0.8, 0.4])).toBeCloseTo((0.04 + 0.16) / 2, 12);
  });

  it('precision, recall, F1 and confusion at the threshold (≥ counts positive)', () => {
    const m = evaluate(y, p, 0.6);
    expect(m.confusion).toEqual({ tp: 2, fp: 1, tn: 3, fn: 1 });
    expect(m.precision).toBeCloseTo(2 / 3, 12);
    expect(m.recall).toBeCloseTo(2 / 3, 12);
    expect(m.f1).toBeCloseTo(2 / 3, 12);
    expect(m.threshold).toBe(0.6);
  });

  it('curves: ROC from (0,0) to (1,1), PR ending at full recall, calibration per non-empty bin', () => {
    const c = curves(y, p, 2);
    expect(c.roc[0]).toEqual({ fpr: 0, tpr: 0 });
    expect(c.roc[c.roc.length - 1]).toEqual({ fpr: 1, tpr: 1 });
    expect(c.pr[c.pr.length - 1]).toEqual({ recall: 1, precision: 3 / 7 });
    expect(c.calibration).toEqual([
      { predicted: (0.4 + 0.3 + 0.2 + 0.1) / 4, observed: 1 / 4, count: 4 },
      { predicted: (0.9 + 0.8 + 0.6) / 3, observed: 2 / 3, count: 3 },
    ]);
  });
});
