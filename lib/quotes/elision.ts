// Words and years that begin with an apostrophe (’90s, 'n', 'em, 'tis): a single mark before them
// elides letters or digits, it does not open a quotation. Written as comparisons of code units
// rather than a case-insensitive Unicode regex: in a content script's first run compiling such a
// regex (its letter class folded for case) costs more than all the marks of a long page.
import { isAlnumCode } from './chars';

/** The elided words, lower case; a letter matches its upper case too, and `s` also the long s (ſ). */
const ELIDED_WORDS = ['n', 'em', 'til', 'tis', 'twas', 'cause', 'cos', 'bout'];

/** How far past the mark the test reads: the longest elided word and the character after it. */
const READ = 6;

const LONG_S = 0x17f;

/** True when code unit `unit` is the ASCII lower-case letter `lower`, in either case (ſ for s, as Unicode case folding has it). */
function sameLetter(unit: number, lower: number): boolean {
  return unit === lower || unit === lower - 32 || (lower === 115 && unit === LONG_S);
}

function isDigitUnit(unit: number): boolean {
  return unit >= 48 && unit <= 57;
}

/**
 * True when no letter or digit starts at `j` before `limit` (a surrogate pair cut by `limit`
 * counts as no letter): the elided word ends there.
 */
function endsWordAt(text: string, j: number, limit: number): boolean {
  if (j >= limit) return true;
  const unit = text.charCodeAt(j);
  let cp = unit;
  if (unit >= 0xd800 && unit <= 0xdbff && j + 1 < limit) {
    const low = text.charCodeAt(j + 1);
    if (low >= 0xdc00 && low <= 0xdfff) cp = (unit - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
  }
  return !isAlnumCode(cp);
}

/**
 * True when the single mark at `i` starts an elision rather than a quotation: two digits (and an
 * optional s), or one of the elided words, not followed by a letter or digit within the next
 * READ characters.
 */
export function isElisionAt(text: string, i: number): boolean {
  const from = i + 1;
  const limit = Math.min(text.length, from + READ);
  if (from + 1 < limit && isDigitUnit(text.charCodeAt(from)) && isDigitUnit(text.charCodeAt(from + 1))) {
    if (from + 2 < limit && sameLetter(text.charCodeAt(from + 2), 115) && endsWordAt(text, from + 3, limit)) return true;
    if (endsWordAt(text, from + 2, limit)) return true;
  }
  for (let w = 0; w < ELIDED_WORDS.length; w++) {
    const word = ELIDED_WORDS[w];
    const end = from + word.length;
    if (end > limit) continue;
    let k = 0;
    while (k < word.length && sameLetter(text.charCodeAt(from + k), word.charCodeAt(k))) k++;
    if (k === word.length && endsWordAt(text, end, limit)) return true;
  }
  return false;
}
