// Word counts take the ASCII form of the word pattern where the text's code units are all ASCII
// or General Punctuation; checked here against the Unicode pattern over every such code unit and
// over random texts of letters, digits, joiners, marks and the characters that must leave the
// short cut (accented and other scripts' letters, superscript digits just past the block,
// surrogate pairs and lone halves).
import { describe, expect, it } from 'vitest';
import { countWords, hasWords } from '../../../lib/text/words';
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

const PLAIN = ["'", '’', '-', '‐', '‑', '—', '–', '…', '“', '”', ' ', '\n', ',', '.', 'a', 'Z', 'q', '0', '7', 'word', "can't", 'x-ray', '\u2000', '\u206f'];
const OTHER = ['é', 'ß', 'я', '٣', '中', 'ª', '\u00a0', '\u2070', '\u2071', '\u1ffc', '𝐀', '𝟘', '\ud835', '\udc00'];

function randomText(next: () => number, length: number, other: boolean): string {
  let s = '';
  for (let i = 0; i < length; i++) {
    const pool = other && next() < 0.1 ? OTHER : PLAIN;
    s += pool[Math.floor(next() * pool.length)];
  }
  return s;
}

describe('word counts by the ASCII pattern', () => {
  it('treat every ASCII and General Punctuation code unit as the Unicode classes do', () => {
    for (let code = 0; code <= 0x206f; code = code === 0x7f ? 0x2000 : code + 1) {
      const ch = String.fromCharCode(code);
      expect(/[A-Za-z0-9]/.test(ch), `U+${code.toString(16)}`).toBe(/[\p{L}\p{N}]/u.test(ch));
    }
  });

  it('count as the Unicode pattern on 4,000 random texts and the reference article', () => {
    const next = rng(11);
    const texts = [ARTICLE_TXT];
    for (let i = 0; i < 4000; i++) texts.push(randomText(next, 1 + Math.floor(next() * 40), i % 2 === 1));
    let plain = 0;
    for (const text of texts) {
      const n = byRegex(text);
      if (n > 0 && !/[^\x00-\x7f\u2000-\u206f]/.test(text)) plain++;
      expect(countWords(text), JSON.stringify(text)).toBe(n);
      for (let min = 0; min <= 6; min++) expect(hasWords(text, min), `${JSON.stringify(text)} ${min}`).toBe(min <= n);
    }
    expect(plain).toBeGreaterThan(1500);
  });
});
