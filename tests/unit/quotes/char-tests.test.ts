// The character tests that sentence scans, context and attribution run per quote compare codes for
// ASCII and keep the Unicode regexes for the rest. Checked here against the regex forms they
// replace, at every position of the reference article and on texts of letters from many scripts,
// lone surrogates and every kind of whitespace.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sentenceBreakAfter, tokens } from '../../../lib/quotes/prose';
import { clauses, wordCount } from '../../../lib/quotes/attribution';
import { quoteContext } from '../../../lib/quotes/context';
import { ARTICLE_TXT } from './corpus';
import { endsSentence, isSpace } from '../../../lib/quotes/chars';
import { isPlainText } from '../../../lib/text/words';

const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'sr', 'jr', 'rev', 'gen', 'col', 'capt', 'lt', 'sgt', 'insp', 'supt',
  'no', 'vs', 'etc', 'e.g', 'i.e', 'cf', 'approx', 'govt', 'dept', 'co', 'inc', 'ltd',
]);
const CLOSING_AFTER_STOP = '”’"\')]»›';

// sentenceBreakAfter as it was written with a regex per character.
function sentenceBreakAfterByRegex(text: string, j: number, ceiling = text.length): number {
  if (!endsSentence(text[j] ?? '')) return -1;
  if (text[j] === '.') {
    let w = j;
    while (w > 0 && /[\p{L}.]/u.test(text[w - 1]) && j - w < 8) w--;
    const word = text.slice(w, j);
    if (/^\p{Lu}$/u.test(word) || ABBREVIATIONS.has(word.toLowerCase())) return -1;
  }
  let k = j + 1;
  const top = Math.min(ceiling, text.length);
  while (k < top && CLOSING_AFTER_STOP.includes(text[k])) k++;
  if (k >= top) return top;
  if (!isSpace(text[k])) return -1;
  if (text.charCodeAt(k) === 10) return k;
  while (k < top && isSpace(text[k]) && text.charCodeAt(k) !== 10) k++;
  if (k < top && /\p{Ll}/u.test(text[k])) return -1;
  return k;
}

// wordCount and the context's tidying as they were written.
const wordCountBySplit = (s: string) => s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

const PIECES = [
  'word', 'Mr', 'mr', 'A', 'É', 'é', 'ß', 'Ωμέγα', 'ω', 'Дж', 'ж', 'ǅ', '中文', '٣', '²', 'e.g', 'i.e', 'Dr', 'MRS',
  '.', '!', '?', '…', '...', ' ', '  ', '\n', '\t', '\u00a0', '\u2003', '\u2028', '\ufeff', '”', '’', ')', '“', '-',
  "'", ',', ':', '😀', '𝐀', '𝐚', '\ud835', '\udc00', '7', 'the', 'The',
];
const soup = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((p) => p.join(''));

describe('character tests by code', () => {
  it('sentenceBreakAfter answers as the regex form at every position of the reference article', () => {
    for (let j = 0; j < ARTICLE_TXT.length; j++) {
      expect(sentenceBreakAfter(ARTICLE_TXT, j), `at ${j}`).toBe(sentenceBreakAfterByRegex(ARTICLE_TXT, j));
      expect(sentenceBreakAfter(ARTICLE_TXT, j, j + 3)).toBe(sentenceBreakAfterByRegex(ARTICLE_TXT, j, j + 3));
    }
  });

  it('sentenceBreakAfter answers as the regex form on texts of many scripts, for any ceiling', () => {
    fc.assert(
      fc.property(soup, fc.integer({ min: 0, max: 12 }), (text, reach) => {
        for (let j = 0; j < text.length; j++) {
          expect(sentenceBreakAfter(text, j)).toBe(sentenceBreakAfterByRegex(text, j));
          expect(sentenceBreakAfter(text, j, j + reach)).toBe(sentenceBreakAfterByRegex(text, j, j + reach));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('wordCount counts the pieces holding a letter or digit, as splitting on whitespace did', () => {
    for (let from = 0; from < ARTICLE_TXT.length; from += 97) {
      const s = ARTICLE_TXT.slice(from, from + 300);
      expect(wordCount(s)).toBe(wordCountBySplit(s));
    }
    fc.assert(fc.property(soup, (s) => {
      expect(wordCount(s)).toBe(wordCountBySplit(s));
    }), { numRuns: 2000 });
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => {
      expect(wordCount(s)).toBe(wordCountBySplit(s));
    }), { numRuns: 2000 });
  });

  it('quoteContext tidies paragraph breaks as before, with or without them in the context', () => {
    // Every quote-sized span of texts with and without newlines: the context is what the regex gave.
    const tidy = (s: string) => s.replace(/\s*\n\s*/g, ' ').trim();
    fc.assert(
      fc.property(soup, fc.nat(), fc.nat(), (text, a, b) => {
        const start = text.length ? a % text.length : 0;
        const end = Math.min(text.length, start + (b % 12));
        const { before, after } = quoteContext(text, { start, end });
        expect(before).toBe(tidy(before));
        expect(after).toBe(tidy(after));
      }),
      { numRuns: 500 },
    );
  });

  it('plain text: every code unit it lets through is a letter or digit to [A-Za-z0-9] exactly when it is one to the Unicode classes', () => {
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      if (!isPlainText(ch)) continue;
      expect(/[A-Za-z0-9]/.test(ch), `U+${c.toString(16)}`).toBe(/[\p{L}\p{N}]/u.test(ch));
      expect(/[A-Za-z]/.test(ch), `U+${c.toString(16)}`).toBe(/\p{L}/u.test(ch));
      expect(c < 0xd800 || c > 0xdfff).toBe(true); // no surrogate: the u flag reads such text as the plain regex does
    }
    expect(isPlainText('\ud835\udc00')).toBe(false);
    expect(isPlainText('The speaker said “we’re here—now…”')).toBe(true);
    expect(isPlainText('café')).toBe(false);
  });

  it('tokens are the word pattern’s matches, whichever form of it reads the text', () => {
    const WORD = /[\p{L}\p{N}]+(?:['’\-‐‑][\p{L}\p{N}]+)*/gu;
    const PLAIN = ['word', 'The', 'can', 't', "'", '’', '-', '‐', '‑', ' ', '\n', '.', ',', '“', '”', '—', '…', '7', 'x2'];
    const plainSoup = fc.array(fc.constantFrom(...PLAIN), { maxLength: 40 }).map((p) => p.join(''));
    fc.assert(
      fc.property(fc.oneof(plainSoup, soup), fc.nat(), fc.nat(), (text, a, b) => {
        const from = text.length ? a % text.length : 0;
        const to = from + (text.length - from ? b % (text.length - from + 1) : 0);
        const expected = [...text.slice(from, to).matchAll(WORD)].map((m) => ({
          word: m[0],
          lower: m[0].toLowerCase(),
          start: from + m.index,
          end: from + m.index + m[0].length,
        }));
        expect(tokens(text, from, to)).toEqual(expected);
        expect(wordCount(text.slice(from, to))).toBe(wordCountBySplit(text.slice(from, to)));
      }),
      { numRuns: 1000 },
    );
  });

  it('clauses are cut where the character-by-character scan cut them', () => {
    const byChar = (text: string): string[] => {
      const out: string[] = [];
      let depth = 0;
      let from = 0;
      for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (c === '(' || c === '[') depth++;
        else if ((c === ')' || c === ']') && depth > 0) depth--;
        else if (depth === 0) {
          const dash = (c === '–' || c === '—') && text[i - 1] === ' ' && text[i + 1] === ' ';
          if (c === ',' || c === ';' || c === ':' || dash) {
            out.push(text.slice(from, i));
            from = i + 1;
          }
        }
      }
      out.push(text.slice(from));
      return out;
    };
    const CUTS = ['word', ' ', ',', ';', ':', '–', '—', ' – ', ' — ', '(', ')', '[', ']', 'a', '\n'];
    const text = fc.array(fc.constantFrom(...CUTS), { maxLength: 30 }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(clauses(t)).toEqual(byChar(t));
      }),
      { numRuns: 3000 },
    );
    for (let from = 0; from < ARTICLE_TXT.length; from += 50) {
      const t = ARTICLE_TXT.slice(from, from + 400);
      expect(clauses(t)).toEqual(byChar(t));
    }
  });
});
