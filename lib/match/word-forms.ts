// The normalised and cased forms of a stretch of source or quote text, as lib/text/normalize.ts
// and tokenize.ts define them, without building the offset tables normalizeForMatch keeps for
// every character: the matcher compares many single words and the punctuation between them.
// Plain ASCII without hyphens or backticks normalises to itself (lower-cased when folding) and
// whitespace runs to one space; anything else takes the full path.
import { normalizeForMatch } from '../text/normalize';
import { casedForm, punctuationBetween } from '../text/tokenize';

/** Whether text[start, end) is ASCII with no hyphen, backtick or whitespace. */
function plainAscii(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80 || c === 0x2d || c === 0x60 || c === 32 || (c >= 9 && c <= 13)) return false;
  }
  return true;
}

/** normalizeForMatch(text.slice(start, end)).text */
export function foldedForm(text: string, start: number, end: number): string {
  if (plainAscii(text, start, end)) return text.slice(start, end).toLowerCase();
  return normalizeForMatch(text.slice(start, end)).text;
}

/** casedForm(text, start, end): the normalised form with letter case kept. */
export function casedFormOf(text: string, start: number, end: number): string {
  if (plainAscii(text, start, end)) return text.slice(start, end);
  return casedForm(text, start, end);
}

/** punctuationBetween(text, from, to): the marks between two words, without whitespace and quote marks. */
export function punctuationOf(text: string, from: number, to: number): string {
  if (to <= from) return '';
  let out = '';
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80 || c === 0x2d || c === 0x60) return punctuationBetween(text, from, to);
    if (c === 32 || (c >= 9 && c <= 13) || c === 0x22 || c === 0x27) continue; // whitespace, quote marks
    out += c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : text[i];
  }
  return out;
}

// Comparisons of the forms above without building them: `surface` and the reader's diff compare
// every word of a found quote with its source word, and most words are plain ASCII, which can be
// compared code by code. Anything else builds both forms and compares the strings.

/** The ASCII code `c` lower-cased. */
function lower(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/**
 * The normalised code of a word's character where normalisation maps it alone (ASCII other than
 * whitespace, hyphen and backtick stays itself; a curly single quote becomes "'"), -1 otherwise.
 * Case is kept.
 */
function wordCode(c: number): number {
  if (c < 0x80) return c === 0x2d || c === 0x60 || c === 32 || (c >= 9 && c <= 13) ? -1 : c;
  return c === 0x2018 || c === 0x2019 ? 39 : -1;
}

/** form === foldedForm(text, start, end) */
export function sameFoldedForm(form: string, text: string, start: number, end: number): boolean {
  if (form.length === end - start) {
    // The usual case, in one loop: printable ASCII but the backtick, each character its own
    // normalised form once lower-cased (a combining mark after one would stop the loop).
    let i = start;
    for (; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c <= 32 || c >= 0x80 || c === 0x60 || lower(c) !== form.charCodeAt(i - start)) break;
    }
    if (i === end) return true;
  }
  // Every character must be looked at first: a combining mark changes the character before it.
  if (!simpleWord(text, start, end)) return form === normalizeForMatch(text.slice(start, end)).text;
  if (form.length !== end - start) return false; // one normalised character per character
  for (let i = start; i < end; i++) if (form.charCodeAt(i - start) !== lower(wordCode(text.charCodeAt(i)))) return false;
  return true;
}

/** How two cased forms differ (caseDifference): not at all… */
export const SAME_CASE = 0;
/** …only in the first code unit (equal after `.slice(1)`)… */
export const FIRST_UNIT_DIFFERS = 1;
/** …or elsewhere. */
export const OTHER_DIFFERENCE = 2;

/** Whether every character of text[start, end) normalises alone (see wordCode). */
function simpleWord(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (wordCode(text.charCodeAt(i)) < 0) return false;
  return true;
}

/** How casedFormOf(a, a0, a1) and casedFormOf(b, b0, b1) differ: SAME_CASE, FIRST_UNIT_DIFFERS or OTHER_DIFFERENCE. */
export function caseDifference(a: string, a0: number, a1: number, b: string, b0: number, b1: number): number {
  if (a1 - a0 === b1 - b0) {
    // The usual case, in one loop: the same printable ASCII (but the backtick), its own cased form.
    let k = 0;
    for (; k < a1 - a0; k++) {
      const c = a.charCodeAt(a0 + k);
      if (c <= 32 || c >= 0x80 || c === 0x60 || c !== b.charCodeAt(b0 + k)) break;
    }
    if (k === a1 - a0) return SAME_CASE;
  }
  if (!simpleWord(a, a0, a1) || !simpleWord(b, b0, b1)) {
    const qa = casedFormOf(a, a0, a1);
    const qb = casedFormOf(b, b0, b1);
    if (qa === qb) return SAME_CASE;
    return qa.slice(1) === qb.slice(1) ? FIRST_UNIT_DIFFERS : OTHER_DIFFERENCE;
  }
  // Both forms have one code per character.
  if (a1 - a0 !== b1 - b0) {
    // Different lengths: never equal, and equal after the first unit only when both are empty then.
    return a1 - a0 <= 1 && b1 - b0 <= 1 ? FIRST_UNIT_DIFFERS : OTHER_DIFFERENCE;
  }
  for (let k = 1; k < a1 - a0; k++) if (wordCode(a.charCodeAt(a0 + k)) !== wordCode(b.charCodeAt(b0 + k))) return OTHER_DIFFERENCE;
  return a1 === a0 || wordCode(a.charCodeAt(a0)) === wordCode(b.charCodeAt(b0)) ? SAME_CASE : FIRST_UNIT_DIFFERS;
}

/**
 * Whether text[from, to) is ASCII that normalises code by code: a hyphen stays a hyphen unless it
 * follows a letter (then it may be a line-break hyphenation, which normalisation removes).
 */
function simplePunctuation(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) return false;
    if (c === 0x2d && i > from) {
      const p = text.charCodeAt(i - 1);
      if ((p >= 65 && p <= 90) || (p >= 97 && p <= 122)) return false;
    }
  }
  return true;
}

/** Whether punctuationOf keeps the ASCII code `c`: not whitespace, a quote mark or a backtick (which normalises to one). */
function keptMark(c: number): boolean {
  return !(c === 32 || (c >= 9 && c <= 13) || c === 0x22 || c === 0x27 || c === 0x60);
}

/** punctuationOf(a, a0, a1) === punctuationOf(b, b0, b1) */
export function samePunctuation(a: string, a0: number, a1: number, b: string, b0: number, b1: number): boolean {
  // The same characters have the same punctuation (most often a single space on both sides).
  if (a1 - a0 === b1 - b0) {
    let k = 0;
    while (k < a1 - a0 && a.charCodeAt(a0 + k) === b.charCodeAt(b0 + k)) k++;
    if (k >= a1 - a0) return true;
  }
  if (!simplePunctuation(a, a0, a1) || !simplePunctuation(b, b0, b1)) return punctuationOf(a, a0, a1) === punctuationOf(b, b0, b1);
  let i = a0;
  let j = b0;
  for (;;) {
    while (i < a1 && !keptMark(a.charCodeAt(i))) i++;
    while (j < b1 && !keptMark(b.charCodeAt(j))) j++;
    if (i >= a1 || j >= b1) return i >= a1 && j >= b1;
    if (lower(a.charCodeAt(i)) !== lower(b.charCodeAt(j))) return false;
    i++;
    j++;
  }
}
