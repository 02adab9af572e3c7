// @vitest-environment node
// The warm check's shortcuts give the answers of the slower ways they replace: word forms without
// offset tables, the context tokenised only near the quote and read through stem numbers, the
// aligner's exact-occurrence shortcut, and every bound that skips candidates (checkQuote against
// checkQuoteUnpruned on State of the Union addresses and their perturbed copies).
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { alignWords, alignWordsByTable } from '../../../lib/match/align';
import { checkQuote, checkQuoteUnpruned } from '../../../lib/match/check-quote';
import { articleContext, contextOverlap, contextSupports, ContextStems, tokensNear } from '../../../lib/match/context';
import { LibraryIndex } from '../../../lib/match/library-index';
import { casedFormOf, foldedForm, punctuationOf } from '../../../lib/match/word-forms';
import { normalizeForMatch } from '../../../lib/text/normalize';
import { casedForm, punctuationBetween, tokenize } from '../../../lib/text/tokenize';
import { quoteContext } from '../../../lib/quotes/index';
import type { QuoteQuery, Source } from '../../../lib/types';
import { generatePages } from '../../../scripts/eval/generate';
import { loadSotuLibrary } from '../../../scripts/eval/library';
import { tenfoldLibrary } from '../../../scripts/bench/tenfold';
import { contextSamples, loadSources } from './corpus';

const corpus = loadSources();

// Pieces that exercise normalisation and tokenising: numbers that merge, hyphens at line ends,
// curly quotes, accents, combining marks, digits with separators, invisible characters.
const PIECES = [
  'twenty', 'one', 'thirty-first', 'seven', 'ninety', 'The', 'police', "don't", 'children’s', 'café',
  'cafe\u0301', '3,000', '4.5', 'investi-\ngation', 'co-operate', '—', '–', '“', '”', '"', "'", '`',
  ',', '.', ';', '(', ')', '[', ']', '…', '\u00AD', '\u200B', 'ÉTÉ', 'Straße', 'ﬁnd', '½', 'x',
];
const textArb = fc
  .array(fc.tuple(fc.constantFrom(...PIECES), fc.constantFrom(' ', ' ', ' ', '  ', '\n', '', '\t', ', ', ' - ')), { maxLength: 60 })
  .map((parts) => parts.map(([w, sep]) => w + sep).join(''));

describe('word forms', () => {
  it('equal normalizeForMatch, casedForm and punctuationBetween on any stretch', () => {
    fc.assert(
      fc.property(textArb, fc.nat(), fc.nat(), (text, a, b) => {
        const from = Math.min(a, b) % (text.length + 1);
        const to = Math.min(text.length, from + (Math.max(a, b) % 40));
        expect(foldedForm(text, from, to)).toBe(normalizeForMatch(text.slice(from, to)).text);
        expect(casedFormOf(text, from, to)).toBe(casedForm(text, from, to));
        expect(punctuationOf(text, from, to)).toBe(punctuationBetween(text, from, to));
      }),
      { numRuns: 2000 },
    );
  });

  it('equal them on every word of the corpus and between every two words', () => {
    for (const s of corpus) {
      const toks = tokenize(s.text);
      for (let i = 0; i < toks.length; i++) {
        const t = toks[i];
        expect(foldedForm(s.text, t.start, t.end)).toBe(normalizeForMatch(s.text.slice(t.start, t.end)).text);
        expect(casedFormOf(s.text, t.start, t.end)).toBe(casedForm(s.text, t.start, t.end));
        if (i > 0) expect(punctuationOf(s.text, toks[i - 1].end, t.start)).toBe(punctuationBetween(s.text, toks[i - 1].end, t.start));
      }
    }
  });
});

describe('tokensNear', () => {
  const same = (text: string, window: number) => {
    const all = tokenize(text);
    expect(tokensNear(text, 'before', window).map((t) => [t.form, t.key])).toEqual(all.slice(-window).map((t) => [t.form, t.key]));
    expect(tokensNear(text, 'after', window).map((t) => [t.form, t.key])).toEqual(all.slice(0, window).map((t) => [t.form, t.key]));
  };
  it('gives the words at either end that tokenising the whole text gives', () => {
    fc.assert(fc.property(textArb, fc.integer({ min: 1, max: 12 }), (text, window) => same(text, window)), { numRuns: 3000 });
  });
  it('keeps a compound number split by the cut whole', () => {
    const words = 'the report found that twenty one forces and thirty seven others had ninety nine cases in all of these areas';
    for (let w = 1; w <= 12; w++) {
      same(words, w);
      same(`${words} twenty one`, w);
      same(`twenty one ${words}`, w);
    }
  });
});

describe('ContextStems', () => {
  const index = LibraryIndex.fromSources(corpus);
  const texts = corpus.map((s) => s.text);
  it('answers as contextSupports and contextOverlap at every place of the corpus', () => {
    let supported = 0;
    let checked = 0;
    for (const { before, after } of contextSamples(texts)) {
      const ctx = articleContext(before, after, 10);
      const viaWords = ContextStems.of(before, after, 10, index.lexicon);
      const viaStems = ContextStems.fromContext(ctx, index.lexicon);
      for (const s of corpus) {
        const entry = index.entryById(s.id)!;
        const N = entry.words.length;
        for (let s0 = 0; s0 < N; s0 += 7) {
          const s1 = Math.min(N, s0 + 1 + (s0 % 3));
          for (const [window, near, minShared] of [[12, 0, 2], [12, 4, 2], [30, 0, 1], [12, 4, 1]]) {
            const want = contextSupports(ctx, entry, s0, s1, window, near, minShared);
            expect(viaWords.supports(entry, s0, s1, window, near, minShared)).toBe(want);
            expect(viaStems.supports(entry, s0, s1, window, near, minShared)).toBe(want);
            if (want) supported++;
            checked++;
          }
          const overlap = contextOverlap(ctx, entry, s0, s1, 30);
          expect(viaWords.overlap(entry, s0, s1, 30)).toBe(overlap);
          expect(viaStems.overlap(entry, s0, s1, 30)).toBe(overlap);
          // A short quote's place: its overlap, or -1 when `near` is given and not supported.
          for (const near of [null, 0, 4]) {
            const score = near !== null && !contextSupports(ctx, entry, s0, s1, 12, near, 2) ? -1 : contextOverlap(ctx, entry, s0, s1, 12);
            expect(viaWords.placeScore(entry, s0, s1, 12, near, 2)).toBe(score);
            expect(viaStems.placeScore(entry, s0, s1, 12, near, 2)).toBe(score);
          }
        }
        if (!viaWords.mayShare(entry, 2)) {
          for (let s0 = 0; s0 < N; s0++) expect(contextSupports(ctx, entry, s0, s0 + 1, 12, 0, 2)).toBe(false);
        }
      }
    }
    expect(supported).toBeGreaterThan(100); // the comparison saw both answers
    expect(checked - supported).toBeGreaterThan(100);
  });
});

describe('alignWords', () => {
  it('finds a part that occurs word for word where its DP does', () => {
    const keys = fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 0, maxLength: 40 });
    fc.assert(
      fc.property(keys, keys, fc.constantFrom('fit', 'global', 'prefix', 'suffix') as fc.Arbitrary<'fit' | 'global' | 'prefix' | 'suffix'>, (q, s, mode) => {
        expect(alignWords(q, 0, q.length, s, 0, s.length, mode)).toEqual(alignWordsByTable(q, 0, q.length, s, 0, s.length, mode));
      }),
      { numRuns: 3000 },
    );
  });
  it('takes the last of several occurrences, as the DP does', () => {
    const s = [1, 2, 3, 9, 1, 2, 3, 9, 1, 2, 3];
    expect(alignWords([1, 2, 3], 0, 3, s, 0, s.length, 'fit')).toEqual(alignWordsByTable([1, 2, 3], 0, 3, s, 0, s.length, 'fit'));
    expect(alignWords([1, 2, 3], 0, 3, s, 0, s.length, 'fit')[0].s).toBe(8);
  });
});

describe('bounds that skip candidates', () => {
  // A slice of the State of the Union library, alone and with nine perturbed copies of each
  // address: every quote then has ten near-identical candidates.
  let small: Source[];
  let one: LibraryIndex;
  let ten: LibraryIndex;
  let queries: QuoteQuery[];
  beforeAll(() => {
    small = loadSotuLibrary(16);
    one = LibraryIndex.fromSources(small);
    ten = LibraryIndex.fromSources(tenfoldLibrary(small, 9));
    queries = generatePages(small, { seed: 3, pages: 2, quotesPerPage: 40 }).flatMap((page) =>
      page.quotes.map((q) => ({ text: q.text, attribution: q.attribution, ...quoteContext(page.text, q) })),
    );
  }, 120_000);

  it('change no answer: every quote of two generated pages, whole results compared', () => {
    const kinds = new Set<string>();
    for (const index of [one, ten]) {
      for (const q of queries) {
        const got = checkQuote(index, q);
        expect(got).toEqual(checkQuoteUnpruned(index, q));
        kinds.add(got.verdict);
      }
    }
    // The pages hold every kind of quote, so every bound was exercised.
    for (const v of ['verbatim', 'minor', 'elided', 'spliced', 'altered', 'partial', 'not_found']) expect(kinds).toContain(v);
  }, 120_000);

  it('change no answer for the reference article', () => {
    const index = LibraryIndex.fromSources(corpus);
    for (const s of corpus) {
      // Quotes cut from each source at fixed places, with and without an elision.
      const toks = tokenize(s.text);
      for (let i = 0; i + 30 < toks.length; i += 97) {
        const a = s.text.slice(toks[i].start, toks[i + 12].end);
        const b = s.text.slice(toks[i + 18].start, toks[i + 30].end);
        for (const text of [a, `${a} … ${b}`, `${a} [the police] ${b}`]) {
          const q = { text, before: 'the report said', after: 'forces were told' };
          expect(checkQuote(index, q)).toEqual(checkQuoteUnpruned(index, q));
        }
      }
    }
  }, 60_000);
});
