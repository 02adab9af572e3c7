// The loops a cold start runs once per stored row, written for an engine that has not optimised
// them yet, must give exactly what the plain definitions give: fingerprints as
// winnow(kgramHashes(…)) of fingerprints.ts, and a lexicon's stem groups as stemming word by word.
import { describe, expect, it } from 'vitest';
import { hashKey, kgramHash, kgramHashes, kgramHashesInto, widenWinnowTrigramPairsInto, winnow } from '../../../lib/match/fingerprints';
import { LibraryIndex, buildSourceIndex, fingerprintWords } from '../../../lib/match/library-index';
import { Lexicon } from '../../../lib/match/lexicon';
import { packSourceIndex, unpackSourceIndex } from '../../../lib/match/packed-index';
import { loadSotuLibrary } from '../../../scripts/eval/library';
import { expectSameNumbers } from '../same-numbers';
import { stemWordsOf } from './lexicon-fields';

/** Fingerprints the plain way: one hash per token, every k-gram, then winnowing. */
function reference(vocabulary: readonly string[], tokenWords: Uint32Array) {
  const tokenHashes = Uint32Array.from(tokenWords, (w) => hashKey(vocabulary[w]));
  return winnow(kgramHashes(tokenHashes));
}

function pseudoRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0);
}

describe('cold-start fingerprinting', () => {
  it('equals winnow(kgramHashes()) for every address of the State of the Union library', { timeout: 60_000 }, () => {
    const library = loadSotuLibrary();
    expect(library.length).toBe(233);
    let fingerprints = 0;
    for (const source of library) {
      const data = buildSourceIndex(source);
      const hashes = data.vocabulary.map(hashKey);
      const got = fingerprintWords(hashes, data.tokenWords);
      const want = reference(data.vocabulary, data.tokenWords);
      expectSameNumbers(got.hashes, want.hashes, source.id);
      expectSameNumbers(got.positions, want.positions, source.id);
      fingerprints += got.hashes.length;
    }
    expect(fingerprints).toBeGreaterThan(500_000);
  });

  it('equals the plain definitions for every short length, repeated hashes included', () => {
    const next = pseudoRandom(7);
    for (let n = 0; n < 12; n++) {
      for (const vocabularySize of [1, 2, 5]) {
        const vocabulary = Array.from({ length: vocabularySize }, (_, k) => `w${k}`);
        const tokenWords = Uint32Array.from({ length: n }, () => next() % vocabularySize);
        const got = fingerprintWords(vocabulary.map(hashKey), tokenWords);
        const want = reference(vocabulary, tokenWords);
        expect([...got.hashes], `n=${n}`).toEqual([...want.hashes]);
        expect([...got.positions], `n=${n}`).toEqual([...want.positions]);
      }
    }
  });

  it('in one pass (widenWinnowTrigramPairsInto over 32-bit words in place), equals winnow(kgramHashes()) for every address, and every short length', () => {
    const one = (hashes: Uint32Array, tokenWords: Uint32Array) => {
      const outHashes = new Uint32Array(tokenWords.length);
      const outPositions = new Uint32Array(tokenWords.length);
      const kept = widenWinnowTrigramPairsInto(hashes, hashes.length, tokenWords, tokenWords, outHashes, outPositions);
      return { hashes: [...outHashes.subarray(0, kept)], positions: [...outPositions.subarray(0, kept)] };
    };
    let fingerprints = 0;
    for (const source of loadSotuLibrary()) {
      const data = buildSourceIndex(source);
      const got = one(Uint32Array.from(data.vocabulary, hashKey), data.tokenWords);
      const want = reference(data.vocabulary, data.tokenWords);
      expectSameNumbers(got.hashes, want.hashes, source.id);
      expectSameNumbers(got.positions, want.positions, source.id);
      fingerprints += got.hashes.length;
    }
    expect(fingerprints).toBeGreaterThan(500_000);
    const next = pseudoRandom(5);
    for (let n = 0; n < 14; n++) {
      for (const vocabularySize of [1, 2, 3, 7]) {
        const vocabulary = Array.from({ length: vocabularySize }, (_, k) => `v${k}`);
        const tokenWords = Uint32Array.from({ length: n }, () => next() % vocabularySize);
        const want = reference(vocabulary, tokenWords);
        expect(one(Uint32Array.from(vocabulary, hashKey), tokenWords), `n=${n}`).toEqual({ hashes: [...want.hashes], positions: [...want.positions] });
      }
    }
  }, 60_000);

  it('widening stored word numbers in the same pass (widenWinnowTrigramPairsInto) gives the words and winnow(kgramHashes()), 16 or 32 bits wide', () => {
    const one = (hashes: Uint32Array, size: number, stored: Uint16Array | Uint32Array) => {
      const tokenWords = new Uint32Array(stored.length).fill(0xdead);
      const outHashes = new Uint32Array(stored.length);
      const outPositions = new Uint32Array(stored.length);
      const kept = widenWinnowTrigramPairsInto(hashes, size, stored, tokenWords, outHashes, outPositions);
      return { kept, tokenWords: [...tokenWords], hashes: [...outHashes.subarray(0, Math.max(0, kept))], positions: [...outPositions.subarray(0, Math.max(0, kept))] };
    };
    // The whole library against one lexicon, as its stored rows are: every address, both widths.
    const lexicon = new Lexicon();
    const rows = loadSotuLibrary().map((source) => {
      const data = buildSourceIndex(source);
      return { id: source.id, data, words: Uint32Array.from(data.tokenWords, (w) => lexicon.intern(data.vocabulary[w])) };
    });
    expect(lexicon.size).toBeLessThan(0x10000);
    const hashes = Uint32Array.from(lexicon.keys, hashKey);
    let fingerprints = 0;
    for (const { id, data, words } of rows) {
      const want = reference(data.vocabulary, data.tokenWords);
      for (const stored of [Uint16Array.from(words), words.slice()]) {
        const got = one(hashes, lexicon.size, stored);
        expect(got.kept, id).toBe(want.hashes.length);
        expectSameNumbers(got.tokenWords, words, id);
        expectSameNumbers(got.hashes, want.hashes, id);
        expectSameNumbers(got.positions, want.positions, id);
      }
      fingerprints += want.hashes.length;
    }
    expect(fingerprints).toBeGreaterThan(500_000);

    // Short random rows: every length from none, repeated words, a word number past the lexicon anywhere.
    const next = pseudoRandom(13);
    for (let n = 0; n < 14; n++) {
      for (const vocabularySize of [1, 2, 3, 7]) {
        const vocabulary = Array.from({ length: vocabularySize }, (_, k) => `u${k}`);
        const vocabularyHashes = Uint32Array.from(vocabulary, hashKey);
        const words = Uint32Array.from({ length: n }, () => next() % vocabularySize);
        const want = reference(vocabulary, words);
        for (const stored of [Uint16Array.from(words), words.slice()]) {
          expect(one(vocabularyHashes, vocabularySize, stored), `n=${n}`).toEqual({ kept: want.hashes.length, tokenWords: [...words], hashes: [...want.hashes], positions: [...want.positions] });
          for (let at = 0; at < n; at++) {
            const bad = stored.slice();
            bad[at] = vocabularySize + (at % 2);
            expect(one(vocabularyHashes, vocabularySize, bad).kept, `n=${n}, past the lexicon at ${at}`).toBe(-1);
          }
        }
      }
    }
  }, 60_000);

  it('kgramHashesInto gives kgramHash at every start, for k = 3 and other k', () => {
    const next = pseudoRandom(11);
    const keyHashes = Uint32Array.from({ length: 400 }, next);
    keyHashes[5] = 0xffffffff;
    keyHashes[6] = 0x80000000;
    for (const k of [1, 2, 3, 4, 5]) {
      const count = keyHashes.length - k + 1;
      const out = new Uint32Array(count);
      kgramHashesInto(keyHashes, count, out, k);
      const want = Uint32Array.from({ length: count }, (_, i) => kgramHash(keyHashes, i, k));
      expect(out, `k=${k}`).toEqual(want);
    }
  });
});

describe('lexicon stem groups formed on first use', () => {
  const keys = ['running', 'runs', 'run', 'the', 'nations', 'nation', 'national', 'ran'];

  it('are the groups of stemming word by word, from stored stems or worked out, and follow later words', () => {
    const fresh = Lexicon.fromKeys(keys);
    const stored = Lexicon.withStems(keys, fresh.stemOf, fresh.stems);
    const byWord: number[][] = fresh.stems.map(() => []);
    fresh.stemOf.forEach((st, id) => byWord[st].push(id));
    expect(stemWordsOf(fresh)).toEqual(byWord);
    expect(stemWordsOf(stored)).toEqual(byWord);

    // Words interned after the groups were formed join them (or a new one) when stemmed.
    for (const lx of [fresh, stored]) {
      lx.intern('nationals');
      lx.intern('zebra');
      const groups: number[][] = lx.stems.map(() => []);
      lx.stemOf.forEach((st, id) => groups[st].push(id));
      expect(stemWordsOf(lx)).toEqual(groups);
      expect([...lx.stemGroups.of(lx.stemOf[lx.idOf('zebra')])]).toEqual([lx.idOf('zebra')]);
    }
  });

  it('stemmed in pieces before the groups are asked for, the groups still hold every word', () => {
    const lx = new Lexicon();
    for (const key of keys) lx.intern(key);
    while (lx.stemMore(3));
    const groups: number[][] = lx.stems.map(() => []);
    lx.stemOf.forEach((st, id) => groups[st].push(id));
    expect(stemWordsOf(lx)).toEqual(groups);
    expect(groups.flat().sort((a, b) => a - b)).toEqual(keys.map((_, id) => id));
  });

  it("list a stem's content words as its group without the stopwords", () => {
    const lx = Lexicon.fromKeys([...keys, 'they', 'theys', 'thes']);
    const groups = lx.stemGroups;
    const stopped = lx.stems.map((_, st) => [...groups.of(st)].filter((w) => lx.stop[w]));
    expect(stopped.flat().length).toBeGreaterThan(0);
    for (let st = 0; st < lx.stems.length; st++) {
      expect(groups.contentWords(st, lx.stop)).toEqual([...groups.of(st)].filter((w) => !lx.stop[w]));
    }
  });
});

describe('stored rows unpacked', () => {
  it('give the words and fingerprints of the plain build for every address, and refuse a word past the lexicon', { timeout: 60_000 }, () => {
    const lexicon = new Lexicon();
    for (const source of loadSotuLibrary()) {
      const built = buildSourceIndex(source);
      const words = Uint32Array.from(built.tokenWords, (w) => lexicon.intern(built.vocabulary[w]));
      const data = unpackSourceIndex(packSourceIndex(built, words, 'g'), lexicon);
      const want = fingerprintWords(Uint32Array.from(built.vocabulary, hashKey), built.tokenWords);
      expect(data.vocabulary).toBe(lexicon.keys);
      expectSameNumbers(data.tokenWords, words, source.id);
      expectSameNumbers(data.fingerprints, want.hashes, source.id);
      expectSameNumbers(data.fingerprintPositions, want.positions, source.id);
      expectSameNumbers(data.tokenStarts, built.tokenStarts, `${source.id} starts`);
      expectSameNumbers(data.tokenEnds, built.tokenEnds, `${source.id} ends`);
    }
    const [source] = loadSotuLibrary(1);
    const first = buildSourceIndex(source);
    const row = packSourceIndex(first, Uint32Array.from(first.tokenWords, (w) => lexicon.idOf(first.vocabulary[w])), 'g');
    for (const wide of [false, true]) {
      const words = wide ? Uint32Array.from(row.words) : Uint16Array.from(row.words);
      words[17] = lexicon.size + 3;
      expect(() => unpackSourceIndex({ ...row, words }, lexicon)).toThrow(`word ${lexicon.size + 3} is not in the lexicon of ${lexicon.size} words`);
    }
  });
});

describe('stored offsets checked whole on load', () => {
  it('accepts the whole row and refuses it cut anywhere, or with a byte too many', () => {
    const [source] = loadSotuLibrary(1);
    const built = buildSourceIndex(source);
    const lexicon = new Lexicon();
    const words = Uint32Array.from(built.tokenWords, (w) => lexicon.intern(built.vocabulary[w]));
    const row = packSourceIndex(built, words, 'g');
    const data = unpackSourceIndex(row, lexicon);
    expect(data.tokenStarts).toEqual(built.tokenStarts);
    expect(data.tokenEnds).toEqual(built.tokenEnds);
    const length = row.offsets.length;
    for (let cut = Math.max(0, length - 40); cut < length; cut++) {
      expect(() => unpackSourceIndex({ ...row, offsets: row.offsets.slice(0, cut) }, lexicon), `cut at ${cut}`).toThrow(/offsets/);
    }
    for (const extra of [0, 1, 3, 0x80, 0x83]) {
      expect(() => unpackSourceIndex({ ...row, offsets: Uint8Array.of(...row.offsets, extra) }, lexicon), `extra ${extra}`).toThrow(/offsets/);
    }
  });
});

describe('stored offsets decoded', () => {
  it('give back every start and end, one-byte tokens and escaped ones alike (long words, wide gaps, gaps and lengths below zero)', () => {
    const next = pseudoRandom(11);
    const lexicon = new Lexicon();
    const word = lexicon.intern('word');
    for (let round = 0; round < 40; round++) {
      const n = 1 + (next() % 400);
      const tokenStarts = new Int32Array(n);
      const tokenEnds = new Int32Array(n);
      let at = next() % 50;
      for (let i = 0; i < n; i++) {
        const kind = next() % 10;
        // Mostly what text gives (a short word after a gap of 0–2), then every other case.
        const gap = kind < 6 ? next() % 3 : kind === 6 ? 3 + (next() % 5000) : kind === 7 ? -(next() % 4) : next() % 3;
        const length = kind === 8 ? 16 + (next() % 100_000) : kind === 9 ? -(next() % 3) : next() % 16;
        tokenStarts[i] = at + gap;
        tokenEnds[i] = tokenStarts[i] + length;
        at = tokenEnds[i];
      }
      const built = { ...buildSourceIndex({ id: 'x', title: 'x', text: 'word word word' } as Parameters<typeof buildSourceIndex>[0]), tokenStarts, tokenEnds };
      const words = new Uint32Array(n).fill(word);
      const data = unpackSourceIndex(packSourceIndex({ ...built, tokenWords: new Uint32Array(n) }, words, 'g'), lexicon);
      expectSameNumbers(data.tokenStarts, tokenStarts, `round ${round} starts`);
      expectSameNumbers(data.tokenEnds, tokenEnds, `round ${round} ends`);
    }
  });
});

describe('stored offsets checked later', () => {
  it('unpacked unchecked, a cut or overlong row unpacks and then fails offsetsWhole; a whole one passes', () => {
    const [source] = loadSotuLibrary(1);
    const built = buildSourceIndex(source);
    const lexicon = new Lexicon();
    const row = packSourceIndex(built, Uint32Array.from(built.tokenWords, (w) => lexicon.intern(built.vocabulary[w])), 'g');
    expect(unpackSourceIndex(row, lexicon, { offsetsChecked: false }).offsetsWhole()).toBe(true);
    for (const offsets of [row.offsets.slice(0, -1), row.offsets.slice(0, -3), Uint8Array.of(...row.offsets, 0), Uint8Array.of(...row.offsets.slice(0, -1), 0x80)]) {
      expect(unpackSourceIndex({ ...row, offsets }, lexicon, { offsetsChecked: false }).offsetsWhole()).toBe(false);
    }
  });
});

describe('each source\'s distinct words, worked out on first use', () => {
  it('are its word numbers, each once, ascending, for every address, asked one by one or readied in pieces', () => {
    const library = loadSotuLibrary();
    const plain = (index: LibraryIndex, slot: number) => Uint32Array.from(new Set(index.entry(slot)!.words)).sort();
    const asked = LibraryIndex.fromSources(library);
    for (let slot = asked.size - 1; slot >= 0; slot--) expectSameNumbers(asked.entry(slot)!.sorted, plain(asked, slot), `slot ${slot}`);
    const readied = LibraryIndex.fromSources(library);
    void readied.entry(5)!.sorted; // one asked before the rest are readied
    let pieces = 0;
    while (readied.sortMoreWords(24)) pieces++;
    expect(pieces).toBe(Math.ceil((library.length - 1) / 24) - 1);
    expect(readied.sortMoreWords(24)).toBe(false);
    for (let slot = 0; slot < readied.size; slot++) expectSameNumbers(readied.entry(slot)!.sorted, plain(readied, slot), `slot ${slot}`);
  });
});
