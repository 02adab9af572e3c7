import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LibraryIndex, buildSourceIndex, checkQuote, thresholds } from '../../../lib/match';
import { hashKey, kgramHashes, winnow } from '../../../lib/match/fingerprints';
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
