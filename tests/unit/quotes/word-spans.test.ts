// WordSpans counts the words of a span as the words of the whole text that overlap it, without
// reading the whole text: checked against that definition, by brute force, on texts full of the
// hard cases (joiners at span edges, astral letters, lone surrogates).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WordSpans } from '../../../lib/quotes/prose';

const WORD = /[\p{L}\p{N}]+(?:['’\-‐‑][\p{L}\p{N}]+)*/gu;

/** The definition: WORD matches of the whole text that overlap [start, end). */
function overlapping(text: string, start: number, end: number): number {
  if (end <= start) return 0;
  let n = 0;
  for (const m of text.matchAll(WORD)) if (m.index < end && m.index + m[0].length > start) n++;
  return n;
}

const PIECES = ['a', 'word', 'é', '7', '²', '𝐀', '😀', '\ud835', '\udc00', "'", '’', '-', '‐', '‑', ' ', '\n', '.', ',', '“', '”', 'can', 't'];
const soup = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((p) => p.join(''));

describe('WordSpans', () => {
  it('counts the words of the whole text that overlap a span, for every span', () => {
    fc.assert(
      fc.property(soup, (text) => {
        const words = new WordSpans(text);
        for (let s = 0; s <= text.length; s++) {
          for (let e = s; e <= text.length; e++) expect(words.count(s, e), `${JSON.stringify(text)} [${s}, ${e})`).toBe(overlapping(text, s, e));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('gives the same counts once the spans read add up to more than the text (nested quotes)', () => {
    fc.assert(
      fc.property(soup, fc.array(fc.tuple(fc.nat(45), fc.nat(45)), { maxLength: 20 }), (text, spans) => {
        const words = new WordSpans(text);
        const n = text.length;
        // Read the whole text over and over until the counts switch to the index of all words.
        for (let k = 0; k < 4200 / Math.max(n, 1) + 3; k++) expect(words.count(0, n)).toBe(overlapping(text, 0, n));
        for (const [a, b] of spans) {
          const s = Math.min(a, b, n);
          const e = Math.min(Math.max(a, b), n);
          expect(words.count(s, e)).toBe(overlapping(text, s, e));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('counts a word cut by a span edge once, and a lone joiner inside a word as that word', () => {
    const text = 'the large-scale review';
    const words = new WordSpans(text);
    expect(words.count(4, 17)).toBe(2); // "large-scale r"
    expect(words.count(6, 12)).toBe(1); // "rge-sc"
    expect(words.count(9, 10)).toBe(1); // "-"
    expect(words.count(3, 4)).toBe(0); // " "
    expect(words.count(0, text.length)).toBe(3);
  });
});
