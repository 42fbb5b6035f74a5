import { dedupe } from './dedupe';

describe('dedupe', () => {
  it('keeps the first row of each id, counts repeats and label conflicts, and sorts by id', () => {
    const out = dedupe([
      { id: 'b', features: { x: 1 }, label: 1 },
      { id: 'a', features: { x: 2 }, label: 0 },
      { id: 'b', features: { x: 3 }, label: 0 },
      { id: 'b', features: { x: 1 }, label: 1 },
    ]);
    expect(out.samples).toEqual([
      { id: 'a', features: { x: 2 }, label: 0 },
      { id: 'b', features: { x: 1 }, label: 1 },
    ]);
    expect(out.duplicateIds).toBe(2);
    expect(out.conflictingLabels).toBe(1);
  });
});
