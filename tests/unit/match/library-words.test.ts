// @vitest-environment node
// The library's words by token number (LibraryIndex.libraryWords) must hold, at every library
// token, the word its source's own array holds there, and the sentinel at every token no source
// holds (between sources, past the last one, a removed source's words); each slot's first token
// and word count must be its entry's. Checked as sources come one by one and all at once, across
// a removal and later additions, when the lexicon outgrows two bytes a word, and over the State
// of the Union library; and the blocks read there must be the blocks read in each source.
import { describe, expect, it } from 'vitest';
import { Candidates } from '../../../lib/match/candidates';
import { hashKey } from '../../../lib/match/fingerprints';
import { LibraryIndex } from '../../../lib/match/library-index';
import { SENTINEL16, SENTINEL32 } from '../../../lib/match/library-words';
import { parseQuote } from '../../../lib/match/quote-parts';
import { loadSotuLibrary } from '../../../scripts/eval/library';
import { madeSource as source, randomSources } from './made-sources';

/** Every token from 0 to one past the last source's end against the sources' own words, by a plain walk of the slots. */
function expectSameWords(index: LibraryIndex, slots: number, removed: ReadonlySet<number> = new Set()): number {
  const library = index.libraryWords();
  // Sources are written on first use: write the rest, as findBlocks would on reaching them.
  for (let s = 0; s < slots; s++) if (library.ready[s] === 0) library.write(s);
  const at = library.at;
  const sentinel = at instanceof Uint16Array ? SENTINEL16 : SENTINEL32;
  const want = new Map<number, number>(); // token → word, for the tokens some live source holds
  let end = 0;
  for (let s = 0; s < slots; s++) {
    const entry = index.entry(s);
    if (removed.has(s)) {
      expect(entry).toBeUndefined();
      expect(library.lengths[s]).toBe(0);
      continue;
    }
    expect(entry).toBeDefined();
    expect(library.starts[s]).toBe(entry!.base);
    expect(library.lengths[s]).toBe(entry!.words.length);
    for (let i = 0; i < entry!.words.length; i++) want.set(entry!.base + i, entry!.words[i]);
    end = Math.max(end, entry!.base + entry!.words.length);
  }
  let misses = 0;
  for (let t = 0; t <= end; t++) {
    const w = want.get(t) ?? sentinel;
    if (at[t] !== w) {
      misses++;
      if (misses < 5) expect({ token: t, word: at[t] }).toEqual({ token: t, word: w });
    }
  }
  expect(misses).toBe(0);
  return end;
}

/** The blocks of `texts` read through the library's words, against the same blocks read source by source. */
function expectSameBlocks(index: LibraryIndex, texts: readonly string[]): number {
  const cands = new Candidates();
  let blocks = 0;
  for (const text of texts) {
    const pq = parseQuote(text);
    const keys = pq.tokens.map((t) => t.key);
    const words = index.wordNumbers(keys);
    cands.findBlocks(index, pq, words, Uint32Array.from(keys, hashKey));
    for (let b = 0; b < cands.blocks; b++) {
      const entry = index.entry(cands.slot[b])!;
      const { q0, q1, s0, s1 } = cands.block(b);
      // A maximal run: equal inside, different (or the source's edge) on both sides.
      for (let k = 0; k < q1 - q0; k++) expect(entry.words[s0 + k]).toBe(words[q0 + k]);
      const part = pq.parts[cands.part[b]];
      expect(q0 === part.from || s0 === 0 || entry.words[s0 - 1] !== words[q0 - 1]).toBe(true);
      expect(q1 === part.to || s1 === entry.words.length || entry.words[s1] !== words[q1]).toBe(true);
      blocks++;
    }
  }
  return blocks;
}

describe('LibraryIndex.libraryWords', () => {
  it('holds every source word at its token and sentinels between, placed one by one, all at once, removed and added', () => {
    const sources = randomSources(11, 40, [0, 1, 2, 3, 5, 40, 300, 2000]);
    const together = LibraryIndex.fromSources(sources);
    // Blocks first, while most sources are not written yet: their neighbours' gaps stop every run.
    expect(expectSameBlocks(together, ['we shall have peace and congress shall'])).toBeGreaterThan(10);
    const library = together.libraryWords();
    const written = sources.filter((_, s) => library.ready[s] === 1 && library.lengths[s] > 0).length;
    expect(written).toBeGreaterThan(0);
    expect(written).toBeLessThan(sources.filter((s) => s.text.length > 0).length);
    expectSameWords(together, sources.length);
    const oneByOne = new LibraryIndex();
    for (let k = 0; k < sources.length; k++) {
      oneByOne.add(sources[k]);
      // Asked between additions, so later sources are written onto an array already made.
      if (k % 6 === 0) expectSameWords(oneByOne, k + 1);
    }
    expectSameWords(oneByOne, sources.length);
    const quotes = ['the nation and the people of the year', 'we shall have peace and congress shall', 'of the people we shall'];
    expect(expectSameBlocks(oneByOne, quotes)).toBeGreaterThan(100);
    // A source of some length removed after it was written, another before it ever was, then more added.
    const gone = sources.findIndex((s) => s.text.length > 200);
    expect(oneByOne.entry(gone)!.words.length).toBeGreaterThan(20);
    oneByOne.remove(`s${gone}`);
    oneByOne.add(source('late1', 'the people shall have peace and the nation of the year'));
    oneByOne.remove('late1');
    oneByOne.add(source('late2', 'congress and the people we shall of the nation'));
    const removed = new Set([gone, sources.length]);
    expectSameWords(oneByOne, sources.length + 2, removed);
    expectSameBlocks(oneByOne, quotes);
    expect(oneByOne.libraryWords().at).toBeInstanceOf(Uint16Array);
  });

  it('goes to four bytes a word when the lexicon reaches 65,535 words, and holds the same words', () => {
    const index = new LibraryIndex();
    index.add(source('small', 'the nation and the people of the year the nation'));
    expectSameWords(index, 1);
    expect(index.libraryWords().at).toBeInstanceOf(Uint16Array);
    // 70,000 distinct made-up words (letters only, so none of them is a number).
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    const made: string[] = [];
    for (let k = 0; made.length < 70_000; k++) {
      let w = 'q';
      for (let v = k; ; v = Math.floor(v / 26) - 1) {
        w += letters[v % 26];
        if (v < 26) break;
      }
      made.push(w);
    }
    index.add(source('large', made.join(' ') + ' the nation and the people'));
    expect(index.lexicon.size).toBeGreaterThanOrEqual(SENTINEL16);
    expectSameWords(index, 2);
    expect(index.libraryWords().at).toBeInstanceOf(Uint32Array);
    index.add(source('after', 'the people of the year and the nation'));
    expectSameWords(index, 3);
    expect(expectSameBlocks(index, ['the nation and the people of the year'])).toBeGreaterThan(2);
  });

  it('holds the words of the State of the Union addresses', () => {
    const index = LibraryIndex.fromSources(loadSotuLibrary());
    expect(expectSameWords(index, index.size)).toBeGreaterThan(1_500_000);
  });
});
