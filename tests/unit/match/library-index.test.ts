import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LibraryIndex, buildSourceIndex, checkQuote, thresholds } from '../../../lib/match';
import { hashKey, kgramHashes, winnow } from '../../../lib/match/fingerprints';
import { Lexicon } from '../../../lib/match/lexicon';
import { fingerprintWords, positionsOf } from '../../../lib/match/library-index';
import { loadSotuLibrary } from '../../../scripts/eval/library';
import type { Source } from '../../../lib/types';
import { loadSources } from './corpus';

function source(id: string, text: string, extra: Partial<Source> = {}): Source {
  return {
    id, type: 'report', title: id, publisher: null, author: null, speaker: null, published: null, url: null,
    licence: null, coverage: null, excerpt: false, origin: 'paste', text, ...extra,
  };
}

describe('LibraryIndex', () => {
  it('adds, replaces and removes sources', () => {
    const index = LibraryIndex.fromSources(loadSources());
    expect(index.size).toBe(4);
    expect(index.has('npcc-response-2023')).toBe(true);
    expect(index.sources().map((s) => s.id).sort()).toEqual(loadSources().map((s) => s.id).sort());
    const quote = { text: 'There are staggering numbers of reports coming from social media companies' };
    expect(checkQuote(index, quote).verdict).toBe('verbatim');

    index.remove('npcc-meta-e2ee-2023');
    expect(index.size).toBe(3);
    expect(index.has('npcc-meta-e2ee-2023')).toBe(false);
    expect(index.source('npcc-meta-e2ee-2023')).toBeUndefined();
    expect(checkQuote(index, quote).verdict).toBe('not_found');

    // Replacing a source by id: the old words are gone, the new ones found.
    index.add(source('npcc-response-2023', 'An entirely different statement about road safety and speed cameras in rural areas.'));
    expect(index.size).toBe(3);
    expect(checkQuote(index, { text: 'Policing is absolutely committed to keeping children safe and protecting them' }).verdict).toBe('not_found');
    expect(checkQuote(index, { text: 'a different statement about road safety and speed cameras' }).match?.sourceId).toBe('npcc-response-2023');
  });

  it('keeps per-source index data as plain arrays that can be stored and reused', () => {
    const [src] = loadSources();
    const data = buildSourceIndex(src);
    expect(data.tokenStarts).toBeInstanceOf(Int32Array);
    expect(data.fingerprints).toBeInstanceOf(Uint32Array);
    expect(Array.isArray(data.vocabulary)).toBe(true);
    expect(data.tokenWords).toBeInstanceOf(Uint32Array);
    expect(data.tokenWords.length).toBe(data.tokenStarts.length);
    const copy = structuredClone(data);
    const index = new LibraryIndex();
    index.add(src, copy);
    expect(index.sourceData(src.id)).toBe(copy);
    const span = src.text.slice(data.tokenStarts[20], data.tokenEnds[35]);
    expect(checkQuote(index, { text: span }).verdict).toBe('verbatim');
  });

  it('ignores boilerplate fingerprints that occur too often', () => {
    const boiler = 'This page is part of the archive of the department. ';
    const sources = Array.from({ length: thresholds.FINGERPRINT_MAX_POSTINGS + 5 }, (_v, i) =>
      source(`s${i}`, `${boiler}Item ${i} concerns topic ${i} only.`),
    );
    const index = LibraryIndex.fromSources(sources);
    // Finding the boilerplate does not flood the matcher with hundreds of candidates: it is not
    // looked up at all, so the quote is not found anywhere.
    expect(checkQuote(index, { text: 'This page is part of the archive of the department' }).verdict).toBe('not_found');
  });
});

describe('winnowed fingerprints', () => {
  it(`guarantee a shared fingerprint for any shared run of ${thresholds.GUARANTEED_RUN_WORDS} words`, () => {
    expect(thresholds.GUARANTEED_RUN_WORDS).toBe(4);
    const vocab = fc.constantFrom(...'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau'.split(' '));
    fc.assert(
      fc.property(fc.array(vocab, { minLength: 0, maxLength: 40 }), fc.array(vocab, { minLength: 4, maxLength: 4 }), fc.array(vocab, { maxLength: 40 }), (pre, run, post) => {
        const doc = [...pre, ...run, ...post].map(hashKey);
        const fp = winnow(kgramHashes(doc));
        const stored = new Set(fp.hashes);
        const queryKgrams = kgramHashes(run.map(hashKey));
        return [...queryKgrams].some((h) => stored.has(h));
      }),
      { numRuns: 500 },
    );
  });

  it('keep fewer fingerprints than k-grams', () => {
    const words = Array.from({ length: 1000 }, (_v, i) => hashKey(`w${i % 337}`));
    const kg = kgramHashes(words);
    const fp = winnow(kg);
    expect(fp.hashes.length).toBeLessThan(kg.length);
    expect(fp.hashes.length).toBeGreaterThan(kg.length / 3);
  });
});

describe('LibraryIndex over the whole SOTU library, against the plain way of computing each structure', () => {
  const library = loadSotuLibrary();
  const index = LibraryIndex.fromSources(library);

  it('fingerprints each source as winnow(kgramHashes(hash of each token key)) does', () => {
    for (const s of library) {
      const data = index.sourceData(s.id)!;
      const plain = winnow(kgramHashes(Uint32Array.from(data.tokenWords, (w) => hashKey(data.vocabulary[w]))));
      expect(sameNumbers(data.fingerprints, plain.hashes), s.id).toBe(true);
      expect(sameNumbers(data.fingerprintPositions, plain.positions), s.id).toBe(true);
      const byNumber = fingerprintWords(index.lexicon.hashes, index.entryById(s.id)!.words);
      expect(sameNumbers(byNumber.hashes, plain.hashes), s.id).toBe(true);
    }
  }, 120_000);

  it('groups each source\'s positions by word as listing each word\'s positions does', () => {
    for (const s of library) {
      const e = index.entryById(s.id)!;
      const data = index.sourceData(s.id)!;
      // Word numbers are the lexicon's numbers of the token keys.
      for (let i = 0; i < e.words.length; i += 97) expect(index.lexicon.keys[e.words[i]]).toBe(data.vocabulary[data.tokenWords[i]]);
      // Plainly: each word's positions in a Map, words in ascending order.
      const at = new Map<number, number[]>();
      e.words.forEach((w, i) => {
        const list = at.get(w);
        if (list) list.push(i);
        else at.set(w, [i]);
      });
      const sorted = [...at.keys()].sort((a, b) => a - b);
      expect(sameNumbers(e.sorted, sorted), s.id).toBe(true);
      expect(sameNumbers(e.byWord, sorted.flatMap((w) => at.get(w)!)), s.id).toBe(true);
      let mismatched = 0;
      for (let k = 0; k < sorted.length; k++) if (!sameNumbers(positionsOf(e, sorted[k]), at.get(sorted[k])!)) mismatched++;
      expect(mismatched, s.id).toBe(0);
      expect(e.wordStart[sorted.length]).toBe(e.words.length);
    }
  }, 120_000);

  it('places sources read against a stored lexicon exactly as built ones, without copying their words', () => {
    const lexicon = Lexicon.fromKeys(index.lexicon.keys);
    const loaded = new LibraryIndex(lexicon);
    loaded.addAll(library.map((source) => {
      const e = index.entryById(source.id)!;
      const data = { ...index.sourceData(source.id)!, vocabulary: lexicon.keys, tokenWords: e.words.slice() };
      return { source, data };
    }));
    expect(lexicon.size).toBe(index.lexicon.size);
    for (const s of library) {
      const a = index.entryById(s.id)!;
      const b = loaded.entryById(s.id)!;
      expect(b.words).toBe(b.data.tokenWords);
      for (const key of ['words', 'sorted', 'wordStart', 'byWord'] as const) expect(sameNumbers(b[key], a[key]), `${s.id} ${key}`).toBe(true);
      expect(b.base).toBe(a.base);
    }
    for (const stem of ['nation', 'war', 'tax', 'liberty', 'zzz']) expect(loaded.sourcesWithStem(stem)).toEqual(index.sourcesWithStem(stem));
  }, 120_000);
});

function sameNumbers(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

describe('LibraryIndex.sourcesWithWord', () => {
  // The plain way: every slot whose source has at least one position for the word.
  function plain(index: LibraryIndex, word: number): number[] {
    const out: number[] = [];
    // Removed sources leave their slot empty: look past the count of sources held.
    for (let slot = 0; slot < index.size + 8; slot++) {
      const entry = index.entry(slot);
      if (entry && positionsOf(entry, word).length > 0) out.push(slot);
    }
    return out;
  }

  function expectPlain(index: LibraryIndex, words: Iterable<number>): void {
    for (const w of words) expect(index.sourcesWithWord(w), `word ${w} ${index.lexicon.keys[w]}`).toEqual(plain(index, w));
  }

  it('lists exactly the sources holding the word itself, not only its stem', () => {
    const index = LibraryIndex.fromSources([
      source('a', 'The nation reforms its taxes.'),
      source('b', 'A nation needs reform, and the reforms of the nations.'),
      source('c', 'Nothing of the sort here: taxation only.'),
    ]);
    const id = (k: string) => index.lexicon.idOf(k);
    expect(index.sourcesWithWord(id('reform'))).toEqual([1]);
    expect(index.sourcesWithWord(id('reforms'))).toEqual([0, 1]);
    expect(index.sourcesWithWord(id('nations'))).toEqual([1]);
    expect(index.sourcesWithStem('nation')).toEqual([0, 1]);
    expect(index.sourcesWithWord(-1)).toEqual([]);
    expect(index.sourcesWithWord(index.lexicon.size)).toEqual([]);
  });

  it('agrees with a search of every source, for every word, as sources are removed and added', () => {
    const sotu = loadSotuLibrary().slice(0, 40);
    const index = LibraryIndex.fromSources([...loadSources(), ...sotu]);
    const every = () => Array.from({ length: index.lexicon.size }, (_, w) => w);
    expectPlain(index, every());
    // The cache is dropped when sources change: answers follow the removal and the addition.
    const dropped = sotu[3];
    const before = index.sourcesWithWord(index.lexicon.idOf('the'));
    index.remove(dropped.id);
    expect(index.sourcesWithWord(index.lexicon.idOf('the')).length).toBe(before.length - 1);
    expectPlain(index, every());
    index.add(source('late', 'An entirely zyxwvut sentence, with the nation and its reforms.'));
    expect(index.sourcesWithWord(index.lexicon.idOf('zyxwvut'))).toEqual([index.entryById('late')!.slot]);
    expectPlain(index, every());
  }, 120_000);
});
