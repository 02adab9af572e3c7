// @vitest-environment node
// A quote's word numbers, remembered by key (LibraryIndex.wordNumbers), must be the lexicon's own
// answer (idOf, a distinct negative number for an absent word) for every key, present or absent,
// the same key twice in a quote, and after the lexicon has grown to hold a key that was absent before.
import { describe, expect, it } from 'vitest';
import { LibraryIndex } from '../../../lib/match/library-index';
import { createRng } from '../../../scripts/eval/prng';
import { loadSotuLibrary } from '../../../scripts/eval/library';
import { madeSource as source } from './made-sources';

/** The word numbers worked out afresh from the lexicon, nothing remembered. */
function plainNumbers(index: LibraryIndex, keys: readonly string[]): Int32Array {
  return Int32Array.from(keys, (key, i) => {
    const id = index.lexicon.idOf(key);
    return id >= 0 ? id : -1 - i;
  });
}

describe('LibraryIndex.wordNumbers', () => {
  it('answers as the lexicon does, before and after it grows', () => {
    const index = LibraryIndex.fromSources([source('a', 'the police said the report was late'), source('b', 'a report on the forces')]);
    const quote = ['the', 'report', 'zebra', 'forces', 'zebra', 'quagga', 'the'];
    expect(index.wordNumbers(quote)).toEqual(plainNumbers(index, quote));
    expect(Array.from(index.wordNumbers(quote)).slice(2, 6)).toEqual([-3, index.lexicon.idOf('forces'), -5, -6]);
    // Asked again (remembered), then once the lexicon holds the absent words.
    expect(index.wordNumbers(quote)).toEqual(plainNumbers(index, quote));
    index.add(source('c', 'a zebra and a quagga'));
    const after = index.wordNumbers(quote);
    expect(after).toEqual(plainNumbers(index, quote));
    expect(after[2]).toBeGreaterThanOrEqual(0);
    expect(after[5]).toBeGreaterThanOrEqual(0);
  });

  it('answers as the lexicon does for random quotes of the State of the Union library and made-up words, more keys than it keeps', () => {
    const index = LibraryIndex.fromSources(loadSotuLibrary());
    const keys = index.lexicon.keys;
    const rng = createRng(3);
    for (let round = 0; round < 2000; round++) {
      const quote = Array.from({ length: rng.int(1, 40) }, () => (rng.int(0, 9) === 0 ? `made${rng.int(0, 500)}` : keys[rng.int(0, keys.length - 1)]));
      const got = index.wordNumbers(quote);
      const want = plainNumbers(index, quote);
      if (got.some((w, i) => w !== want[i])) expect({ quote, got: Array.from(got) }).toEqual({ quote, got: Array.from(want) });
    }
  }, 60_000);
});
