// Word counting as a reader counts: "large-scale" and "can't" are one word each. The one word
// pattern of the engine and the page: lib/quotes/prose.ts scans spans of an article with it.

const WORD = /[\p{L}\p{N}]+(?:['’\-‐‑][\p{L}\p{N}]+)*/gu;

/**
 * A character outside ASCII and outside the punctuation and spaces of ordinary English text
 * (quote marks, dashes, joiners, ellipsis, no-break and thin spaces), none of which is a letter or
 * digit. Lone surrogates and astral characters match too.
 */
const NOT_PLAIN = /[^\x00-\x7f“”‘’«»„‚‹›—–‐‑…\u00a0\u2009\u202f]/;

/**
 * True when every letter or digit of `s` is ASCII (and it holds no surrogate): there a regex with
 * [A-Za-z0-9] (no `u` flag) finds what one with [\p{L}\p{N}] finds, without the Unicode classes
 * that a first run (a content script's, a worker's first check) would compile.
 */
export function isPlainText(s: string): boolean {
  return !NOT_PLAIN.test(s);
}

/** WORD for plain text (isPlainText): the same matches there. */
const PLAIN_WORD = /[A-Za-z0-9]+(?:['’\-‐‑][A-Za-z0-9]+)*/g;

/**
 * The word pattern, ready for a scan from the start of a string (lastIndex set to 0 first). One
 * object for every scan: a new RegExp per call may compile the Unicode classes again. No scan
 * calls another while it runs.
 */
export function wordScanner(): RegExp {
  WORD.lastIndex = 0;
  return WORD;
}

/** The word pattern, or its ASCII form where that finds the same matches, ready for a scan of `text` from its start. */
export function wordScannerFor(text: string): RegExp {
  if (!isPlainText(text)) return wordScanner();
  PLAIN_WORD.lastIndex = 0;
  return PLAIN_WORD;
}

export function countWords(text: string): number {
  const re = wordScannerFor(text);
  let n = 0;
  while (re.exec(text)) n++;
  return n;
}

/** Whether `text` holds at least `min` words; stops at the `min`th, so a long text costs no more than a short one. */
export function hasWords(text: string, min: number): boolean {
  if (min <= 0) return true;
  const re = wordScannerFor(text);
  let n = 0;
  while (re.exec(text)) if (++n >= min) return true;
  return false;
}

/** Quotes shorter than this are terms or scare quotes: only an exact phrase counts for them. */
export const SHORT_QUOTE_WORDS = 4;

export function isShort(words: number): boolean {
  return words < SHORT_QUOTE_WORDS;
}
