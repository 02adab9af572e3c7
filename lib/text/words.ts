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
