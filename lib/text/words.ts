// Word counting as a reader counts: "large-scale" and "can't" are one word each.

const WORD = /[\p{L}\p{N}]+(?:['’\-‐‑][\p{L}\p{N}]+)*/gu;

/**
 * WORD for text whose every code unit is ASCII or General Punctuation (U+2000–U+206F: curly
 * marks, dashes, the ellipsis; no letter or digit among them): the same matches there, without
 * the Unicode classes a worker's first check would otherwise compile.
 */
const PLAIN_WORD = /[A-Za-z0-9]+(?:['’\-‐‑][A-Za-z0-9]+)*/g;

/** WORD, or PLAIN_WORD where it finds the same matches, ready for a scan of `text` from its start. */
function wordScannerFor(text: string): RegExp {
  let re = PLAIN_WORD;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x80 && (code < 0x2000 || code > 0x206f)) {
      re = WORD;
      break;
    }
  }
  re.lastIndex = 0;
  return re;
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
