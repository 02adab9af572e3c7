// The stored form of a source's index must give back exactly the index data it was made from,
// for every address of the State of the Union library, and be smaller than the text.
import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { buildSourceIndex, LibraryIndex, checkQuote } from '../../../lib/match/index';
import { packSourceIndex, unpackSourceIndex } from '../../../lib/match/packed-index';
import { loadSotuLibrary } from '../../../scripts/eval/library';
import { loadGold, loadSources } from './corpus';

function firstDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Math.min(a.length, b.length);
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return i;
  return -1;
}

describe('packed source index', () => {
  it('round-trips every SOTU address exactly and is under half the text', () => {
    const library = loadSotuLibrary();
    let packedBytes = 0;
    let textBytes = 0;
    const encoder = new TextEncoder();
    for (const s of library) {
      const data = buildSourceIndex(s);
      const stored = packSourceIndex(data);
      packedBytes += serialize(stored).byteLength;
      textBytes += encoder.encode(s.text).byteLength;
      const back = unpackSourceIndex(structuredClone(stored));
      // Compared by hand: deep equality over millions of array elements is too slow in the runner.
      expect(firstDifference(back.tokenStarts, data.tokenStarts), s.id).toBe(-1);
      expect(firstDifference(back.tokenEnds, data.tokenEnds), s.id).toBe(-1);
      expect(firstDifference(back.tokenWords, data.tokenWords), s.id).toBe(-1);
      expect(firstDifference(back.fingerprints, data.fingerprints), s.id).toBe(-1);
      expect(firstDifference(back.fingerprintPositions, data.fingerprintPositions), s.id).toBe(-1);
      expect(back.vocabulary.join('\n') === data.vocabulary.join('\n'), s.id).toBe(true);
      expect(JSON.stringify(back.passages) === JSON.stringify(data.passages), s.id).toBe(true);
    }
    // The whole stored row, as the structured-clone serialiser writes it, against the text's UTF-8 bytes.
    expect(packedBytes / textBytes).toBeLessThan(0.85);
  }, 120_000);

  it('keeps odd offsets: ligatures, long gaps, an empty source', () => {
    const texts = ['ﬁnal ﬂow — "the ﬁrst"', `a${' '.repeat(5000)}b c`, '', 'twenty-seven can’t 1,000.5 and…done'];
    texts.forEach((text, i) => {
      const data = buildSourceIndex({ ...loadSources()[0], id: `odd-${i}`, text });
      expect(unpackSourceIndex(packSourceIndex(data))).toEqual(data);
    });
  });

  it('gives an index that answers the gold quotes as the built one does', () => {
    const sources = loadSources();
    const built = LibraryIndex.fromSources(sources);
    const loaded = new LibraryIndex();
    for (const s of sources) loaded.add(s, unpackSourceIndex(packSourceIndex(buildSourceIndex(s))));
    for (const q of loadGold().quotes) expect(checkQuote(loaded, q.query)).toEqual(checkQuote(built, q.query));
  });

  it('refuses a cut-off row', () => {
    const data = buildSourceIndex(loadSources()[0]);
    const stored = packSourceIndex(data);
    expect(() => unpackSourceIndex({ ...stored, packed: stored.packed.subarray(0, stored.packed.length - 1) })).toThrow();
  });
});
