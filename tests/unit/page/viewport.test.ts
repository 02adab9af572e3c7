import { describe, expect, it } from 'vitest';
import { isNearViewport } from '@/lib/page/viewport';

const at = (top: number, height = 20, width = 200) => ({ getBoundingClientRect: () => ({ top, bottom: top + height, width, height }) });

describe('isNearViewport', () => {
  it('is true on screen and within one screen above or below it', () => {
    expect(isNearViewport(at(100), 900)).toBe(true);
    expect(isNearViewport(at(1700), 900)).toBe(true); // just below the fold
    expect(isNearViewport(at(-880), 900)).toBe(true); // just scrolled past
  });

  it('is false further away, and for a quote with no box', () => {
    expect(isNearViewport(at(1801), 900)).toBe(false);
    expect(isNearViewport(at(-1000), 900)).toBe(false);
    expect(isNearViewport(at(100, 0, 0), 900)).toBe(false);
    expect(isNearViewport(at(5000), 900, 5000)).toBe(true); // a wider margin
  });
});
