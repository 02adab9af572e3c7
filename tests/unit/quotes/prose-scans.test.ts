// The paragraph and sentence scans use the string's own indexOf/lastIndexOf and skip characters
// that cannot end a sentence without a call. Checked here against the character-by-character
// scans they replace, at every position of the reference article and of texts full of the hard
// cases (newlines at the edges, stops before closing marks, titles, ellipses), with floors and
// ceilings inside, at and beyond the text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paragraphEnd, paragraphStart, sentenceBreakAfter, sentenceEnd, sentenceStart } from '../../../lib/quotes/prose';
import { ARTICLE_TXT } from './corpus';

// The scans as they were written before: one character at a time.
function paragraphStartByChar(text: string, pos: number, floor = 0): number {
  for (let j = pos - 1; j >= floor; j--) if (text.charCodeAt(j) === 10) return j + 1;
  return Math.max(0, floor);
}
function paragraphEndByChar(text: string, pos: number, ceiling = text.length): number {
  const top = Math.min(ceiling, text.length);
  for (let j = pos; j < top; j++) if (text.charCodeAt(j) === 10) return j;
  return top;
}
function sentenceStartByChar(text: string, pos: number, floor = 0): number {
  for (let j = pos - 1; j >= floor; j--) {
    if (text.charCodeAt(j) === 10) return j + 1;
    const next = sentenceBreakAfter(text, j, pos);
    if (next >= 0 && next <= pos && next > j) return text.charCodeAt(next) === 10 ? next + 1 : next;
  }
  return Math.max(0, floor);
}
const CLOSING_AFTER_STOP = '”’"\')]»›';
function sentenceEndByChar(text: string, pos: number, ceiling = text.length): number {
  const top = Math.min(ceiling, text.length);
  for (let j = pos; j < top; j++) {
    if (text.charCodeAt(j) === 10) return j;
    if (sentenceBreakAfter(text, j, top) >= 0) {
      let k = j + 1;
      while (k < top && CLOSING_AFTER_STOP.includes(text[k])) k++;
      return k;
    }
  }
  return top;
}

/** Every scan at `pos` with the given bound, new against old. */
function expectSame(text: string, pos: number, reach: number): void {
  const at = `${JSON.stringify(text.slice(Math.max(0, pos - 20), pos + 20))} at ${pos}, reach ${reach}`;
  expect(paragraphStart(text, pos, pos - reach), at).toBe(paragraphStartByChar(text, pos, pos - reach));
  expect(paragraphStart(text, pos), at).toBe(paragraphStartByChar(text, pos));
  expect(paragraphEnd(text, pos, pos + reach), at).toBe(paragraphEndByChar(text, pos, pos + reach));
  expect(paragraphEnd(text, pos), at).toBe(paragraphEndByChar(text, pos));
  expect(sentenceStart(text, pos, pos - reach), at).toBe(sentenceStartByChar(text, pos, pos - reach));
  expect(sentenceStart(text, pos, Math.max(0, pos - reach)), at).toBe(sentenceStartByChar(text, pos, Math.max(0, pos - reach)));
  expect(sentenceEnd(text, pos, pos + reach), at).toBe(sentenceEndByChar(text, pos, pos + reach));
  expect(sentenceEnd(text, pos), at).toBe(sentenceEndByChar(text, pos));
}

describe('paragraph and sentence scans', () => {
  it('answer as the character-by-character scans did, at every position of the reference article', () => {
    for (let pos = 0; pos <= ARTICLE_TXT.length; pos += 1) {
      expectSame(ARTICLE_TXT, pos, pos % 3 === 0 ? 200 : 2000);
    }
  });

  it('answer as the character-by-character scans did on texts of hard cases, for any bound', () => {
    const PIECES = ['word', 'Mr', 'A', 'e.g', '.', '!', '?', '…', '...', ' ', '  ', '\n', '\n\n', '”', '’', ')', '“', 'the', 'The', 'é', '😀', '\u00a0', ':'];
    const soup = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((p) => p.join(''));
    fc.assert(
      fc.property(soup, fc.integer({ min: 0, max: 12 }), (text, reach) => {
        for (let pos = -2; pos <= text.length + 2; pos++) expectSame(text, pos, reach);
      }),
      { numRuns: 300 },
    );
  });
});
