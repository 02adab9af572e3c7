// @vitest-environment node
// The reader's word diff is the diff the `diff` package's diffArrays gave before it was replaced:
// the same runs in the same order, on random word lists (many ties between an insertion and a
// deletion, repeated words) and on every match and "also in" span of the reference article's
// quotes and of generated articles' quotes against State of the Union addresses.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { diffArrays } from 'diff';
import { checkQuote } from '../../../lib/match/check-quote';
import { sourceWords, wordDiff } from '../../../lib/match/evidence';
import { LibraryIndex } from '../../../lib/match/library-index';
import { parseQuote } from '../../../lib/match/quote-parts';
import { ADDED, diffSequences, diffWords, EQUAL, REMOVED, type DiffRun } from '../../../lib/match/word-diff';
import { quoteContext } from '../../../lib/quotes/index';
import type { QuoteQuery, Source } from '../../../lib/types';
import { generatePages } from '../../../scripts/eval/generate';
import { loadSotuLibrary } from '../../../scripts/eval/library';
import { tenfoldLibrary } from '../../../scripts/bench/tenfold';
import { loadGold, loadSources } from './corpus';

/** diffArrays' answer as runs. */
function reference<T>(older: T[], newer: T[], same?: (a: T, b: T) => boolean): DiffRun[] {
  const changes = diffArrays<T>(older, newer, same ? { comparator: same } : {});
  return changes.map((c) => ({ kind: c.added ? ADDED : c.removed ? REMOVED : EQUAL, count: c.count }));
}

/** A copy of `words` with a few words dropped, added, replaced or moved. */
function edited(words: number[], edits: Array<[number, number, number]>): number[] {
  const out = [...words];
  for (const [kind, at, word] of edits) {
    const i = out.length === 0 ? 0 : at % (out.length + 1);
    if (kind === 0) out.splice(i, 1);
    else if (kind === 1) out.splice(i, 0, word);
    else if (kind === 2) out.splice(i, 1, word);
    else out.splice(i, 0, ...out.splice(Math.max(0, i - 3), 2));
  }
  return out;
}

describe('diffSequences', () => {
  it('gives diffArrays’ runs on random word lists', () => {
    const list = (alphabet: number) => fc.array(fc.integer({ min: 0, max: alphabet }), { maxLength: 40 });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }).chain((n) => fc.tuple(list(n), list(n))), ([a, b]) => {
        expect(diffSequences(Int32Array.from(a), Int32Array.from(b))).toEqual(reference(a, b));
        const words = (list: number[]) => list.map((n) => `w${n}`);
        expect(diffWords(words(a), words(b))).toEqual(reference(a, b));
      }),
      { numRuns: 5000 },
    );
  });

  it('gives diffArrays’ runs on a list against an edited copy of it', () => {
    const edit = fc.tuple(fc.integer({ min: 0, max: 3 }), fc.nat(), fc.integer({ min: 0, max: 30 }));
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 80 }), fc.array(edit, { maxLength: 12 }), (a, edits) => {
        const b = edited(a, edits);
        expect(diffSequences(a, b)).toEqual(reference(a, b));
        expect(diffSequences(b, a)).toEqual(reference(b, a));
      }),
      { numRuns: 5000 },
    );
  });

  it('handles empty lists and lists with nothing in common', () => {
    for (const [a, b] of [[[], []], [[], [1, 2]], [[1, 2], []], [[1, 2, 3], [4, 5]], [[1], [1, 1]], [[1, 1], [1]]] as Array<[number[], number[]]>) {
      expect(diffSequences(a, b)).toEqual(reference(a, b));
    }
  });

  it('compares words as strings in diffWords', () => {
    const a = 'the report found that forces had failed the children'.split(' ');
    const b = 'the report said forces had failed children and families'.split(' ');
    expect(diffWords(a, b)).toEqual(reference(a, b));
  });
});

/** Every span the engine reports for a quote (match and also-in), diffed both ways. */
function compareSpans(index: LibraryIndex, query: QuoteQuery): number {
  const check = checkQuote(index, query);
  const quote = parseQuote(query.text).tokens;
  const spans = [
    ...(check.match ? [{ sourceId: check.match.sourceId, start: check.match.start, end: check.match.end }] : []),
    ...check.alsoIn,
  ];
  let compared = 0;
  for (const span of spans) {
    const entry = index.entryById(span.sourceId)!;
    const { tokenStarts, tokenEnds } = entry.data;
    const s0 = tokenStarts.indexOf(span.start);
    const s1 = tokenEnds.indexOf(span.end) + 1;
    expect(s0).toBeGreaterThanOrEqual(0);
    expect(s1).toBeGreaterThan(s0);
    const source = sourceWords(entry, s0, s1);
    const forms = (ws: Array<{ form: string }>) => ws.map((w) => w.form);
    expect(diffWords(forms(source), forms(quote))).toEqual(reference(forms(source), forms(quote)));
    // The ops shown to the reader, from the runs.
    const ops = wordDiff(query.text, quote, entry.source.text, source);
    expect(ops.map((o) => o.op === 'equal' || o.op === 'replace' ? o.quote !== '' && o.source !== '' : true).every(Boolean)).toBe(true);
    compared++;
  }
  return compared;
}

describe('the reader’s diff on real quotes', () => {
  it('is diffArrays’ on every span of the reference article’s quotes', () => {
    const index = LibraryIndex.fromSources(loadSources());
    let compared = 0;
    for (const q of loadGold().quotes) compared += compareSpans(index, q.query);
    expect(compared).toBeGreaterThanOrEqual(5); // most of its quotes are of documents the excerpts leave out
  });

  it('is diffArrays’ on every span of generated articles’ quotes (State of the Union addresses and perturbed copies)', () => {
    // The bench's article generator over a slice of the library; the copies change about one
    // word in ten, so most of their spans differ from the quote by swaps, drops and synonyms.
    const small: Source[] = loadSotuLibrary(16);
    const queries = generatePages(small, { seed: 1, pages: 2, quotesPerPage: 50 }).flatMap((page) =>
      page.quotes.map((q): QuoteQuery => ({ text: q.text, attribution: q.attribution, ...quoteContext(page.text, q) })),
    );
    let compared = 0;
    for (const index of [LibraryIndex.fromSources(small), LibraryIndex.fromSources(tenfoldLibrary(small, 9))]) {
      for (const q of queries) compared += compareSpans(index, q);
    }
    expect(compared).toBeGreaterThan(500);
  }, 120_000);
});
