// Word counts take the ASCII form of the word pattern where the text is plain (isPlainText: its
// letters and digits all ASCII; every code unit it lets through is tested in char-tests.test.ts);
// checked here against the Unicode pattern over random texts of letters, digits, joiners, marks,
// spaces and the characters that must leave the short cut (accented and other scripts' letters,
// superscript digits, other General Punctuation, surrogate pairs and lone halves).
import { describe, expect, it } from 'vitest';
import { countWords, hasWords, isPlainText } from '../../../lib/text/words';
import { ARTICLE_TXT } from '../quotes/corpus';

// The word pattern with its Unicode classes, as every text was counted before.
const WORD = /[\p{L}\p{N}]+(?:['’\-‐‑][\p{L}\p{N}]+)*/gu;
const byRegex = (text: string) => text.match(WORD)?.length ?? 0;

/** A small seeded generator, so that a failure can be run again. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const PLAIN = ["'", '’', '-', '‐', '‑', '—', '–', '…', '“', '”', ' ', '\n', ',', '.', 'a', 'Z', 'q', '0', '7', 'word', "can't", 'x-ray', '\u00a0', '\u2009'];
const OTHER = ['é', 'ß', 'я', '٣', '中', 'ª', '\u2000', '\u206f', '\u2070', '\u2071', '\u1ffc', '𝐀', '𝟘', '\ud835', '\udc00'];

function randomText(next: () => number, length: number, other: boolean): string {
  let s = '';
  for (let i = 0; i < length; i++) {
    const pool = other && next() < 0.1 ? OTHER : PLAIN;
    s += pool[Math.floor(next() * pool.length)];
  }
  return s;
}

describe('word counts by the ASCII pattern', () => {
  it('count as the Unicode pattern on 4,000 random texts and the reference article', () => {
    const next = rng(11);
    const texts = [ARTICLE_TXT];
    for (let i = 0; i < 4000; i++) texts.push(randomText(next, 1 + Math.floor(next() * 40), i % 2 === 1));
    let plain = 0;
    for (const text of texts) {
      const n = byRegex(text);
      if (n > 0 && isPlainText(text)) plain++;
      expect(countWords(text), JSON.stringify(text)).toBe(n);
      for (let min = 0; min <= 6; min++) expect(hasWords(text, min), `${JSON.stringify(text)} ${min}`).toBe(min <= n);
    }
    expect(plain).toBeGreaterThan(1500);
  });
});
