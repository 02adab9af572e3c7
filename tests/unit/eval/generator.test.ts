// @vitest-environment node
// The evaluation's generator: deterministic for a seed, and every quote it makes really has the
// property its verdict names, checked here with plain string logic against the library's text.
import { describe, expect, it } from 'vitest';
import { generatePages, kindSchedule } from '../../../scripts/eval/generate';
import { LibraryWords, loadSotuLibrary, loadSotuSource, paragraphise, sotuStems, wordKeys } from '../../../scripts/eval/library';
import type { GeneratedPage, TruthQuote } from '../../../scripts/eval/page';
import { createRng } from '../../../scripts/eval/prng';
import { FAR_APART_WORDS, MINOR_SWAPS, QUOTE_KINDS } from '../../../scripts/eval/quotes';
import { locate, pairQuotes, relocate } from '../../../scripts/eval/align';

const sources = loadSotuLibrary(3);
const lib = new LibraryWords(sources);
const byId = new Map(sources.map((s) => [s.id, s]));
const opts = { seed: 7, pages: 3, quotesPerPage: 16 };
const pages = generatePages(lib, opts);
const all: { page: GeneratedPage; q: TruthQuote }[] = pages.flatMap((page) => page.quotes.map((q) => ({ page, q })));
const ofKind = (kind: string) => all.filter(({ q }) => q.kind === kind && q.change !== 'invented, holds a scare quote');

/** Quote-mark style, apostrophe and dash glyphs, whitespace, first-letter case and edge punctuation set aside. */
function glyphFold(s: string): string {
  const t = s
    .replace(/\n\n[“‘]/g, ' ')
    .replace(/[’‘]/g, "'")
    .replace(/[–—]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[\s.,;:!?]+|[\s.,;:!?]+$/g, '');
  return t.charAt(0).toLowerCase() + t.slice(1);
}

function sourceSlice(q: TruthQuote): string {
  return byId.get(q.sourceId!)!.text.slice(q.sourceStart!, q.sourceEnd!);
}

function wordDistance(a: string[], b: string[]): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length][b.length];
}

const ELISION = / (…|\.\.\.|\[…\]|\[\.\.\.\]) /;

describe('the library', () => {
  it('turns each address into a speech source with paragraphs', () => {
    const stems = sotuStems();
    expect(stems).toHaveLength(233);
    const s = loadSotuSource('1790_george_washington_n');
    expect(s).toMatchObject({ id: '1790_george_washington_n', title: 'State of the Union Address', speaker: 'George Washington', published: '1790', type: 'speech' });
    expect(s.text.split('\n\n').length).toBeGreaterThan(5);
    expect(paragraphise('One two. Three four.')).toBe('One two. Three four.');
    expect(sources.map((x) => x.id)).toEqual(['1790_george_washington_n', sotuStems()[77], sotuStems()[155]]);
  });
});

describe('the generator', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const again = generatePages(lib, opts);
    expect(again.map((p) => p.html)).toEqual(pages.map((p) => p.html));
    expect(again.map((p) => p.quotes)).toEqual(pages.map((p) => p.quotes));
    const other = generatePages(lib, { ...opts, seed: 8 });
    expect(other[0].html).not.toBe(pages[0].html);
    const a = createRng(5);
    const b = createRng(5);
    expect([a.next(), a.int(1, 9), a.next()]).toEqual([b.next(), b.int(1, 9), b.next()]);
  });

  it('schedules about equal numbers of every kind', () => {
    const counts = new Map<string, number>();
    for (const k of kindSchedule(opts).flat()) counts.set(k, (counts.get(k) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual([...QUOTE_KINDS].sort());
    expect(Math.max(...counts.values()) - Math.min(...counts.values())).toBeLessThanOrEqual(1);
  });

  it('records offsets that point at the quote in the article text', () => {
    for (const { page, q } of all) {
      expect(page.text.slice(q.start, q.end)).toBe(q.text);
      if (q.parent !== null) {
        const outer = page.quotes[q.parent];
        expect(q.start).toBeGreaterThanOrEqual(outer.start);
        expect(q.end).toBeLessThanOrEqual(outer.end);
      }
    }
  });

  it('surrounds the article with furniture that holds quote marks', () => {
    const html = pages[0].html;
    for (const needle of ['og:site_name', 'name="author"', 'article:published_time', '<nav>', '<aside', 'Most read', '<form', '<footer>']) {
      expect(html).toContain(needle);
    }
    expect(html).toMatch(/<nav>.*[“‘"].*<\/nav>/s);
    expect(html).toMatch(/<aside[^>]*>.*‘.*<\/aside>/s);
  });

  it('uses several quoting styles, attribution cues and a nested quote', () => {
    const big = generatePages(lib, { seed: 3, pages: 6, quotesPerPage: 24 });
    const styles = new Set(big.flatMap((p) => p.quotes.map((q) => q.style)));
    for (const s of ['curly-double', 'curly-single', 'straight-double', 'straight-single', 'guillemets', 'low-high', 'q', 'blockquote', 'british']) {
      expect(styles).toContain(s);
    }
    const quotes = big.flatMap((p) => p.quotes);
    expect(quotes.some((q) => q.parent !== null)).toBe(true);
    expect(quotes.some((q) => q.style === 'british' && /\n\n[“‘]/.test(q.text))).toBe(true);
    expect(big.some((p) => /” he added\.|, he added\./.test(p.text))).toBe(true);
    expect(big.some((p) => /According to /.test(p.text))).toBe(true);
  });
});

describe('each verdict has its property relative to the library', () => {
  it('verbatim: the source span with glyph changes only', () => {
    expect(ofKind('verbatim').length).toBeGreaterThan(3);
    for (const { q } of ofKind('verbatim')) {
      expect(glyphFold(q.text)).toBe(glyphFold(sourceSlice(q)));
      const n = wordKeys(q.text).length;
      expect(n).toBeGreaterThanOrEqual(8);
      expect(n).toBeLessThanOrEqual(40);
    }
  });

  it('minor: different text, the same words once spelling, numerals, hyphens and punctuation are folded', () => {
    const fold = (s: string) => wordKeys(s).flatMap((w) => (MINOR_SWAPS[w] && MINOR_SWAPS[w] < w ? MINOR_SWAPS[w] : w).split('-'));
    expect(ofKind('minor').length).toBeGreaterThan(3);
    for (const { q } of ofKind('minor')) {
      const src = sourceSlice(q);
      expect(glyphFold(q.text)).not.toBe(glyphFold(src));
      expect(fold(q.text)).toEqual(fold(src));
    }
  });

  it('elided: marked cuts, parts in order and close together, or one word replaced by [words]', () => {
    for (const { q } of ofKind('elided')) {
      if (q.parts.length === 2) {
        const pieces = q.text.split(ELISION).filter((_, n) => n % 2 === 0);
        expect(pieces).toHaveLength(2);
        expect(wordKeys(pieces[0])).toEqual(wordKeys(q.parts[0].text));
        expect(wordKeys(pieces[1])).toEqual(wordKeys(q.parts[1].text));
        expect(q.parts[0].sourceId).toBe(q.parts[1].sourceId);
        expect(q.parts[1].start - q.parts[0].end).toBeGreaterThan(0);
        expect(q.parts[1].start - q.parts[0].end).toBeLessThan(300);
      } else {
        const [edit] = q.edits;
        expect(q.text).toContain(edit.to!);
        expect(edit.to).toMatch(/^\[.+\]$/);
        expect(glyphFold(q.text.replace(edit.to!, edit.from!))).toBe(glyphFold(sourceSlice(q)));
      }
    }
  });

  it('spliced: two real parts from different addresses, far apart, or reversed', () => {
    expect(ofKind('spliced').length).toBeGreaterThan(3);
    for (const { q } of ofKind('spliced')) {
      const [a, b] = q.parts;
      expect(wordKeys(q.text)).toEqual([...wordKeys(a.text), ...wordKeys(b.text)]);
      for (const p of q.parts) expect(byId.get(p.sourceId)!.text.slice(p.start, p.end)).toBe(p.text);
      if (a.sourceId === b.sourceId) {
        const src = byId.get(a.sourceId)!.text;
        const between = wordKeys(src.slice(a.end, b.start)).length;
        expect(b.start < a.start || between >= FAR_APART_WORDS).toBe(true);
      }
    }
  });

  it('altered: exactly the recorded word edits, with no mark', () => {
    expect(ofKind('altered').length).toBeGreaterThan(3);
    for (const { q } of ofKind('altered')) {
      expect(q.edits.length).toBeGreaterThanOrEqual(1);
      expect(q.edits.length).toBeLessThanOrEqual(2);
      expect(q.text).not.toMatch(/…|\.\.\.|\[/);
      expect(wordDistance(wordKeys(q.text), wordKeys(sourceSlice(q)))).toBe(q.edits.length);
    }
  });

  it('partial: at least 8 source words, then (or after) at least 8 words that are not in the library', () => {
    expect(ofKind('partial').length).toBeGreaterThan(3);
    for (const { q } of ofKind('partial')) {
      const words = wordKeys(q.text);
      const src = wordKeys(sourceSlice(q));
      expect(src.length).toBeGreaterThanOrEqual(8);
      const leading = words.slice(0, src.length).join(' ') === src.join(' ');
      const trailing = words.slice(-src.length).join(' ') === src.join(' ');
      expect(leading || trailing).toBe(true);
      const rest = leading ? words.slice(src.length) : words.slice(0, -src.length);
      expect(rest.length).toBeGreaterThanOrEqual(8);
      expect(lib.sharesRun(rest)).toBe(false);
    }
  });

  it('not_found and short: invented words with no five-word run from the library; short ones have 1–3 words', () => {
    const invented = all.filter(({ q }) => q.verdict === 'not_found');
    expect(invented.length).toBeGreaterThan(6);
    for (const { q } of invented) {
      expect(q.parts).toEqual([]);
      expect(lib.sharesRun(wordKeys(q.text))).toBe(false);
    }
    for (const { q } of ofKind('short')) {
      expect(q.short).toBe(true);
      expect(wordKeys(q.text).length).toBeGreaterThanOrEqual(1);
      expect(wordKeys(q.text).length).toBeLessThanOrEqual(3);
    }
  });
});

describe('the scorer’s bookkeeping', () => {
  it('finds truth spans in an extracted text laid out differently', () => {
    const page = pages[0];
    const squeezed = `Headline\n${page.text.replace(/\n\n/g, '\n')}`;
    const spans = relocate(page, squeezed);
    page.quotes.forEach((q, n) => {
      const s = spans[n]!;
      expect(squeezed.slice(s.start, s.end).replace(/\s+/g, ' ')).toBe(q.text.replace(/\s+/g, ' '));
    });
    expect(locate('a  b c', 'b c', 0)).toEqual({ start: 3, end: 6 });
  });

  it('pairs quotes one to one, preferring close boundaries', () => {
    const pairs = pairQuotes([{ start: 0, end: 100 }, { start: 20, end: 30 }], [{ start: 21, end: 30 }, { start: 0, end: 99 }, { start: 200, end: 210 }]);
    expect([...pairs.entries()].sort()).toEqual([[0, 1], [1, 0]]);
  });
});
