import { permutationImportance } from './importance';
import type { Matrix } from './preprocess';
import { prng } from './prng';

describe('permutationImportance', () => {
  it('credits the column the model reads and gives exactly 0 to the one it ignores', () => {
    const rng = prng(9);
    const rows = 200;
    const data = new Float64Array(rows * 2);
    const y: (0 | 1)[] = [];
    for (let i = 0; i < rows; i++) {
      data[i * 2] = rng.next();
      data[i * 2 + 1] = rng.next();
      y.push((data[i * 2] as number) > 0.5 ? 1 : 0);
    }
    const x: Matrix = { data, rows, cols: 2 };
    const model = (m: Matrix) => Float64Array.from({ length: m.rows }, (_, i) => m.data[i * 2] as number);
    const out = permutationImportance(
      model,
      x,
      y,
      [
        { feature: 'used', columns: [0] },
        { feature: 'ignored', columns: [1] },
      ],
      1,
    );
    expect(out[0]?.feature).toBe('used');
    expect(out[0]?.importance).toBeGreaterThan(0.4);
    expect(out[1]).toEqual({ feature: 'ignored', importance: 0 });
  });
});
