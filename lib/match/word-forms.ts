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
