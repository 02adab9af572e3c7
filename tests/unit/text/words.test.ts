// hasWords counts ASCII text with a scan of its own: it must agree with the word expression
// (countWords) on any text, for any minimum.
import { describe, expect, it } from 'vitest';
import { countWords, hasWords } from '../../../lib/text/words';
import { createRng } from '../../../scripts/eval/prng';
import { loadSotuLibrary } from '../../../scripts/eval/library';

describe('hasWords', () => {
  it('agrees with countWords on random text of joiners, marks and letters of every kind', () => {
    const pieces = [
      ...'abZ09', ' ', '  ', '\n', "'", '’', '-', '‐', '‑', '--', "''", '“', '”', '‘', '—', '–', '…', '.', ',',
      'é', 'e\u0301', '\u0301', 'ß', '١', '²', 'Ⅻ', '😀', '\u00A0', 'word', "can't", 'well-known', 'x-', '-y',
    ];
    const rng = createRng(31);
    const seen = new Set<number>();
    for (let round = 0; round < 30000; round++) {
      let text = '';
      for (let k = rng.int(0, 12); k > 0; k--) text += rng.pick(pieces);
      const count = countWords(text);
      seen.add(Math.min(count, 6));
      for (let min = 0; min <= 6; min++) {
        if (hasWords(text, min) !== count >= min) expect({ text, min, has: hasWords(text, min) }).toEqual({ text, min, has: count >= min });
      }
    }
    expect(seen.size).toBe(7); // texts of 0 to 6 words and more all came up
  });

  it('agrees with countWords on every paragraph of the SOTU library', () => {
    for (const source of loadSotuLibrary().slice(0, 40)) {
      for (const p of source.text.split('\n\n')) {
        const count = countWords(p);
        for (const min of [1, 4, count, count + 1]) expect(hasWords(p, min)).toBe(count >= min);
      }
    }
  }, 60_000);
});
