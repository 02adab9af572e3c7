// @vitest-environment node
// The warm-up that a restarted service worker runs while IndexedDB starts: it must take the
// matcher through every verdict (else it compiles too little), in short steps, and leave no
// trace: checks of the user's library answer exactly as without it.
import { describe, expect, it } from 'vitest';
import { checkQuote } from '../../../lib/match/check-quote';
import { LibraryIndex } from '../../../lib/match/library-index';
import { warmUpSteps } from '../../../lib/match/warm-up';
import { quoteContext } from '../../../lib/quotes/index';
import type { QuoteQuery } from '../../../lib/types';
import { VERDICTS } from '../../../lib/types';
import { generatePages } from '../../../scripts/eval/generate';
import { loadSotuLibrary } from '../../../scripts/eval/library';
import { loadGold, loadSources } from './corpus';

describe('warmUpSteps', () => {
  it('leaves no trace: the corpus and generated State of the Union quotes get the same whole results before and after it', () => {
    // First, before anything has run in this file: the engine's module-level scratch is fresh.
    const corpus = loadSources();
    const sotu = loadSotuLibrary(12);
    const queries: QuoteQuery[] = [
      ...loadGold().quotes.map((q) => q.query),
      ...generatePages(sotu, { seed: 5, pages: 2, quotesPerPage: 30 }).flatMap((page) =>
        page.quotes.map((q) => ({ text: q.text, attribution: q.attribution, ...quoteContext(page.text, q) })),
      ),
    ];
    const sources = [...corpus, ...sotu];
    const before = LibraryIndex.fromSources(sources);
    const expected = queries.map((q) => checkQuote(before, q));
    expect(new Set(expected.map((c) => c.verdict)).size).toBeGreaterThanOrEqual(6);

    const steps = warmUpSteps();
    let result = steps.next();
    while (!result.done) result = steps.next();
    expect(result.value).toBeGreaterThan(100);

    // The index built before, and one built after, answer as before.
    const after = LibraryIndex.fromSources(sources);
    expect(queries.map((q) => checkQuote(before, q))).toEqual(expected);
    expect(queries.map((q) => checkQuote(after, q))).toEqual(expected);
  }, 60_000);

  it('takes the matcher through every verdict, with its rows packed and read back as a cold load does', () => {
    const seen = new Map<string, number>();
    const steps = warmUpSteps(1, seen);
    let count = 0;
    while (!steps.next().done) count++;
    expect([...seen.keys()].sort()).toEqual([...VERDICTS].sort());
    expect(count).toBeGreaterThan(8); // many short steps, not one long one
  });

  it('is the same made-up library on every run (no randomness from outside)', () => {
    const tally = () => {
      const seen = new Map<string, number>();
      const steps = warmUpSteps(1, seen);
      while (!steps.next().done);
      return [...seen.entries()].sort();
    };
    expect(tally()).toEqual(tally());
  });
});
