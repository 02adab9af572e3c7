// The elision test, the General Punctuation short cut and the quote-mark test by code answer
// without Unicode regexes or one-character strings; checked
// here against the regex forms they replace, at every position of random texts made of the
// characters that decide them (digits, the elided words' letters in both cases, the long s, the
// Kelvin sign, letters from other scripts, surrogate pairs and lone halves, marks and spaces).
import { describe, expect, it } from 'vitest';
import { isElisionAt } from '../../../lib/quotes/elision';
import { isAlnumCode, isGeneralPunctuation, isQuoteMark, isQuoteMarkCode } from '../../../lib/quotes/chars';
import { ARTICLE_TXT } from './corpus';

// isElision as it was written, with a case-insensitive Unicode regex over the next six characters.
const ELISION = /^(?:\d\ds?|n|em|til|tis|twas|cause|cos|bout)(?![\p{L}\p{N}])/iu;
const byRegex = (text: string, i: number) => ELISION.test(text.slice(i + 1, i + 7));

/** A small seeded generator, so that a failure can be run again. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const PIECES = [
  "'", '’', '‘', ' ', '\n', '0', '9', '1', 's', 'S', 'ſ', 'K', 'n', 'N', 'e', 'E', 'm', 'M', 't', 'T', 'i', 'I', 'l',
  'w', 'W', 'a', 'c', 'C', 'u', 'o', 'O', 'b', 'B', 'x', '.', ',', '-', 'é', 'ß', 'я', '٣', '中', '𝐀', '𝟘', '😀',
  '\ud835', '\udc00', '”', '“', 'tis', 'twas', 'cause', 'cos', 'bout', 'til', 'em', "'90s", 'TIS', 'Cause',
];

function randomText(next: () => number, length: number): string {
  let s = '';
  while (s.length < length) s += PIECES[Math.floor(next() * PIECES.length)];
  return s;
}

describe('isElisionAt', () => {
  it('answers as the case-insensitive Unicode regex at every position of random texts', () => {
    const next = rng(20261130);
    let elisions = 0;
    for (let t = 0; t < 400; t++) {
      const text = randomText(next, 1 + Math.floor(next() * 40));
      for (let i = -1; i <= text.length; i++) {
        const expected = byRegex(text, i);
        if (isElisionAt(text, i) !== expected) throw new Error(`differs at ${i} of ${JSON.stringify(text)}: regex ${expected}`);
        if (expected) elisions++;
      }
    }
    expect(elisions).toBeGreaterThan(200); // the texts do hold elisions
  });

  it('answers as the regex at every position of the reference article', () => {
    for (let i = 0; i < ARTICLE_TXT.length; i++) expect(isElisionAt(ARTICLE_TXT, i)).toBe(byRegex(ARTICLE_TXT, i));
  });

  it('reads the cases the regex reads', () => {
    expect(isElisionAt("'90s", 0)).toBe(true);
    expect(isElisionAt("'90", 0)).toBe(true);
    expect(isElisionAt("'9", 0)).toBe(false);
    expect(isElisionAt("'90x", 0)).toBe(false);
    expect(isElisionAt("rock 'n' roll", 5)).toBe(true);
    expect(isElisionAt("'TIS so", 0)).toBe(true);
    expect(isElisionAt("'tiſ so", 0)).toBe(true); // the long s folds to s
    expect(isElisionAt("'tisk", 0)).toBe(false);
    expect(isElisionAt("'cause𝐀", 0)).toBe(true); // the pair is cut after six characters
    expect(isElisionAt("'cos𝐀", 0)).toBe(false);
    expect(isElisionAt("'em", 0)).toBe(true);
    expect(isElisionAt("'emerald", 0)).toBe(false);
  });
});

describe('isGeneralPunctuation', () => {
  it('holds no letter, digit, upper- or lower-case letter, and its neighbours are outside it', () => {
    for (let cp = 0x1f00; cp <= 0x2100; cp++) {
      const ch = String.fromCharCode(cp);
      const classed = /[\p{L}\p{N}]/u.test(ch) || /\p{Lu}/u.test(ch) || /\p{Ll}/u.test(ch);
      if (isGeneralPunctuation(cp)) expect(classed).toBe(false);
      expect(isAlnumCode(cp)).toBe(/[\p{L}\p{N}]/u.test(ch));
    }
    expect(isGeneralPunctuation(0x1fff)).toBe(false);
    expect(isGeneralPunctuation(0x2070)).toBe(false); // superscript zero: a digit
    expect(isGeneralPunctuation(0x201c)).toBe(true);
  });
});

describe('isQuoteMarkCode', () => {
  it('answers for every code unit as the list of quote marks, as isQuoteMark does, and no for a position outside the text', () => {
    const QUOTE_MARKS = '“”‘’"\'«»„‚‹›';
    let marks = 0;
    for (let code = 0; code <= 0xffff; code++) {
      const expected = QUOTE_MARKS.includes(String.fromCharCode(code));
      if (isQuoteMark(String.fromCharCode(code)) !== expected) throw new Error(`isQuoteMark differs at ${code.toString(16)}`);
      if (isQuoteMarkCode(code) !== expected) throw new Error(`differs at ${code.toString(16)}`);
      if (expected) marks++;
    }
    expect(marks).toBe(12);
    expect(isQuoteMarkCode(''.charCodeAt(0))).toBe(false);
  });
});
