// Words for matching. Each token keeps its offsets in the original text, its `form` (the
// normalised word: tells verbatim from minor) and its `key` (spelling and numerals folded: tells
// the same word from a different one). Hyphens and slashes split words, so "victim-blaming" and
// "victim blaming" have the same words; apostrophes inside a word do not ("can’t" = "can't").
import { normalizeForMatch, type NormalizedText } from './normalize';
import { compoundNumberKey, numberKey } from './numbers';
import { foldSpelling } from './spelling';

export interface Token {
  start: number; // offsets in the original text
  end: number;
  normStart: number; // offsets in the normalised text
  normEnd: number;
  form: string; // case-folded normalised word
  key: string; // matching key
}

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const DIGIT = /\p{Nd}/u;

/** Is t[i] a letter, mark or digit? Reads the code first: no one-character string for ASCII. */
function isWordCharAt(t: string, i: number): boolean {
  if (i >= t.length) return false;
  const code = t.charCodeAt(i);
  if (code < 0x80) return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
  return WORD_CHAR.test(t[i]);
}

function isDigit(c: string | undefined): boolean {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  if (code < 0x80) return code >= 48 && code <= 57;
  return DIGIT.test(c);
}

// Words repeat a lot (Zipf): remember recent keys. Cleared when full to bound memory.
const KEY_CACHE = new Map<string, string>();
const KEY_CACHE_LIMIT = 50_000;

/** The matching key of a normalised word form. */
export function matchKey(form: string): string {
  const cached = KEY_CACHE.get(form);
  if (cached !== undefined) return cached;
  const key = computeKey(form);
  if (KEY_CACHE.size >= KEY_CACHE_LIMIT) KEY_CACHE.clear();
  KEY_CACHE.set(form, key);
  return key;
}

/** Whether `s` is all ASCII (then NFD leaves it as it is, and it holds no combining mark). */
function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x80) return false;
  return true;
}

function computeKey(form: string): string {
  const plain = isAscii(form) ? form : form.normalize('NFD').replace(/\p{M}/gu, '');
  const num = numberKey(plain);
  if (num !== null) return num;
  const apos = plain.indexOf("'");
  if (apos > 0) return foldSpelling(plain.slice(0, apos)) + plain.slice(apos);
  return foldSpelling(plain);
}

/** Tokenise `text`; pass its normalisation when already computed. */
export function tokenize(text: string, normalized?: NormalizedText): Token[] {
  const norm = normalized ?? normalizeForMatch(text);
  const t = norm.text;
  const tokens: Token[] = [];
  let i = 0;
  while (i < t.length) {
    if (!isWordCharAt(t, i)) {
      i++;
      continue;
    }
    const a = i;
    i++;
    for (;;) {
      if (isWordCharAt(t, i)) i++;
      else if (t.charCodeAt(i) === 39 && isWordCharAt(t, i + 1)) i += 2;
      else if ((t[i] === '.' || t[i] === ',') && isDigit(t[i - 1]) && isDigit(t[i + 1])) i += 2;
      else break;
    }
    const form = t.slice(a, i);
    tokens.push({
      start: norm.starts[a],
      end: norm.ends[i - 1],
      normStart: a,
      normEnd: i,
      form,
      key: matchKey(form),
    });
  }
  return mergeCompoundNumbers(tokens, (a) => t.charCodeAt(a.normEnd));
}

/**
 * "twenty-seven" (or "twenty seven") is one number: merge it into one token with key "27".
 * `gapCode(a)` is the code of the normalised character right after token `a`.
 */
export function mergeCompoundNumbers(tokens: Token[], gapCode: (a: Token) => number): Token[] {
  // Made at the first merge: a text without a compound number (nearly every one) gives back its
  // own array, which both callers have just built and hand on.
  let out: Token[] | null = null;
  for (let k = 0; k < tokens.length; k++) {
    const a = tokens[k];
    const b = tokens[k + 1];
    // Only a single space or hyphen between them: checked by code before any string is made.
    const gap = b ? gapCode(a) : 0;
    if (b && b.normStart - a.normEnd === 1 && (gap === 32 || gap === 45)) {
      const key = compoundNumberKey(a.form, b.form);
      if (key !== null) {
        out ??= tokens.slice(0, k);
        out.push({
          start: a.start,
          end: b.end,
          normStart: a.normStart,
          normEnd: b.normEnd,
          form: `${a.form}-${b.form}`,
          key,
        });
        k++;
        continue;
      }
    }
    if (out) out.push(a);
  }
  return out ?? tokens;
}

/** The word as written, normalised but with its letter case kept (for case comparisons). */
export function casedForm(text: string, start: number, end: number): string {
  return normalizeForMatch(text.slice(start, end), { fold: false }).text;
}

/**
 * The punctuation between two words, for telling verbatim from minor: whitespace and quote marks
 * are dropped (their style may differ in a verbatim quote), everything else is kept.
 */
export function punctuationBetween(text: string, from: number, to: number): string {
  if (to <= from) return '';
  return normalizeForMatch(text.slice(from, to)).text.replace(/[\s"']/g, '');
}
