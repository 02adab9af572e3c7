// The stored form of a source's index must give back exactly the index data it was made from,
// for every address of the State of the Union library, read against the stored library lexicon,
// and be smaller than the text, lexicon included.
import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { buildSourceIndex, LibraryIndex, checkQuote } from '../../../lib/match/index';
import type { SourceIndexData } from '../../../lib/match/library-index';
import { Lexicon } from '../../../lib/match/lexicon';
import { packSourceIndex, unpackSourceIndex } from '../../../lib/match/packed-index';
import { packLexicon, unpackLexicon } from '../../../lib/match/packed-lexicon';
import { loadSotuLibrary } from '../../../scripts/eval/library';
import { loadGold, loadSources } from './corpus';

function firstDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Math.min(a.length, b.length);
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return i;
  return -1;
}

/** Each token's number in `lexicon`, interning new words: what writeIndexRows does against the stored lexicon. */
function numbersIn(lexicon: Lexicon, data: SourceIndexData): Uint32Array {
  return Uint32Array.from(data.tokenWords, (w) => lexicon.intern(data.vocabulary[w]));
}

/** The first token whose key differs between two index data, or -1. */
function firstKeyDifference(a: SourceIndexData, b: SourceIndexData): number {
  if (a.tokenWords.length !== b.tokenWords.length) return Math.min(a.tokenWords.length, b.tokenWords.length);
  for (let i = 0; i < a.tokenWords.length; i++) if (a.vocabulary[a.tokenWords[i]] !== b.vocabulary[b.tokenWords[i]]) return i;
  return -1;
}

function roundTrip(sources: ReturnType<typeof loadSources>) {
  const writer = new Lexicon();
  const built = sources.map((s) => buildSourceIndex(s));
  const rows = built.map((d) => packSourceIndex(d, numbersIn(writer, d), 'g1'));
  const storedLexicon = structuredClone(packLexicon(writer.keys, 'g1'));
  const reader = Lexicon.fromKeys(unpackLexicon(storedLexicon));
  return { built, rows, storedLexicon, reader };
}

describe('packed source index', () => {
  it('round-trips every SOTU address exactly and, with the lexicon, is under 0.7 of the text', () => {
    const library = loadSotuLibrary();
    const { built, rows, storedLexicon, reader } = roundTrip(library);
    let storedBytes = serialize(storedLexicon).byteLength;
    let textBytes = 0;
    const encoder = new TextEncoder();
    library.forEach((s, k) => {
      const data = built[k];
      storedBytes += serialize(rows[k]).byteLength;
      textBytes += encoder.encode(s.text).byteLength;
      const back = unpackSourceIndex(structuredClone(rows[k]), reader);
      // Compared by hand: deep equality over millions of array elements is too slow in the runner.
      expect(back.vocabulary, s.id).toBe(reader.keys);
      expect(firstKeyDifference(back, data), s.id).toBe(-1);
      expect(firstDifference(back.tokenStarts, data.tokenStarts), s.id).toBe(-1);
      expect(firstDifference(back.tokenEnds, data.tokenEnds), s.id).toBe(-1);
      expect(firstDifference(back.fingerprints, data.fingerprints), s.id).toBe(-1);
      expect(firstDifference(back.fingerprintPositions, data.fingerprintPositions), s.id).toBe(-1);
      expect(JSON.stringify(back.passages) === JSON.stringify(data.passages), s.id).toBe(true);
    });
    // 28 k words: the word numbers fit 16 bits.
    expect(rows.every((r) => r.words instanceof Uint16Array)).toBe(true);
    // Every row and the lexicon, as the structured-clone serialiser writes them, against the text's UTF-8 bytes.
    expect(storedBytes / textBytes).toBeLessThan(0.7);
  }, 120_000);

  it('keeps odd offsets: ligatures, long gaps, an empty source, and 32-bit word numbers', () => {
    const texts = ['ﬁnal ﬂow — "the ﬁrst"', `a${' '.repeat(5000)}b c`, '', 'twenty-seven can’t 1,000.5 and…done'];
    const lexicon = new Lexicon();
    for (let i = 0; i < 70_000; i++) lexicon.intern(`filler${i}`); // pushes this library's word numbers past 16 bits
    texts.forEach((text, i) => {
      const data = buildSourceIndex({ ...loadSources()[0], id: `odd-${i}`, text });
      const row = packSourceIndex(data, numbersIn(lexicon, data), 'g');
      if (data.tokenWords.length > 0) expect(row.words).toBeInstanceOf(Uint32Array);
      const back = unpackSourceIndex(structuredClone(row), lexicon);
      expect(firstKeyDifference(back, data)).toBe(-1);
      expect(back.tokenStarts).toEqual(data.tokenStarts);
      expect(back.tokenEnds).toEqual(data.tokenEnds);
      expect(back.fingerprints).toEqual(data.fingerprints);
      expect(back.fingerprintPositions).toEqual(data.fingerprintPositions);
      expect(back.passages).toEqual(data.passages);
    });
  });

  it('gives an index that answers the gold quotes as the built one does, whatever order the lexicon numbers words in', () => {
    const sources = loadSources();
    const built = LibraryIndex.fromSources(sources);
    const { rows, reader } = roundTrip(sources);
    // A lexicon written in another order (as imports in another order would): the same keys, reversed.
    const reversed = Lexicon.fromKeys([...reader.keys].reverse());
    for (const lexicon of [reader, reversed]) {
      const loaded = new LibraryIndex(lexicon);
      const items = sources.map((source, k) => {
        const data = unpackSourceIndex(rows[k], reader);
        // Rows read against the reversed lexicon: renumber their words as that lexicon's.
        const words = lexicon === reader ? data.tokenWords : Uint32Array.from(data.tokenWords, (w) => reader.size - 1 - w);
        return { source, data: lexicon === reader ? data : unpackSourceIndex(packSourceIndex(data, words, 'r'), lexicon) };
      });
      loaded.addAll(items);
      for (const q of loadGold().quotes) expect(checkQuote(loaded, q.query)).toEqual(checkQuote(built, q.query));
    }
  });

  it('refuses a cut-off row, missing word numbers and a word the lexicon lacks', () => {
    const data = buildSourceIndex(loadSources()[0]);
    const lexicon = new Lexicon();
    const row = packSourceIndex(data, numbersIn(lexicon, data), 'g');
    expect(() => unpackSourceIndex({ ...row, offsets: row.offsets.subarray(0, row.offsets.length - 1) }, lexicon)).toThrow();
    expect(() => unpackSourceIndex({ ...row, offsets: Uint8Array.of(...row.offsets, 0) }, lexicon)).toThrow();
    expect(() => unpackSourceIndex({ ...row, words: row.words.subarray(1) }, lexicon)).toThrow();
    const short = Lexicon.fromKeys(lexicon.keys.slice(0, lexicon.size - 1));
    expect(() => unpackSourceIndex(row, short)).toThrow(/not in the lexicon/);
  });

  it('refuses a passage table whose lengths disagree, and makes the passages once, on first use', () => {
    const data = buildSourceIndex(loadSources().find((s) => s.id === 'hmicfrs-report-2023')!);
    const lexicon = new Lexicon();
    const row = packSourceIndex(data, numbersIn(lexicon, data), 'g');
    const { passages } = row;
    expect(() => unpackSourceIndex({ ...row, passages: { ...passages, bounds: passages.bounds.subarray(2) } }, lexicon)).toThrow(/passage/);
    expect(() => unpackSourceIndex({ ...row, passages: { ...passages, sections: [] } }, lexicon)).toThrow(/passage/);
    expect(() => unpackSourceIndex({ ...row, passages: data.passages as never }, lexicon)).toThrow(/passages/);
    const back = unpackSourceIndex(structuredClone(row), lexicon);
    expect(back.passages).toEqual(data.passages);
    expect(back.passages).toBe(back.passages);
  });
});

describe('packed lexicon', () => {
  it('round-trips words in order, and refuses a damaged or inconsistent row', () => {
    const keys = ['the', 'can’t', '1,000.5', 'ﬁnal', 'über'];
    const stored = structuredClone(packLexicon(keys, 'g7'));
    expect(stored.generation).toBe('g7');
    expect(unpackLexicon(stored)).toEqual(keys);
    expect(unpackLexicon(packLexicon([], 'g'))).toEqual([]);
    const flipped = stored.words.slice();
    flipped[1] ^= 1;
    expect(() => unpackLexicon({ ...stored, words: flipped })).toThrow(/checksum/);
    expect(() => unpackLexicon({ ...stored, size: 4 })).toThrow();
    expect(() => Lexicon.fromKeys(['a', 'b', 'a'])).toThrow();
  });
});
