import { fitImputation, quantile } from './impute';

describe('fitImputation', () => {
  const values = [1, 2, 2, 10, Number.NaN];

  it.each([
    ['auto', 2],
    ['median', 2],
    ['mean', 3.75],
    ['mode', 2],
    ['zero', 0],
  ] as const)('%s fills with %d, learned from the present values only', (strategy, expected) => {
    expect(fitImputation(values, strategy)).toBe(expected);
  });

  it('constant fills with the given constant', () => {
    expect(fitImputation(values, 'constant', -1)).toBe(-1);
  });

  it('interpolates quantiles as numpy does', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4], 0.25)).toBe(1.75);
  });
});
