// Painting batch by batch ends with the same highlights as painting everything at once.
import { describe, expect, it } from 'vitest';
import { type PaintedQuote, addHighlights, clearHighlights, paintHighlights } from '../../../lib/page/highlights';
import { VERDICTS } from '../../../lib/types';

/** A window with a highlight registry: a Map, and Highlight as a Set of ranges with a priority. */
function fakeWindow(): Window & typeof globalThis {
  class Highlight extends Set<Range> {
    priority = 0;
    constructor(...ranges: Range[]) {
      super(ranges);
    }
  }
  return { CSS: { highlights: new Map() }, Highlight } as unknown as Window & typeof globalThis;
}

function contents(win: Window & typeof globalThis): Record<string, { ranges: Range[]; priority: number }> {
  const out: Record<string, { ranges: Range[]; priority: number }> = {};
  const registry = (win.CSS as unknown as { highlights: Map<string, Set<Range> & { priority: number }> }).highlights;
  for (const [name, h] of registry) out[name] = { ranges: [...h].sort((a, b) => (a as unknown as { n: number }).n - (b as unknown as { n: number }).n), priority: h.priority };
  return out;
}

const quotes: PaintedQuote[] = Array.from({ length: 60 }, (_, n) => ({
  verdict: VERDICTS[n % VERDICTS.length],
  short: n % 5 === 0,
  range: n % 11 === 0 ? null : ({ n } as unknown as Range),
}));

describe('addHighlights', () => {
  it('gives, batch by batch, the highlights that painting them all at once gives', () => {
    const once = fakeWindow();
    paintHighlights(once, quotes);
    const batched = fakeWindow();
    paintHighlights(batched, quotes.slice(0, 12));
    addHighlights(batched, quotes.slice(12, 36));
    addHighlights(batched, []);
    addHighlights(batched, quotes.slice(36));
    expect(contents(batched)).toEqual(contents(once));
    expect(Object.keys(contents(once)).length).toBeGreaterThan(7);
  });

  it('after a clear, starts afresh', () => {
    const win = fakeWindow();
    paintHighlights(win, quotes);
    clearHighlights(win);
    expect(contents(win)).toEqual({});
    addHighlights(win, quotes.slice(0, 3));
    const fresh = fakeWindow();
    paintHighlights(fresh, quotes.slice(0, 3));
    expect(contents(win)).toEqual(contents(fresh));
  });
});
