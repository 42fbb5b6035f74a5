import { atThreshold, logLoss, rocAuc } from './metrics';

describe('rocAuc', () => {
  it('is 1 when every positive outranks every negative, 0 when reversed', () => {
    expect(rocAuc([0, 0, 1, 1], [0.1, 0.2, 0.8, 0.9])).toBe(1);
    expect(rocAuc([1, 1, 0, 0], [0.1, 0.2, 0.8, 0.9])).toBe(0);
  });

  it('counts pairs: one of four positive–negative pairs misordered gives 0.75', () => {
    expect(rocAuc([0, 1, 0, 1], [0.1, 0.3, 0.5, 0.9])).toBeCloseTo(0.75, 12);
  });

  it('counts ties as half, so a constant score is 0.5', () => {
    expect(rocAuc([0, 1, 0, 1, 1], [0.5, 0.5, 0.5, 0.5, 0.5])).toBe(0.5);
    expect(rocAuc([0, 1], [0.4, 0.4])).toBe(0.5);
  });

  it('is undefined (NaN) when one class is missing', () => {
    expect(rocAuc([1, 1], [0.2, 0.9])).toBeNaN();
  });
});

describe('logLoss', () => {
  it('is −ln p averaged over the examples', () => {
    expect(logLoss([1, 0], [0.8, 0.4])).toBeCloseTo((-Math.log(0.8) - Math.log(0.6)) / 2, 12);
  });

  it('stays finite for a confident mistake', () => {
    expect(Number.isFinite(logLoss([1], [0]))).toBe(true);
  });
});

describe('atThreshold', () => {
  it('counts the confusion matrix and derives precision, recall and F1', () => {
    const m = atThreshold([1, 1, 0, 0, 1], [0.9, 0.4, 0.6, 0.1, 0.5], 0.5);
    expect(m).toMatchObject({ truePositives: 2, falseNegatives: 1, falsePositives: 1, trueNegatives: 1 });
    expect(m.precision).toBeCloseTo(2 / 3, 12);
    expect(m.recall).toBeCloseTo(2 / 3, 12);
    expect(m.f1).toBeCloseTo(2 / 3, 12);
  });

  it('reports 0 precision rather than NaN when nothing is predicted positive', () => {
    expect(atThreshold([1, 0], [0.1, 0.2], 0.5)).toMatchObject({ precision: 0, recall: 0, f1: 0 });
  });
});
