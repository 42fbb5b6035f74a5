import { featureNames, profileData } from './profile';
import type { TrainingSample } from './types';

describe('profileData', () => {
  const samples: TrainingSample[] = [
    { id: 'a', features: { x: 1, industry: 'RETAIL' }, label: 1 },
    { id: 'b', features: { x: null, industry: 'RETAIL' }, label: 0 },
    { id: 'c', features: { industry: null }, label: 0 },
    { id: 'd', features: { x: 4, industry: 'BANKING' }, label: 0 },
  ];

  it('counts rows, class balance, and per feature missing values (null or absent), kind and distinct values', () => {
    const p = profileData(samples, featureNames(samples), { ids: 1, conflictingLabels: 0 });
    expect(p).toMatchObject({
      rows: 4,
      positives: 1,
      negatives: 3,
      positiveRate: 0.25,
      duplicates: { ids: 1, conflictingLabels: 0 },
    });
    expect(p.features['x']).toEqual({ kind: 'numeric', missing: 2, missingFraction: 0.5, distinct: 2 });
    expect(p.features['industry']).toEqual({
      kind: 'categorical',
      missing: 1,
      missingFraction: 0.25,
      distinct: 2,
    });
  });
});
