import { selectThreshold } from './threshold';

const y: (0 | 1)[] = [1, 0, 1, 0, 1, 0, 0];
const p = [0.9, 0.8, 0.6, 0.4, 0.3, 0.2, 0.1];

describe('selectThreshold', () => {
  it('best_f1 takes the score with the highest F1 (0.3: P 3/5, R 1 → F1 0.75)', () => {
    expect(selectThreshold(y, p, { rule: 'best_f1' })).toBe(0.3);
  });

  it('target_precision takes the lowest threshold that reaches the precision', () => {
    expect(selectThreshold(y, p, { rule: 'target_precision', precision: 0.66 })).toBe(0.6);
    expect(selectThreshold(y, p, { rule: 'target_precision', precision: 1 })).toBe(0.9);
  });

  it('fixed is taken as given', () => {
    expect(selectThreshold(y, p, { rule: 'fixed', value: 0.42 })).toBe(0.42);
  });
});
