// parseQuote skips its two mark expressions when a character scan (mayHoldMarks) shows that
// neither can match: the scan must never say "no" where either expression finds a mark.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mayHoldMarks, parseQuote } from '../../../lib/match/quote-parts';
import { createRng } from '../../../scripts/eval/prng';
import { tokenize } from '../../../lib/text/tokenize';

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

/** parseQuote as written before its shortcuts: both expressions always, then the loop over every token. */
function plainParse(raw: string) {
  const LENIENCE: Record<string, number> = { start: 0, sic: 1, bracket: 2, elision: 3 };
  const classify = (mark: string): 'sic' | 'bracket' | 'elision' => {
    if (/^\[\s*sic\s*\]$/i.test(mark)) return 'sic';
    if (/^\[/.test(mark) && !/^\[\s*(?:…|\.\s*\.\s*\.)\s*\]$/.test(mark)) return 'bracket';
    return 'elision';
  };
  let editorial = false;
  const text = raw.replace(GLUED_BRACKET, (_m, a: string | undefined, b: string | undefined) => {
    editorial = true;
    return a ?? b ?? '';
  });
  const marks: Array<{ start: number; end: number; kind: string }> = [];
  MARKS.lastIndex = 0;
  for (let m = MARKS.exec(text); m; m = MARKS.exec(text)) marks.push({ start: m.index, end: m.index + m[0].length, kind: classify(m[0]) });
  const tokens = tokenize(text);
  const bracketed = new Set<number>();
  const parts: Array<{ from: number; to: number; sep: string }> = [];
  let mi = 0;
  let pending: string | null = null;
  let current: { from: number; to: number; sep: string } | null = null;
  tokens.forEach((tok, ti) => {
    while (mi < marks.length && marks[mi].end <= tok.start) {
      const kind = marks[mi].kind;
      if (pending === null || LENIENCE[kind] > LENIENCE[pending]) pending = kind;
      mi++;
    }
    if (mi < marks.length && marks[mi].start <= tok.start && tok.end <= marks[mi].end) {
      bracketed.add(ti);
      const kind = marks[mi].kind;
      if (pending === null || LENIENCE[kind] > LENIENCE[pending]) pending = kind;
      return;
    }
    if (current && pending === null) {
      current.to = ti + 1;
      return;
    }
    if (pending === 'bracket' || pending === 'sic') editorial = true;
    current = { from: ti, to: ti + 1, sep: current ? (pending ?? 'elision') : 'start' };
    parts.push(current);
    pending = null;
  });
  for (; mi < marks.length; mi++) if (marks[mi].kind !== 'elision') editorial = true;
  if (pending === 'bracket' || pending === 'sic') editorial = true;
  return { text, tokens, parts, bracketed, editorial, words: parts.reduce((n, p) => n + p.to - p.from, 0) };
}

describe('parseQuote against the plain parse', () => {
  it('gives the same text, tokens, parts, brackets and editorial flag, with and without marks', () => {
    const pieces = [
      ...'abXY01', ' ', '  ', '\n', '.', '. ', '..', '[', ']', '(', ')', '…', '[…]', '[...]', '( . . . )',
      '[sic]', '[T]', 'he', '[d]', '[the police]', '“', '’', '-', 'é', ',', 'word ', 'twenty one ', 'ﬁ',
    ];
    const rng = createRng(29);
    let plain = 0;
    let marked = 0;
    for (let round = 0; round < 20000; round++) {
      let text = '';
      for (let k = rng.int(0, 16); k > 0; k--) text += rng.pick(pieces);
      const got = parseQuote(text);
      const expected = plainParse(text);
      if (JSON.stringify({ ...got, bracketed: [...got.bracketed] }) !== JSON.stringify({ ...expected, bracketed: [...expected.bracketed] })) {
        expect({ text, got }).toEqual({ text, got: expected });
      }
      if (expected.parts.length === 1 && !expected.editorial) plain++;
      else marked++;
    }
    expect(plain).toBeGreaterThan(2000);
    expect(marked).toBeGreaterThan(2000);
  });
});
