import { fitPreprocessor, transform } from './preprocess';

const rows = [
  { size: '2 to 5', industry: 'RETAIL', revenue: 10 },
  { size: '10,001 or more', industry: 'RETAIL', revenue: null },
  { size: null, industry: 'MINING', revenue: 30 },
  { size: '51 to 200', industry: null, revenue: 20 },
];

describe('fitPreprocessor / transform', () => {
  const pre = fitPreprocessor(rows, ['industry', 'revenue', 'size'], {
    imputation: 'auto',
    imputationConstant: 0,
    scaling: 'minmax',
    minCategoryCount: 2,
  });

  it('one-hots categories (rare → (other)), reads employee ranges as 1–9, adds missing indicators under auto', () => {
    expect(pre.columns).toEqual([
      'industry=RETAIL',
      'industry=(other)',
      'revenue',
      'revenue_missing',
      'size',
      'size_missing',
    ]);
    expect(pre.recipes.map((r) => r.kind)).toEqual(['categorical', 'numeric', 'employee_range']);
    expect(pre.sourceOf).toEqual([0, 0, 1, 1, 2, 2]);
  });

  it('imputes the training median, scales, and sends unseen categories to (other)', () => {
    const x = transform(pre, [
      rows[1] as (typeof rows)[number],
      { industry: 'BANKING', revenue: 30, size: '1' },
    ]);
    // revenue median of 10, 20, 30 = 20 → (20 − 10)/20; size 10,001+ = 9 → (9 − 2)/(9 − 2) = 1
    expect(Array.from(x.data)).toEqual([1, 0, 0.5, 1, 1, 0, 0, 1, 1, 0, (1 - 2) / 7, 0]);
  });
});
