// Character classes the quote detector and the attribution cues look at. The per-character scan
// works on code points (numbers), so that long texts do not make a string per character.

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Marks that open (“ and ‘ also close the German low-high pairs). */
const OPENING_MARKS = '“‘„‚«‹';

/** Whitespace as JavaScript's `\s` knows it (spaces, NBSP, line breaks, BOM ...): all one code unit. */
export function isSpace(ch: string | undefined): boolean {
  if (ch === undefined || ch === '') return false;
  // Callers pass one character; a longer string keeps the regex's "any character" reading.
  return ch.length === 1 ? isSpaceCode(ch.charCodeAt(0)) : /\s/.test(ch);
}

/** Every character that can open or close a quotation: “ ” ‘ ’ " ' « » „ ‚ ‹ › */
export function isQuoteMark(ch: string | undefined): boolean {
  return ch !== undefined && ch.length === 1 && isQuoteMarkCode(ch.charCodeAt(0));
}

/** isQuoteMark by code unit (NaN, for a position outside the text, is none). */
export function isQuoteMarkCode(code: number): boolean {
  switch (code) {
    case 0x201c: case 0x201d: case 0x2018: case 0x2019: case 34: case 39:
    case 0xab: case 0xbb: case 0x201e: case 0x201a: case 0x2039: case 0x203a:
      return true;
    default:
      return false;
  }
}

/** Sentence-final punctuation. */
export function endsSentence(ch: string): boolean {
  return ch === '.' || ch === '!' || ch === '?' || ch === '…';
}

/** The code point that ends just before `i`, or -1 at the start. */
export function codeBefore(text: string, i: number): number {
  if (i <= 0) return -1;
  const low = text.charCodeAt(i - 1);
  if (low >= 0xdc00 && low <= 0xdfff && i >= 2) {
    const high = text.charCodeAt(i - 2);
    if (high >= 0xd800 && high <= 0xdbff) return (high - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
  }
  return low;
}

/** The code point that starts at `i`, or -1 past the end. */
export function codeAt(text: string, i: number): number {
  return i < text.length ? (text.codePointAt(i) ?? -1) : -1;
}

/**
 * True for the block of curly quote marks, dashes, spaces and the ellipsis (U+2000–U+206F), which
 * holds no letter or digit (checked against the Unicode classes in tests/unit/quotes/code-units.test.ts).
 * The character tests answer for it without a Unicode regex, whose first use in a content script
 * is compiled at some cost.
 */
export function isGeneralPunctuation(cp: number): boolean {
  return cp >= 0x2000 && cp <= 0x206f;
}

/**
 * What the Unicode classes answered for each code unit of the Basic Multilingual Plane: 0 not yet
 * asked, 1 a letter or digit, 2 neither. Asked once per character, so that long texts in any
 * script cost one table read per character rather than one regex test.
 */
const BMP_ALNUM = new Uint8Array(0x10000);

export function isAlnumCode(cp: number): boolean {
  if (cp < 0) return false;
  if (cp < 128) return (cp >= 48 && cp <= 57) || (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122);
  if (isGeneralPunctuation(cp)) return false;
  if (cp > 0xffff) return LETTER_OR_DIGIT.test(String.fromCodePoint(cp));
  let known = BMP_ALNUM[cp];
  if (known === 0) {
    known = LETTER_OR_DIGIT.test(String.fromCharCode(cp)) ? 1 : 2;
    BMP_ALNUM[cp] = known;
  }
  return known === 1;
}

/** The code units above Latin-1 that `\s` matches (the Unicode space separators, line and paragraph separators, BOM). */
function isWideSpace(cp: number): boolean {
  return (
    cp === 0x1680 || (cp >= 0x2000 && cp <= 0x200a) || cp === 0x2028 || cp === 0x2029 || cp === 0x202f ||
    cp === 0x205f || cp === 0x3000 || cp === 0xfeff
  );
}

/** Whitespace as `\s` matches it, by code (a lone code unit, or -1 for none). */
export function isSpaceCode(cp: number): boolean {
  if (cp === 32 || (cp >= 9 && cp <= 13)) return true;
  if (cp < 0xa0) return false;
  return cp === 0xa0 || isWideSpace(cp);
}

const OPEN_CONTEXT = new Set(Array.from('([{<—–-‐/"\'' + OPENING_MARKS, (c) => c.charCodeAt(0)));
const CANNOT_BEGIN = new Set(Array.from(',;:!?)]}', (c) => c.charCodeAt(0)));

/**
 * What may stand just before an opening mark: the start (-1), a space, an opening bracket or
 * dash, or another opening mark ("‘ inside “).
 */
export function opensAfterCode(cp: number): boolean {
  return cp < 0 || isSpaceCode(cp) || OPEN_CONTEXT.has(cp);
}

/**
 * True when a quotation cannot begin at text[i]: the end, a space, or closing punctuation. A lone
 * full stop closes ("…here.'"); an ellipsis may open ("'...and then'").
 */
export function cannotBeginAt(text: string, i: number): boolean {
  if (i >= text.length) return true;
  const cp = text.charCodeAt(i);
  if (isSpaceCode(cp) || CANNOT_BEGIN.has(cp)) return true;
  return cp === 46 && text.charCodeAt(i + 1) !== 46;
}
