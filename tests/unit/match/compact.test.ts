// LibraryIndex.compact: each source's fingerprints go once the postings hold them; every lookup
// and answer stays, and a removal afterwards still takes all of the source's postings.
import { describe, expect, it } from 'vitest';
import { LibraryIndex, buildSourceIndex, checkQuote } from '../../../lib/match/index';
import { Lexicon } from '../../../lib/match/lexicon';
import { packSourceIndex, unpackSourceIndex } from '../../../lib/match/packed-index';
import type { QuoteQuery, Source } from '../../../lib/types';
import { loadSotuLibrary } from '../../../scripts/eval/library';
import { expectSameNumbers } from '../same-numbers';
import { loadGold, loadSources } from './corpus';

const sources: Source[] = [...loadSources(), ...loadSotuLibrary().slice(0, 30)];
const fingerprintsBySource = sources.map((s) => buildSourceIndex(s).fingerprints);

/** The gold quotes, and from each address a passage as it stands and one with a word changed. */
const queries: QuoteQuery[] = [
  ...loadGold().quotes.map((q) => q.query),
  ...sources.slice(4).flatMap((s) => {
    const at = Math.floor(s.text.length / 3);
    const passage = s.text.slice(at, at + 160);
    return [{ text: passage }, { text: passage.replace(/\b(the|and|of)\b/, 'whatever') }];
  }),
];

/** Every source's fingerprints looked up, as one list of numbers (each answer's length, then the answer). */
function lookups(index: LibraryIndex): number[] {
  const out: number[] = [];
  for (const fps of fingerprintsBySource) {
    for (const h of new Set(fps)) {
      const found = index.lookup(h);
      out.push(found.length, ...found);
    }
  }
  return out;
}

function expectSameAnswers(got: LibraryIndex, want: LibraryIndex): void {
  expectSameNumbers(lookups(got), lookups(want), 'lookups');
  for (const q of queries) expect(checkQuote(got, q), q.text).toEqual(checkQuote(want, q));
}

describe('LibraryIndex.compact', () => {
  it('lets go of every source\'s fingerprints and changes no lookup or answer', () => {
    const plain = LibraryIndex.fromSources(sources);
    const lean = LibraryIndex.fromSources(sources);
    lean.compact();
    let fingerprintBytes = 0;
    for (const s of sources) {
      const kept = plain.sourceData(s.id)!;
      fingerprintBytes += kept.fingerprints.byteLength + kept.fingerprintPositions.byteLength;
      expect(lean.sourceData(s.id)!.fingerprints.length).toBe(0);
      expect(lean.sourceData(s.id)!.fingerprintPositions.length).toBe(0);
      expectSameNumbers(lean.sourceData(s.id)!.tokenStarts, kept.tokenStarts, s.id);
    }
    expect(fingerprintBytes).toBeGreaterThan(100_000);
    expect(plain.typedBytes() - lean.typedBytes()).toBe(fingerprintBytes);
    expectSameAnswers(lean, plain);
  });

  it('leaves an index whose removals and additions answer as in one never compacted', () => {
    const plain = LibraryIndex.fromSources(sources);
    const lean = LibraryIndex.fromSources(sources);
    lean.compact();
    for (const index of [plain, lean]) {
      index.remove(sources[6].id);
      index.add(sources[6]);
      index.remove(sources[1].id);
      index.remove(sources[9].id);
    }
    expectSameAnswers(lean, plain);
    // Compacting again takes the fingerprints of the source added since.
    lean.compact();
    expect(lean.sourceData(sources[6].id)!.fingerprints.length).toBe(0);
    lean.remove(sources[6].id);
    plain.remove(sources[6].id);
    expectSameAnswers(lean, plain);
  });

  it('keeps what a stored row has read so far, and reads the rest as before', () => {
    const lexicon = new Lexicon();
    const rows = sources.map((s) => {
      const built = buildSourceIndex(s);
      const words = Uint32Array.from(built.tokenWords, (w) => lexicon.intern(built.vocabulary[w]));
      return { built, data: unpackSourceIndex(packSourceIndex(built, words, 'g'), lexicon) };
    });
    const plain = LibraryIndex.fromSources(sources);
    const lean = new LibraryIndex(lexicon);
    lean.addAll(sources.map((source, i) => ({ source, data: rows[i].data })));
    const readBefore = lean.sourceData(sources[2].id)!.tokenStarts; // decoded before compacting
    const passagesBefore = lean.sourceData(sources[2].id)!.passages;
    lean.compact();
    expect(lean.sourceData(sources[2].id)!.tokenStarts).toBe(readBefore);
    expect(lean.sourceData(sources[2].id)!.passages).toBe(passagesBefore);
    sources.forEach((s, i) => {
      const data = lean.sourceData(s.id)!;
      expect(data.fingerprints.length, s.id).toBe(0);
      expectSameNumbers(data.tokenStarts, rows[i].built.tokenStarts, `${s.id} starts`);
      expectSameNumbers(data.tokenEnds, rows[i].built.tokenEnds, `${s.id} ends`);
      expect(data.passages, s.id).toEqual(rows[i].built.passages);
    });
    expectSameAnswers(lean, plain);
  });
});
