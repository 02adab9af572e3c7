// @vitest-environment node
// A cold load stems the library lexicon in pieces while it waits for its reads (Lexicon.stemMore);
// the stems, their numbers and the words of each stem must be those of stemming all at once.
import { describe, expect, it } from 'vitest';
import { Lexicon } from '../../../lib/match/lexicon';
import { LibraryIndex } from '../../../lib/match/library-index';
import { lightStem } from '../../../lib/text/stopwords';
import { loadSotuLibrary } from '../../../scripts/eval/library';
import { stemWordsOf } from './lexicon-fields';

describe('Lexicon.stemMore', () => {
  it('in pieces of any size gives the stems of stemming all at once, over the State of the Union lexicon', () => {
    const keys = LibraryIndex.fromSources(loadSotuLibrary(60)).lexicon.keys;
    expect(keys.length).toBeGreaterThan(10_000);
    const whole = Lexicon.fromKeys(keys);
    const expected = { stemOf: [...whole.stemOf], stems: [...whole.stems], stemWords: stemWordsOf(whole) };
    expect(expected.stems.length).toBeLessThan(keys.length); // some words do share a stem
    for (const piece of [1, 7, 1500, keys.length + 1]) {
      const lx = Lexicon.fromKeys(keys);
      let pieces = 0;
      while (lx.stemMore(piece)) pieces++;
      expect(pieces).toBe(Math.ceil(keys.length / piece) - 1);
      expect([...lx.stemOf]).toEqual(expected.stemOf);
      expect([...lx.stems]).toEqual(expected.stems);
      expect(stemWordsOf(lx)).toEqual(expected.stemWords);
    }
    for (let id = 0; id < keys.length; id += 97) expect(expected.stems[expected.stemOf[id]]).toBe(lightStem(keys[id]));
  });

  it('stopped part-way, the rest follow on first use; words interned later are stemmed too', () => {
    const lx = Lexicon.fromKeys(['reports', 'report', 'reported', 'highlights']);
    expect(lx.stemMore(2)).toBe(true);
    lx.intern('highlighted');
    expect(lx.stemIdOf('report')).toBeGreaterThanOrEqual(0);
    expect(lx.stemOf[lx.idOf('highlighted')]).toBe(lx.stemOf[lx.idOf('highlights')]);
    expect(lx.stemMore(10)).toBe(false);
    expect([...lx.stemGroups.of(lx.stemOf[0])]).toEqual([0, 1, 2]);
  });
});
