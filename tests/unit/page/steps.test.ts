import { describe, expect, it } from 'vitest';
import { stepQuote } from '../../../lib/page/steps';

// Listed out of reading order on purpose: the page's list index is not its position on the page.
const stops = [
  { index: 0, start: 10 },
  { index: 2, start: 300 },
  { index: 1, start: 120 },
];

describe('stepQuote', () => {
  it('starts at the first quote going forward and at the last going back', () => {
    expect(stepQuote(stops, null, 'next')).toBe(0);
    expect(stepQuote(stops, null, 'previous')).toBe(2);
  });

  it('steps in reading order and wraps at both ends', () => {
    expect(stepQuote(stops, 0, 'next')).toBe(1);
    expect(stepQuote(stops, 1, 'next')).toBe(2);
    expect(stepQuote(stops, 2, 'next')).toBe(0);
    expect(stepQuote(stops, 0, 'previous')).toBe(2);
    expect(stepQuote(stops, 2, 'previous')).toBe(1);
  });

  it('restarts when the current quote is gone, and answers -1 on a page without quotes', () => {
    expect(stepQuote(stops, 7, 'next')).toBe(0);
    expect(stepQuote([], null, 'next')).toBe(-1);
    expect(stepQuote([{ index: 4, start: 0 }], 4, 'next')).toBe(4);
  });
});
