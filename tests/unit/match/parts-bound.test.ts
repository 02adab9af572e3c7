// @vitest-environment node
// The bound of a quote in parts looks for the other parts only in the windows judgeParts searches
// on each side of the anchor (sideWindows). Quotes whose parts sit at the far ends of those
// windows (gaps at and past each mark's limit, edge words changed, words of the parts changed)
// must get the answer the unpruned check gives.
import { describe, expect, it } from 'vitest';
import { checkQuote, checkQuoteUnpruned } from '../../../lib/match/check-quote';
import { LibraryIndex } from '../../../lib/match/library-index';
import { MAX_BRACKET_REPLACED_WORDS, MAX_ELISION_GAP_WORDS } from '../../../lib/match/thresholds';
import type { QuoteQuery, Source } from '../../../lib/types';
import { createRng } from '../../../scripts/eval/prng';

const SYLLABLES = ['ka', 'lo', 'mir', 'tesh', 'vu', 'dan', 'rel', 'po', 'sin', 'gor', 'bel', 'tu'];

describe('the bound of a quote in parts', () => {
  it('answers as the unpruned check when the parts sit at the ends of their windows', () => {
    const rng = createRng(41);
    const word = (): string => rng.pick(SYLLABLES) + rng.pick(SYLLABLES) + rng.pick(SYLLABLES);
    const words = (n: number): string[] => Array.from({ length: n }, word);
    const marks: Array<{ text: string; gap: number }> = [
      { text: '…', gap: MAX_ELISION_GAP_WORDS },
      { text: '[the council]', gap: MAX_BRACKET_REPLACED_WORDS },
    ];
    let found = 0;
    let quotes = 0;
    for (let round = 0; round < 120; round++) {
      // One source: filler, then the quote's parts with gaps around each limit, then filler.
      const partCount = rng.int(2, 4);
      // One part is the anchor (long, found through its k-grams); the others come out with every
      // third word changed, so they share no run of three words (no chain of their own) and are
      // found only from the anchor, in the windows the bound must cover.
      const anchor = rng.int(0, partCount - 1);
      const parts = Array.from({ length: partCount }, (_, p) => words(p === anchor ? rng.int(8, 16) : rng.int(3, 12)));
      const seps = Array.from({ length: partCount }, () => rng.pick(marks));
      const body: string[] = [...words(rng.int(0, 30))];
      for (let p = 0; p < partCount; p++) {
        if (p > 0) {
          const limit = seps[p].gap;
          body.push(...words(Math.max(0, limit + rng.int(-4, 2))));
        }
        body.push(...parts[p]);
      }
      body.push(...words(rng.int(0, 12)));
      const source: Source = {
        id: `src-${round}`, type: 'speech', title: `Source ${round}`, publisher: null, author: null, speaker: null, published: null,
        url: null, licence: null, coverage: null, excerpt: false, origin: 'file', text: `${body.join(' ')}.`,
      };
      // A few decoys holding one part each, so that some chains anchor where the rest is not.
      const decoys: Source[] = Array.from({ length: 3 }, (_, d) => ({
        ...source, id: `decoy-${round}-${d}`, title: `Decoy ${d}`,
        text: `${[...words(rng.int(0, 20)), ...rng.pick(parts), ...words(rng.int(0, 20))].join(' ')}.`,
      }));
      const index = LibraryIndex.fromSources([source, ...decoys]);
      for (let variant = 0; variant < 8; variant++) {
        // The quote: each part with some words changed (edges most often), joined by its mark.
        const third = rng.int(0, 2);
        const quoted = parts.map((p, k) =>
          k === anchor
            ? p.map((w, i) => (rng.chance(i === 0 || i === p.length - 1 ? 0.3 : 0.05) ? word() : w))
            : p.map((w, i) => (i % 3 === third || rng.chance(0.05) ? word() : w)),
        );
        if (rng.chance(0.3)) quoted[0] = [...words(rng.int(1, 3)), ...quoted[0]];
        if (rng.chance(0.3)) quoted[partCount - 1] = [...quoted[partCount - 1], ...words(rng.int(1, 3))];
        let text = quoted[0].join(' ');
        for (let p = 1; p < partCount; p++) text += ` ${seps[p].text} ${quoted[p].join(' ')}`;
        const q: QuoteQuery = { text, attribution: null, before: '', after: '' };
        const pruned = checkQuote(index, q);
        expect(pruned, text).toEqual(checkQuoteUnpruned(index, q));
        if (pruned.verdict !== 'not_found') found++;
        quotes++;
      }
    }
    // Enough of them found, and enough not, to mean something.
    expect(found).toBeGreaterThan(quotes / 4);
    expect(found).toBeLessThan(quotes);
  }, 120_000);
});
