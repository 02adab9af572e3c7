// `tokenize` for the short texts the matcher reads on every check (a quote, the article around
// it), without normalizeForMatch's offset tables. Outside whitespace, normalising the characters
// a news text is mostly made of changes each one into exactly one character: ASCII is lower-cased,
// the backtick and curly single quotes become "'", curly double quotes and guillemets '"', en and
// em dashes '-'. Whitespace runs become one space. The one exception, the ellipsis '…' (common in
// quotes that mark their cuts), becomes three full stops. So a word's original offsets are its
// offsets in the text, and its normalised offsets are those less the whitespace dropped before it,
// plus two for each ellipsis before it. A text
// holding any other character, or a hyphen between a letter and a line break (which may be a
// line-break hyphenation), is handed to `tokenize`. A test compares the two on random and real text.
import { mayBeTens } from './numbers';
import { matchKey, mergeCompoundNumbers, tokenize, type Token } from './tokenize';

const SPACE = -1;
const OTHER = -2; // a character this path does not handle
const ELLIPSIS = -3; // '…', three '.' once normalised: no word character, and no digit's neighbour

/** The normalised code of `c`, SPACE for ASCII whitespace, OTHER outside the handled set. */
function normalisedCode(c: number): number {
  if (c < 0x80) {
    if (c === 32 || (c >= 9 && c <= 13)) return SPACE;
    if (c >= 65 && c <= 90) return c + 32;
    if (c === 0x60) return 39;
    return c;
  }
  switch (c) {
    case 0x2018:
    case 0x2019:
      return 39;
    case 0x201c:
    case 0x201d:
    case 0xab:
    case 0xbb:
      return 34;
    case 0x2013:
    case 0x2014:
      return 45;
    case 0x2026:
      return ELLIPSIS;
    default:
      return OTHER;
  }
}

function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

// Normalised codes of the text being tokenised, reused from call to call.
let codes = new Int32Array(256);

// Recent words by a hash of their normalised codes (direct-mapped): a word seen before gets its
// form and key back without slicing a new string and hashing it in matchKey's large cache; the
// same few thousand words make up the quotes and contexts of a page. An entry holds a form and
// matchKey(form), so a hit gives exactly what the slow way gives.
const RECENT_SIZE = 16384; // a power of two; 4,096 left a third of a long page's 2,000 distinct quote words sharing a slot
// A slot's form and key side by side (form at 2 * slot, key after it): a hit reads one line of
// memory, which the check's other work between two quotes has mostly evicted.
const recent: string[] = new Array<string>(2 * RECENT_SIZE).fill('');

// The slot of a word: FNV-1a over its normalised codes, folded to the table's size.
const HASH_SEED = 0x811c9dc5;
const HASH_PRIME = 0x01000193;

/** Whether `form` is the string of the normalised codes [a, b). */
function holdsCodes(cs: Int32Array, form: string, a: number, b: number): boolean {
  if (form.length !== b - a) return false;
  for (let k = a; k < b; k++) if (form.charCodeAt(k - a) !== cs[k]) return false;
  return true;
}

/**
 * Whether the hyphen at `i` may be a line-break hyphenation, which normalisation removes: after
 * an ASCII letter (any other letter sends the text to tokenize anyway), then spaces or tabs and a
 * line break. Any other hyphen is a plain '-'.
 */
function mayJoinLines(text: string, i: number): boolean {
  const before = text.charCodeAt(i - 1);
  if (!((before >= 65 && before <= 90) || (before >= 97 && before <= 122))) return false;
  let j = i + 1;
  while (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9) j++;
  if (text.charCodeAt(j) === 13) j++;
  return text.charCodeAt(j) === 10;
}

/** tokenize(text), the same tokens, computed without offset tables where the text allows. */
export function tokenizeQuick(text: string): Token[] {
  const n = text.length;
  if (codes.length < n + 1) codes = new Int32Array(Math.max(n + 1, codes.length * 2));
  // The buffer as a local: the loops below read it without going back to the module's binding.
  const cs = codes;
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    if (code >= 97 && code <= 122) {
      cs[i] = code; // a lower-case letter, most of any text, is its own code
      continue;
    }
    const c = normalisedCode(code);
    if (c === OTHER) return tokenize(text);
    if (c === 45 && mayJoinLines(text, i)) return tokenize(text);
    cs[i] = c;
  }
  cs[n] = SPACE; // past the end: no word character
  const tokens: Token[] = [];
  // Original offset less normalised offset at i: whitespace characters normalisation drops before
  // i, less the two characters each ellipsis before i adds.
  let dropped = 0;
  let mayMerge = false; // a token may be a tens word (see mayBeTens)
  let i = 0;
  while (i < n) {
    const c = cs[i];
    if (c === SPACE) {
      let j = i + 1;
      while (j < n && cs[j] === SPACE) j++;
      dropped += j - i - 1;
      i = j;
      continue;
    }
    if (!isWordCode(c)) {
      if (c === ELLIPSIS) dropped -= 2;
      i++;
      continue;
    }
    const a = i;
    // The word's recent-words hash (recentSlot's) is taken as its codes are read.
    let h = Math.imul(HASH_SEED ^ c, HASH_PRIME);
    i++;
    for (;;) {
      const d = cs[i];
      if (isWordCode(d)) {
        h = Math.imul(h ^ d, HASH_PRIME);
        i++;
      } else if ((d === 39 && isWordCode(cs[i + 1])) || ((d === 46 || d === 44) && isDigitCode(cs[i - 1]) && isDigitCode(cs[i + 1]))) {
        h = Math.imul(Math.imul(h ^ d, HASH_PRIME) ^ cs[i + 1], HASH_PRIME);
        i += 2;
      } else break;
    }
    const slot = (h ^ (h >>> 15)) & (RECENT_SIZE - 1);
    let form = recent[2 * slot];
    let key: string;
    if (holdsCodes(cs, form, a, i)) {
      key = recent[2 * slot + 1];
    } else {
      form = text.slice(a, i);
      let plain = true;
      for (let k = a; k < i && plain; k++) plain = text.charCodeAt(k) === cs[k];
      if (!plain) form = String.fromCharCode(...cs.subarray(a, i));
      key = matchKey(form);
      recent[2 * slot] = form;
      recent[2 * slot + 1] = key;
    }
    tokens.push({ start: a, end: i, normStart: a - dropped, normEnd: i - dropped, form, key });
    if (!mayMerge && mayBeTens(form)) mayMerge = true;
  }
  // Only a tens word merges with the next one ("twenty one"): without one, the merge would hand
  // the tokens back as they are.
  if (!mayMerge) return tokens;
  // The character after a token: a whitespace run is one space (an ellipsis, three characters
  // once normalised, never joins two words).
  return mergeCompoundNumbers(tokens, (t) => (cs[t.end] === SPACE ? 32 : cs[t.end]));
}
