// @vitest-environment node
// What short quotes read instead of each source's own tables: a word's positions gathered across
// the library (placesOfWord, against positionsOf for every word, across removals and additions),
// and the context stems each source holds (stemsHeldBy, against a count over the source's words,
// and as a bound: a source holding too few supports no place).
import { describe, expect, it } from 'vitest';
import { articleContext, contextSupports, ContextStems } from '../../../lib/match/context';
import { LibraryIndex, positionsOf } from '../../../lib/match/library-index';
import type { Source } from '../../../lib/types';
import { loadSotuLibrary } from '../../../scripts/eval/library';
import { contextSamples, loadSources } from './corpus';

const corpus = loadSources();

function expectPlacesAsPositions(index: LibraryIndex): number {
  let words = 0;
  for (let w = 0; w < index.lexicon.size; w++) {
    const places = index.placesOfWord(w);
    const slots = index.sourcesWithWord(w);
    if (places === null) continue; // too common to gather: the caller searches each source
    expect(places.slots).toEqual(slots);
    expect(places.starts.length).toBe(slots.length + 1);
    for (let i = 0; i < slots.length; i++) {
      const want = positionsOf(index.entry(slots[i])!, w);
      expect(want.length).toBeGreaterThan(0);
      expect(places.positions.subarray(places.starts[i], places.starts[i + 1])).toEqual(want);
    }
    words++;
  }
  return words;
}

describe('placesOfWord', () => {
  it('gives each source’s positions of every word, before and after sources change', () => {
    const sources: Source[] = [...corpus, ...loadSotuLibrary(3)];
    const index = LibraryIndex.fromSources(sources);
    expect(expectPlacesAsPositions(index)).toBeGreaterThan(5000);
    // Asked again (from the cache), then after a removal and an addition.
    expect(expectPlacesAsPositions(index)).toBeGreaterThan(5000);
    index.remove(sources[1].id);
    expectPlacesAsPositions(index);
    index.add(sources[1]);
    expectPlacesAsPositions(index);
    expect(index.placesOfWord(-1)?.slots ?? []).toEqual([]);
  }, 60_000);
});

describe('ContextStems.stemsHeldBy', () => {
  const index = LibraryIndex.fromSources(corpus);
  const lx = index.lexicon;
  const sourcesWithWord = (w: number) => index.sourcesWithWord(w);
  const texts = corpus.map((s) => s.text);

  it('counts the context stems a source holds, and no place of a source holding too few is supported', () => {
    let below = 0;
    let above = 0;
    for (const { before, after } of contextSamples(texts)) {
      const ctx = articleContext(before, after, 10);
      const stems = ContextStems.of(before, after, 10, lx);
      for (const near of [0, 4]) {
        // The stems that can support a place: all, or those of the `near` nearest article words.
        const eligible = new Set<number>();
        for (const side of [ctx.before, ctx.after]) {
          side.forEach((st, i) => {
            const id = st ? lx.stemIdOf(st) : -1;
            if (id >= 0 && (near === 0 || i < near)) eligible.add(id);
          });
        }
        for (const s of corpus) {
          const entry = index.entryById(s.id)!;
          const held = new Set<number>();
          for (const w of entry.words) if (!lx.stop[w] && eligible.has(lx.stemOf[w])) held.add(lx.stemOf[w]);
          const got = stems.stemsHeldBy(entry.slot, near, lx, sourcesWithWord);
          expect(got).toBe(held.size);
          if (got < 2) {
            below++;
            for (let s0 = 0; s0 < entry.words.length; s0++) {
              for (const len of [1, 2]) expect(contextSupports(ctx, entry, s0, Math.min(entry.words.length, s0 + len), 12, near, 2)).toBe(false);
            }
          } else {
            above++;
          }
        }
      }
    }
    expect(below).toBeGreaterThan(10); // both answers were seen
    expect(above).toBeGreaterThan(10);
  }, 60_000);
});
