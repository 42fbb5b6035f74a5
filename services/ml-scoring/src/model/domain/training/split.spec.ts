import { stratifiedHoldout, stratifiedKFold } from './split';

const labels: (0 | 1)[] = Array.from({ length: 100 }, (_, i) => (i % 10 === 0 ? 1 : 0));

describe('stratifiedHoldout', () => {
  it('holds out the fraction of each class, disjoint from training, covering every row', () => {
    const { train, test } = stratifiedHoldout(labels, 0.2, 7);
    expect(test).toHaveLength(20);
    expect(test.filter((i) => labels[i] === 1)).toHaveLength(2);
    expect(new Set([...train, ...test]).size).toBe(100);
  });

  it('is the same for a seed and differs for another', () => {
    expect(stratifiedHoldout(labels, 0.2, 7)).toEqual(stratifiedHoldout(labels, 0.2, 7));
    expect(stratifiedHoldout(labels, 0.2, 8).test).not.toEqual(stratifiedHoldout(labels, 0.2, 7).test);
  });
});

describe('stratifiedKFold', () => {
  it('deals each class evenly over the folds, every row in exactly one fold', () => {
    const folds = stratifiedKFold(labels, 5, 3);
    expect(folds.map((f) => f.length)).toEqual([20, 20, 20, 20, 20]);
    expect(folds.map((f) => f.filter((i) => labels[i] === 1).length)).toEqual([2, 2, 2, 2, 2]);
    expect(new Set(folds.flat()).size).toBe(100);
    expect(stratifiedKFold(labels, 5, 3)).toEqual(folds);
  });
});
