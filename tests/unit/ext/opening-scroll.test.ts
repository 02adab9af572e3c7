import { describe, expect, it } from 'vitest';
import { openingScroll, placeBeside } from '../../../lib/page/hit-test';

const viewport = { width: 1280, height: 900 };
const QUOTE_TOP = 72;

/** Where the quote is after scrolling by `by`, and whether the card then fits whole beside it. */
function fitsAfter(target: { top: number; bottom: number }, height: number, by: number): boolean {
  const moved = { left: 0, top: target.top - by, bottom: target.bottom - by };
  return placeBeside(moved, { width: 440, height }, viewport).maxHeight >= height;
}

describe('scrolling when a card opens', () => {
  it('does not scroll when the card fits above or below its quote', () => {
    expect(openingScroll({ top: 100, bottom: 140 }, 400, viewport, { y: 500, max: 5000 }, QUOTE_TOP)).toBe(0);
    expect(openingScroll({ top: 700, bottom: 740 }, 400, viewport, { y: 500, max: 5000 }, QUOTE_TOP)).toBe(0);
  });

  it('takes the smaller movement: a card 2 px too tall for the room above moves the quote down 2 px, not up', () => {
    // The not-found card of the reference article at a 900 px window: 439 px tall, 438 px above the quote.
    const target = { top: 453.7, bottom: 499.9 };
    const by = openingScroll(target, 439.4, viewport, { y: 198, max: 5000 }, QUOTE_TOP);
    expect(by).toBeLessThan(0);
    expect(by).toBeGreaterThan(-10);
    expect(fitsAfter(target, 439.4, by)).toBe(true);
  });

  it('moves the quote up when the room below is nearer, or when the page cannot scroll up', () => {
    const target = { top: 420, bottom: 460 };
    const up = openingScroll(target, 450, viewport, { y: 300, max: 5000 }, QUOTE_TOP);
    expect(up).toBeGreaterThan(0);
    expect(fitsAfter(target, 450, up)).toBe(true);
    // At the top of the page only moving the quote up can help.
    const high = { top: 460, bottom: 500 };
    const atTop = openingScroll(high, 450, viewport, { y: 0, max: 5000 }, QUOTE_TOP);
    expect(atTop).toBeGreaterThan(0);
    expect(fitsAfter(high, 450, atTop)).toBe(true);
  });

  it('never brings the quote above the sticky-header line, and brings it there when nothing else fits', () => {
    const target = { top: 300, bottom: 340 };
    // 860 px of card fits on neither side of a 40 px quote in a 900 px window, wherever the quote is:
    // the quote goes up to the line, leaving the room below as large as it can be.
    expect(openingScroll(target, 860, viewport, { y: 1000, max: 5000 }, QUOTE_TOP)).toBe(300 - QUOTE_TOP);
    // At the end of the page it can only scroll as far as the page goes.
    expect(openingScroll(target, 860, viewport, { y: 4950, max: 5000 }, QUOTE_TOP)).toBe(50);
  });
});
