// parseQuote skips its two mark expressions when a character scan (mayHoldMarks) shows that
// neither can match: the scan must never say "no" where either expression finds a mark.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mayHoldMarks, parseQuote } from '../../../lib/match/quote-parts';
import { createRng } from '../../../scripts/eval/prng';

const CORPUS = join(__dirname, '../../fixtures/corpus');

// The expressions of quote-parts.ts, as written there.
const MARKS = /\[\s*(?:…|\.\s*\.\s*\.)\s*\]|\(\s*(?:…|\.\s*\.\s*\.)\s*\)|…|\.(?:\s?\.){2,}|\[[^[\]]*\]/gu;
const GLUED_BRACKET = /\[(\p{L}{1,3})\](?=\p{L})|(?<=\p{L})\[(\p{L}{1,3})\]/gu;

function anyMark(text: string): boolean {
  MARKS.lastIndex = 0;
  GLUED_BRACKET.lastIndex = 0;
  return MARKS.test(text) || GLUED_BRACKET.test(text);
}

function agrees(text: string): void {
  if (!mayHoldMarks(text) && anyMark(text)) expect({ text, mayHoldMarks: false }).toEqual({ text, mayHoldMarks: true });
}

describe('mayHoldMarks', () => {
  it('says yes wherever a mark expression matches, on random text', () => {
    const pieces = [
      ...'abXY01', ' ', '  ', '\n', '\t', '.', '. ', '..', '.\n', '[', ']', '(', ')', '…', '[…]', '[...]', '( . . . )',
      '[sic]', '[T]', 'he', '[d]', '“', '”', '’', '-', '—', 'é', '\u0301', '\u00A0', ',', 'word', 'ﬁ',
    ];
    const rng = createRng(17);
    let marked = 0;
    for (let round = 0; round < 20000; round++) {
      let text = '';
      const length = rng.int(0, 14);
      for (let k = 0; k < length; k++) text += rng.pick(pieces);
      agrees(text);
      if (anyMark(text)) marked++;
    }
    expect(marked).toBeGreaterThan(1000); // the random texts do hold marks
  });

  it('says yes wherever a mark expression matches, on every sentence of the corpus', () => {
    const files = [
      ...readdirSync(join(CORPUS, 'sources'))
        .filter((f) => f.endsWith('.txt'))
        .map((f) => join(CORPUS, 'sources', f)),
      ...readdirSync(join(CORPUS, 'articles'))
        .filter((f) => f.endsWith('.txt'))
        .map((f) => join(CORPUS, 'articles', f)),
    ];
    let sentences = 0;
    for (const file of files) {
      for (const s of readFileSync(file, 'utf8').split(/(?<=[.!?”])\s+/)) {
        agrees(s);
        sentences++;
      }
    }
    expect(sentences).toBeGreaterThan(100);
  });

  it('answers the plain cases', () => {
    expect(mayHoldMarks('We will act now, and we will act fast.')).toBe(false);
    expect(mayHoldMarks('We will act. Now. Fast')).toBe(false);
    expect(mayHoldMarks('We will act. Now. Fast.')).toBe(true);
    expect(mayHoldMarks('We will … act')).toBe(true);
    expect(mayHoldMarks('[T]he police')).toBe(true);
  });
});

describe('parseQuote', () => {
  it('splits at marks and keeps a plain quote whole', () => {
    const plain = parseQuote('We will act now, and we will act fast.');
    expect(plain.parts).toEqual([{ from: 0, to: 9, sep: 'start' }]);
    expect(plain.editorial).toBe(false);
    expect(plain.text).toBe('We will act now, and we will act fast.');

    const marked = parseQuote('[T]he force … acted [sic] fast. . . and well');
    expect(marked.text).toBe('The force … acted [sic] fast. . . and well');
    expect(marked.parts.map((p) => p.sep)).toEqual(['start', 'elision', 'sic', 'elision']);
    expect(marked.editorial).toBe(true);
    expect(marked.bracketed).toEqual(new Set([3])); // "sic"
  });
});
