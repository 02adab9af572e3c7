// @vitest-environment node
// The comparisons that `surface` and the reader's diff make in place give the answers of building
// the forms and comparing the strings: on random stretches of hard text, on every word of the
// corpus against every other word nearby, and for the diff on every place of the corpus.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  caseDifference,
  casedFormOf,
  FIRST_UNIT_DIFFERS,
  foldedForm,
  OTHER_DIFFERENCE,
  punctuationOf,
  SAME_CASE,
  sameFoldedForm,
  samePunctuation,
} from '../../../lib/match/word-forms';
import { diffWithSource, sourceWords, wordDiff } from '../../../lib/match/evidence';
import { LibraryIndex } from '../../../lib/match/library-index';
import { tokenize } from '../../../lib/text/tokenize';
import { createRng } from '../../../scripts/eval/prng';
import { loadSources } from './corpus';

const corpus = loadSources();

// Hard pieces: case, hyphens after letters and digits (line-break hyphenation), backticks, quote
// marks of every style, dashes, accents, combining marks, invisible characters, control codes.
const PIECES = [
  'The', 'the', 'THE', 'police', 'Police', 'a', 'A', 'x', "don't", 'children’s', 'café', 'cafe\u0301', 'ÉTÉ', 'Straße',
  '3,000', '4.5', 'co-operate', 'investi-\ngation', 'well-\n known', '-', '--', '—', '–', '‐', '“', '”', '"', "'", '`',
  '‘', '’', ',', '.', ';', ':', '(', ')', '[', ']', '…', '!', '?', '/', '\u00AD', '\u200B', '\u0001', '\u001f', 'ﬁnd', '½',
];
const SEPARATORS = [' ', ' ', '  ', '\n', '', '\t', ', ', ' - ', '-', '\r\n', '. ', '"', '`'];
const textArb = fc
  .array(fc.tuple(fc.constantFrom(...PIECES), fc.constantFrom(...SEPARATORS)), { maxLength: 30 })
  .map((parts) => parts.map(([w, sep]) => w + sep).join(''));

/** A stretch [from, to) of `text` chosen from two numbers. */
function stretch(text: string, a: number, b: number): [number, number] {
  const from = a % (text.length + 1);
  return [from, Math.min(text.length, from + (b % 12))];
}

/** What caseDifference must say, from the built forms. */
function expectedCase(a: string, a0: number, a1: number, b: string, b0: number, b1: number): number {
  const qa = casedFormOf(a, a0, a1);
  const qb = casedFormOf(b, b0, b1);
  if (qa === qb) return SAME_CASE;
  return qa.slice(1) === qb.slice(1) ? FIRST_UNIT_DIFFERS : OTHER_DIFFERENCE;
}

describe('word forms compared in place', () => {
  it('agree with the built forms on random stretches of two random texts', () => {
    fc.assert(
      fc.property(textArb, textArb, fc.nat(), fc.nat(), fc.nat(), fc.nat(), (x, y, a, b, c, d) => {
        const [x0, x1] = stretch(x, a, b);
        const [y0, y1] = stretch(y, c, d);
        const form = foldedForm(y, y0, y1);
        expect(sameFoldedForm(form, x, x0, x1)).toBe(form === foldedForm(x, x0, x1));
        expect(sameFoldedForm(form.toUpperCase(), x, x0, x1)).toBe(form.toUpperCase() === foldedForm(x, x0, x1));
        expect(caseDifference(x, x0, x1, y, y0, y1)).toBe(expectedCase(x, x0, x1, y, y0, y1));
        expect(samePunctuation(x, x0, x1, y, y0, y1)).toBe(punctuationOf(x, x0, x1) === punctuationOf(y, y0, y1));
      }),
      { numRuns: 4000 },
    );
  });

  it('agree with the built forms on stretches that often are equal', () => {
    // The same text with its case, quote style or hyphens changed here and there, compared at the
    // same place: most comparisons come out equal or nearly so, where a shortcut could go wrong.
    const rng = createRng(3);
    const variants = (t: string): string[] => [t, t.toLowerCase(), t.toUpperCase(), t.replace(/'/g, '’'), t.replace(/ /g, '  '), t.replace(/-/g, '‐'), t.replace(/"/g, '`')];
    let equalPunctuation = 0;
    let sameCase = 0;
    let firstOnly = 0;
    for (let round = 0; round < 3000; round++) {
      let text = '';
      for (let k = rng.int(1, 8); k > 0; k--) text += rng.pick(PIECES) + rng.pick(SEPARATORS);
      const from = rng.int(0, text.length);
      const to = Math.min(text.length, from + rng.int(0, 10));
      for (const other of variants(text)) {
        if (other.length !== text.length) continue;
        const form = foldedForm(other, from, to);
        expect(sameFoldedForm(form, text, from, to)).toBe(form === foldedForm(text, from, to));
        const cased = caseDifference(text, from, to, other, from, to);
        expect(cased).toBe(expectedCase(text, from, to, other, from, to));
        const same = samePunctuation(text, from, to, other, from, to);
        expect(same).toBe(punctuationOf(text, from, to) === punctuationOf(other, from, to));
        if (same) equalPunctuation++;
        if (cased === SAME_CASE) sameCase++;
        if (cased === FIRST_UNIT_DIFFERS) firstOnly++;
      }
    }
    // The cases the shortcut answers must all have come up.
    expect(equalPunctuation).toBeGreaterThan(1000);
    expect(sameCase).toBeGreaterThan(1000);
    expect(firstOnly).toBeGreaterThan(20);
  });

  it('agree with the built forms on every word of the corpus against the words near it', () => {
    for (const s of corpus) {
      const toks = tokenize(s.text);
      for (let i = 1; i < toks.length; i++) {
        for (const j of [i - 1, i + 1, i + 7]) {
          if (j < 1 || j >= toks.length) continue;
          const a = toks[i];
          const b = toks[j];
          const form = foldedForm(s.text, b.start, b.end);
          expect(sameFoldedForm(form, s.text, a.start, a.end)).toBe(form === foldedForm(s.text, a.start, a.end));
          expect(sameFoldedForm(a.form, s.text, a.start, a.end)).toBe(true);
          expect(caseDifference(s.text, a.start, a.end, s.text, b.start, b.end)).toBe(expectedCase(s.text, a.start, a.end, s.text, b.start, b.end));
          const ga: [number, number] = [toks[i - 1].end, a.start];
          const gb: [number, number] = [toks[j - 1].end, b.start];
          expect(samePunctuation(s.text, ...ga, s.text, ...gb)).toBe(punctuationOf(s.text, ...ga) === punctuationOf(s.text, ...gb));
        }
      }
    }
  });
});

describe('diffWithSource', () => {
  const index = LibraryIndex.fromSources(corpus);
  it('gives wordDiff over the source words, for equal and changed quotes at every place of the corpus', () => {
    const rng = createRng(9);
    let equal = 0;
    let changed = 0;
    for (const s of corpus) {
      const entry = index.entryById(s.id)!;
      const count = entry.data.tokenStarts.length;
      for (let round = 0; round < 400; round++) {
        const s0 = rng.int(0, count - 1);
        const s1 = Math.min(count, s0 + rng.int(1, 25));
        let text = s.text.slice(entry.data.tokenStarts[s0], entry.data.tokenEnds[s1 - 1]);
        // Most of them changed: a word's case, an apostrophe's style, a word dropped or replaced.
        const change = rng.int(0, 5);
        if (change === 1) text = text.toUpperCase();
        else if (change === 2) text = text.replace(/'/g, '’').replace(/’/g, "'");
        else if (change === 3) text = text.replace(/\b(the|of|and)\b/, '');
        else if (change === 4) text = text.replace(/\b(police|report|forces?)\b/i, 'officers');
        else if (change === 5) text = `[${text}]`;
        const tokens = tokenize(text);
        const got = diffWithSource(entry, text, tokens, s0, s1);
        expect(got).toEqual(wordDiff(text, tokens, s.text, sourceWords(entry, s0, s1)));
        if (got.length === 1 && got[0].op === 'equal') equal++;
        else changed++;
      }
    }
    expect(equal).toBeGreaterThan(200);
    expect(changed).toBeGreaterThan(200);
  });
});
