import { fitScaler } from './scale';

describe('fitScaler', () => {
  const values = [1, 2, 3, 4, 100];

  it('standard: mean and population standard deviation', () => {
    const { center, scale } = fitScaler(values, 'standard');
    expect(center).toBe(22);
    expect(scale).toBeCloseTo(Math.sqrt((21 ** 2 + 20 ** 2 + 19 ** 2 + 18 ** 2 + 78 ** 2) / 5), 12);
  });

  it('minmax: minimum and range', () => {
    expect(fitScaler(values, 'minmax')).toEqual({ center: 1, scale: 99 });
  });

  it('robust: median and interquartile range, untouched by the outlier', () => {
    expect(fitScaler(values, 'robust')).toEqual({ center: 3, scale: 2 });
  });

  it('none, and a constant column, leave values as they are', () => {
    expect(fitScaler(values, 'none')).toEqual({ center: 0, scale: 1 });
    expect(fitScaler([5, 5, 5], 'standard')).toEqual({ center: 5, scale: 1 });
  });
});
