import { categoryIndex, fitCategorical, MISSING_CATEGORY } from './categorical';

describe('fitCategorical (industry one-hot with a minimum frequency)', () => {
  const values = ['RETAIL', 'RETAIL', 'RETAIL', 'BANKING', 'BANKING', 'BANKING', 'MINING', null, null, null];

  it('gives frequent levels (missing included) their own column and folds rare ones into (other)', () => {
    const enc = fitCategorical(values, 3, false);
    expect(enc.categories).toEqual([MISSING_CATEGORY, 'BANKING', 'RETAIL']);
    expect(categoryIndex(enc, 'MINING')).toBe(3);
    expect(categoryIndex(enc, 'NEVER_SEEN')).toBe(3);
    expect(categoryIndex(enc, null)).toBe(0);
  });

  it('with mode imputation, a missing value becomes the most frequent level (ties to the first by name)', () => {
    const enc = fitCategorical(values, 3, true);
    expect(enc.missingAs).toBe('BANKING');
    expect(enc.categories).toEqual(['BANKING', 'RETAIL']);
    expect(categoryIndex(enc, null)).toBe(0);
  });
});
