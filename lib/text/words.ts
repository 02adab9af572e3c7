// Word counting as a reader counts: "large-scale" and "can't" are one word each.

const WORD = /[\p{L}\p{N}]+(?:['’\-‐‑][\p{L}\p{N}]+)*/gu;

export function countWords(text: string): number {
  let n = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(text)) n++;
  return n;
}

/** Whether `text` holds at least `min` words; stops at the `min`th, so a long text costs no more than a short one. */
export function hasWords(text: string, min: number): boolean {
  if (min <= 0) return true;
  const quick = countWordsQuick(text, min);
  if (quick >= 0) return quick >= min;
  let n = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(text)) if (++n >= min) return true;
  return false;
}

/** Quotes shorter than this are terms or scare quotes: only an exact phrase counts for them. */
export const SHORT_QUOTE_WORDS = 4;

export function isShort(words: number): boolean {
  return words < SHORT_QUOTE_WORDS;
}

function isAsciiAlnum(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

/** The joiners WORD allows inside a word: apostrophes and hyphens. */
function isJoiner(c: number): boolean {
  return c === 0x27 || c === 0x2019 || c === 0x2d || c === 0x2010 || c === 0x2011;
}

/**
 * Words counted as WORD counts them, up to `min`, for text whose only letters and digits are
 * ASCII: outside ASCII only the joiners and the usual quote marks and dashes, none of them a
 * letter or a digit. -1 when the text holds any other character (then WORD counts).
 */
function countWordsQuick(text: string, min: number): number {
  let n = 0;
  let i = 0;
  const len = text.length;
  while (i < len) {
    const c = text.charCodeAt(i);
    if (c >= 0x80 && !isJoiner(c) && c !== 0x201c && c !== 0x201d && c !== 0x2018 && c !== 0x2013 && c !== 0x2014 && c !== 0x2026) return -1;
    if (!isAsciiAlnum(c)) {
      i++;
      continue;
    }
    // A word: letters and digits, then joiner-and-letters as long as they follow.
    i++;
    for (;;) {
      while (i < len && isAsciiAlnum(text.charCodeAt(i))) i++;
      if (i + 1 < len && isJoiner(text.charCodeAt(i)) && isAsciiAlnum(text.charCodeAt(i + 1))) i += 2;
      else break;
    }
    if (++n >= min) return n;
  }
  return n;
}
