import { validateTrainingSet } from './schema';
import type { TrainingSample } from './types';

const sample = (id: string, features: TrainingSample['features'], label: 0 | 1 = 0): TrainingSample => ({
  id,
  features,
  label,
});

describe('validateTrainingSet', () => {
  it('accepts numbers, strings and nulls with one kind per feature', () => {
    expect(
      validateTrainingSet([
        sample('a', { x: 1, industry: 'RETAIL', y: null }),
        sample('b', { x: 2, industry: null }, 1),
      ]),
    ).toEqual([]);
  });

  it('refuses an empty set', () => {
    expect(validateTrainingSet([])).toEqual([{ field: 'samples', errors: ['the training set is empty'] }]);
  });

  it('names the sample and field of a bad id, label or value', () => {
    const errors = validateTrainingSet([
      { id: '', features: { x: 1 }, label: 0 },
      { id: 'b', features: { x: 1 }, label: 2 as 0 },
      sample('c', { x: Number.NaN }),
      sample('d', { x: true as unknown as number }),
    ]);
    expect(errors.map((e) => e.field)).toEqual([
      'samples[0].id',
      'samples[1].label',
      'samples[2].features.x',
      'samples[3].features.x',
    ]);
  });

  it('refuses a feature that is a number in one row and a string in another', () => {
    const errors = validateTrainingSet([sample('a', { size: 10 }), sample('b', { size: '10' })]);
    expect(errors).toEqual([
      { field: 'samples[1].features.size', errors: ['is a string here but a number in sample 0'] },
    ]);
  });
});
