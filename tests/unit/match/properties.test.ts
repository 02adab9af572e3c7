// Properties over generated quotes: exact spans are always found, changed words are never
// reported as faithful, and no text makes the matcher throw.
import { describe, it } from 'vitest';
import fc from 'fast-check';
import { LibraryIndex, checkQuote } from '../../../lib/match';
import { normalizeForMatch } from '../../../lib/text/normalize';
import { countWords } from '../../../lib/text/words';
import { matchKey } from '../../../lib/text/tokenize';
import type { QuoteCheck, Verdict } from '../../../lib/types';
import { loadSources } from './corpus';

const sources = loadSources();
const index = LibraryIndex.fromSources(sources);
const FAITHFUL: Verdict[] = ['verbatim', 'minor', 'elided'];

/** A span of whole words taken from a source: [sourceIndex, first token, token count]. */
function spanArb(minTokens: number, maxTokens: number) {
  return fc
    .tuple(fc.nat({ max: sources.length - 1 }), fc.nat(), fc.integer({ min: minTokens, max: maxTokens }))
    .map(([si, at, len]) => {
      const data = index.sourceData(sources[si].id)!;
      const n = data.tokenWords.length;
      const count = Math.min(len, n);
      const first = at % (n - count + 1);
      return { sourceId: sources[si].id, first, count, start: data.tokenStarts[first], end: data.tokenEnds[first + count - 1] };
    });
}

/** The source and its index data (kept out of generated values so counterexamples stay short). */
function lookup(sourceId: string) {
  return { src: index.source(sourceId)!, data: index.sourceData(sourceId)! };
}

const norm = (s: string) => normalizeForMatch(s).text;

/** Places (primary and elsewhere) where the check says the quote is, with their verdicts. */
function places(r: QuoteCheck): Array<{ sourceId: string; start: number; end: number; verdict: Verdict }> {
  const out = r.match ? [{ sourceId: r.match.sourceId, start: r.match.start, end: r.match.end, verdict: r.verdict }] : [];
  return [...out, ...r.alsoIn];
}

describe('matcher properties', () => {
  it('every exact span of six or more words from a source is found verbatim at its offsets (or at an identical copy)', () => {
    fc.assert(
      fc.property(spanArb(6, 40), ({ sourceId, start, end }) => {
        const { src } = lookup(sourceId);
        const text = src.text.slice(start, end);
        if (countWords(text) < 6) return true;
        const r = checkQuote(index, { text });
        if (r.verdict !== 'verbatim') return false;
        return places(r).some(
          (p) => p.verdict === 'verbatim' && (p.sourceId === src.id && p.start === start && p.end === end ? true : norm(index.source(p.sourceId)!.text.slice(p.start, p.end)) === norm(text)),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('exact spans are found at exactly their offsets when the words occur once in the library', () => {
    fc.assert(
      fc.property(spanArb(12, 40), ({ sourceId, start, end }) => {
        const { src } = lookup(sourceId);
        const text = src.text.slice(start, end);
        const normalized = norm(text);
        const copies = sources.reduce((n, s) => n + norm(s.text).split(normalized).length - 1, 0);
        if (copies !== 1 || countWords(text) < 6) return true;
        const r = checkQuote(index, { text });
        return r.verdict === 'verbatim' && r.match?.sourceId === src.id && r.match.start === start && r.match.end === end;
      }),
      { numRuns: 200 },
    );
  });

  it('a one-word substitution in a quote of eight or more words is never verbatim, minor or elided', () => {
    const invented = fc.string({ unit: fc.constantFrom('q', 'x', 'z', 'j', 'v', 'k', 'w'), minLength: 3, maxLength: 7 });
    fc.assert(
      fc.property(spanArb(8, 40), fc.nat(), invented, ({ sourceId, first, count, start, end }, which, word) => {
        const { src, data } = lookup(sourceId);
        const text = src.text.slice(start, end);
        if (countWords(text) < 8) return true;
        const t = first + (which % count);
        if (matchKey(word) === data.vocabulary[data.tokenWords[t]]) return true;
        const a = data.tokenStarts[t] - start;
        const b = data.tokenEnds[t] - start;
        const changed = text.slice(0, a) + word + text.slice(b);
        return !FAITHFUL.includes(checkQuote(index, { text: changed }).verdict);
      }),
      { numRuns: 300 },
    );
  });

  it('a dropped word in a quote of eight or more words is never verbatim, minor or elided', () => {
    fc.assert(
      fc.property(spanArb(8, 40), fc.nat(), ({ sourceId, first, count, start, end }, which) => {
        const { src, data } = lookup(sourceId);
        const text = src.text.slice(start, end);
        if (countWords(text) < 8) return true;
        const t = first + 1 + (which % (count - 2)); // an inner word
        const changed = text.slice(0, data.tokenStarts[t] - start) + text.slice(data.tokenEnds[t] - start);
        // Dropping a word can leave a duplicate phrase that is genuinely in the source.
        const normChanged = norm(changed).replace(/\s+/g, ' ');
        if (sources.some((s) => norm(s.text).replace(/\s+/g, ' ').includes(normChanged))) return true;
        return !FAITHFUL.includes(checkQuote(index, { text: changed }).verdict);
      }),
      { numRuns: 200 },
    );
  });

  it('never throws, on any text', () => {
    const words = sources.flatMap((s) => s.text.split(/\s+/).slice(0, 200));
    const pieces = fc.oneof(
      fc.constantFrom(...words),
      fc.constantFrom('…', '...', '. . .', '[…]', '[...]', '[sic]', '[the police]', '[', ']', '“', '”', '’', '-', '\n', '\u00AD', '\u200B'),
      fc.string({ maxLength: 6 }),
      fc.string({ unit: 'grapheme', maxLength: 6 }),
    );
    const text = fc.oneof(fc.string({ maxLength: 200 }), fc.array(pieces, { maxLength: 60 }).map((a) => a.join(' ')));
    fc.assert(
      fc.property(text, fc.option(fc.string({ maxLength: 40 })), fc.option(fc.string({ maxLength: 40 })), (t, before, attribution) => {
        const r = checkQuote(index, { text: t, before: before ?? undefined, after: before ?? undefined, attribution });
        return typeof r.verdict === 'string' && Array.isArray(r.alsoIn) && (r.match === null || (r.match.similarity >= 0 && r.match.similarity <= 1));
      }),
      { numRuns: 400 },
    );
  });
});
