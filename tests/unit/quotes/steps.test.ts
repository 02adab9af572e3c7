// @vitest-environment node
// detectQuotesInSteps, the form of detectQuotes that a page's main thread runs in slices: the
// same quotes as detectQuotes whatever the slicing, with two scans interleaved, and with pauses
// at every step; it yields within paragraphs' worth of work, and stops when asked to.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectQuotes, detectQuotesInSteps, finish, finishInSlices, type ExplicitQuote } from '../../../lib/quotes/index';
import { ARTICLE_TXT } from './corpus';

const MARKS = ['“', '”', '‘', '’', '"', "'", '«', '»', '„', '‚', '‹', '›'];
const PIECES = [...MARKS, ...MARKS, ' ', ' ', ' ', '\n', '\n', 'a', 'word', 'gangs', 's', 'can', 't', '90s', '.', ',', ':', '—', 'said', 'It', 'the report', 'he added', 'Wendy Williams said:', '😀'];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 400 }).map((p) => p.join(''));
const explicit = fc.array(
  fc.record({ start: fc.integer({ min: -2, max: 300 }), end: fc.integer({ min: -2, max: 300 }), kind: fc.constantFrom<'q' | 'blockquote'>('q', 'blockquote') }),
  { maxLength: 5 },
);

describe('detectQuotesInSteps', () => {
  it('returns what detectQuotes returns, with two texts scanned in alternation', () => {
    fc.assert(
      fc.property(text, explicit, text, (a, spans: ExplicitQuote[], b) => {
        const first = detectQuotesInSteps(a, spans);
        const second = detectQuotesInSteps(b);
        let ra = first.next();
        let rb = second.next();
        while (!ra.done || !rb.done) {
          if (!ra.done) ra = first.next();
          if (!rb.done) rb = second.next();
        }
        expect(ra.value).toEqual(detectQuotes(a, spans));
        expect(rb.value).toEqual(detectQuotes(b));
      }),
      { numRuns: 300 },
    );
  });

  it('returns the same quotes when it pauses at every step', async () => {
    await fc.assert(
      fc.asyncProperty(text, explicit, async (a, spans: ExplicitQuote[]) => {
        let pauses = 0;
        const quotes = await finishInSlices(detectQuotesInSteps(a, spans), {
          budgetMs: 0,
          pause: async () => {
            pauses++;
          },
        });
        expect(quotes).toEqual(detectQuotes(a, spans));
        expect(pauses).toBeGreaterThanOrEqual(a.split('\n').length - 1);
      }),
      { numRuns: 150 },
    );
  });

  it('on a long article, yields at least once a paragraph and every few quotes', () => {
    const long = Array.from({ length: 20 }, () => ARTICLE_TXT).join('\n');
    const quotes = detectQuotes(long);
    expect(quotes.length).toBeGreaterThan(500);
    let steps = 0;
    const gen = detectQuotesInSteps(long);
    let r = gen.next();
    while (!r.done) {
      steps++;
      r = gen.next();
    }
    expect(r.value).toEqual(quotes);
    const paragraphs = long.split('\n').length;
    expect(steps).toBeGreaterThanOrEqual(paragraphs - 1 + Math.floor(quotes.length / 8));
    expect(finish(detectQuotesInSteps(long))).toEqual(quotes);
  });

  it('stops after a pause when asked to, and returns null', async () => {
    const long = Array.from({ length: 5 }, () => ARTICLE_TXT).join('\n');
    let pauses = 0;
    const result = await finishInSlices(detectQuotesInSteps(long), {
      budgetMs: 0,
      pause: async () => {
        pauses++;
      },
      stopped: () => pauses >= 3,
    });
    expect(result).toBeNull();
    expect(pauses).toBe(3);
  });

  it('pauses only when a slice has used its budget', async () => {
    let clock = 0;
    let pauses = 0;
    const long = Array.from({ length: 3 }, () => ARTICLE_TXT).join('\n');
    const quotes = await finishInSlices(detectQuotesInSteps(long), {
      budgetMs: 10,
      now: () => (clock += 1), // each look at the clock: 1 ms later
      pause: async () => {
        pauses++;
      },
    });
    expect(quotes).toEqual(detectQuotes(long));
    expect(pauses).toBeGreaterThan(0);
    // One look at the clock per step and one more after each pause: a pause every 10 ms of "work".
    expect(pauses).toBeLessThan(clock / 9);
  });
});
