// @vitest-environment node
// LibraryIndex.slotOf answers from a table by stretches of token numbers; it must name the slot a
// plain search of the sources' first tokens names, for every token of the library, after sources
// of any size (empty ones included) are placed together or one by one, and after one is removed.
import { describe, expect, it } from 'vitest';
import { LibraryIndex } from '../../../lib/match/library-index';
import { loadSotuLibrary } from '../../../scripts/eval/library';
import { randomSources } from './made-sources';

/** The slot whose tokens hold token t: the last source starting at or before it, by a plain scan. */
function plainSlotOf(starts: readonly number[], t: number): number {
  let found = 0;
  for (let s = 0; s < starts.length; s++) if (starts[s] <= t) found = s;
  return found;
}

/** Every token number of the library up to one past the last source's end (`starts`: each slot's first token). */
function expectPlainEverywhere(index: LibraryIndex, starts: readonly number[], end: number): void {
  for (let t = 0; t <= end; t++) {
    const want = plainSlotOf(starts, t);
    if (index.slotOf(t) !== want) expect(index.slotOf(t)).toBe(want); // one expect per miss, not per token
  }
}

describe('LibraryIndex.slotOf', () => {
  it('names the slot of every token of sources of random sizes, placed one by one and all at once', () => {
    // Mostly small sources, some empty, a few longer than the table's stretch of 4,096 tokens.
    const sources = randomSources(7, 60, [0, 1, 2, 5, 40, 300, 5000, 9000]);
    const together = LibraryIndex.fromSources(sources);
    const oneByOne = new LibraryIndex();
    const starts: number[] = [];
    let end = 0;
    for (let k = 0; k < sources.length; k++) {
      oneByOne.add(sources[k]);
      const entry = oneByOne.entry(k)!;
      expect(together.entry(k)!.base).toBe(entry.base);
      starts.push(entry.base);
      end = entry.base + entry.words.length;
      // The table is made again as sources come: ask between additions.
      if (k % 7 === 0) expectPlainEverywhere(oneByOne, starts, end);
    }
    expect(end).toBeGreaterThan(4 * 4096);
    expectPlainEverywhere(oneByOne, starts, end);
    expectPlainEverywhere(together, starts, end);
    // A removed source keeps its token numbers (its postings are gone): the slots stay as they were.
    oneByOne.remove('s3');
    expectPlainEverywhere(oneByOne, starts, end);
  });

  it('names the slot of every token of the State of the Union addresses', () => {
    const index = LibraryIndex.fromSources(loadSotuLibrary(40));
    const slots = index.size;
    const last = index.entry(slots - 1)!;
    let checked = 0;
    let slot = 0;
    for (let t = 0; t <= last.base + last.words.length; t++) {
      while (slot + 1 < slots && index.entry(slot + 1)!.base <= t) slot++;
      if (index.slotOf(t) !== slot) expect(index.slotOf(t)).toBe(slot);
      checked++;
    }
    expect(checked).toBeGreaterThan(100_000);
  });
});
