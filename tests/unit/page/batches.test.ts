import { describe, expect, it } from 'vitest';
import { FIRST_BATCH, LARGEST_BATCH, batchBounds } from '../../../lib/page/batches';

describe('batchBounds', () => {
  it('starts small and doubles up to the largest batch', () => {
    expect(batchBounds(300)).toEqual([[0, 12], [12, 36], [36, 84], [84, 180], [180, 276], [276, 300]]);
    expect(batchBounds(27)).toEqual([[0, 12], [12, 27]]);
    expect(batchBounds(5)).toEqual([[0, 5]]);
    expect(batchBounds(0)).toEqual([]);
  });

  it('covers every quote once, in order, with no batch over the largest size', () => {
    for (const count of [1, 11, 12, 13, 100, 299, 1000]) {
      const bounds = batchBounds(count);
      expect(bounds[0][0]).toBe(0);
      expect(bounds[0][1]).toBe(Math.min(count, FIRST_BATCH));
      bounds.forEach(([from, to], i) => {
        expect(to).toBeGreaterThan(from);
        expect(to - from).toBeLessThanOrEqual(LARGEST_BATCH);
        if (i > 0) expect(from).toBe(bounds[i - 1][1]);
      });
      expect(bounds[bounds.length - 1][1]).toBe(count);
    }
  });
});
