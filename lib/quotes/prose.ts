// Paragraphs, sentences and words of an article's text, as the quote detector, the attribution
// cues and the quote context see them. A newline is a paragraph break. Every scan takes a bound
// (floor or ceiling) so that work per quote stays small on long texts.
import { codeAt, codeBefore, endsSentence, isAlnumCode, isGeneralPunctuation, isQuoteMark, isQuoteMarkCode, isSpaceCode } from './chars';
// A word is a match of the word pattern of lib/text/words.ts (WORD there), so that counts over
// spans agree with countWords.
import { wordScanner, wordScannerFor } from '../text/words';

/** The characters that join two runs of letters or digits into one word: ' ’ - ‐ ‑ */
function isJoinerCode(code: number): boolean {
  return code === 39 || code === 0x2019 || code === 45 || code === 0x2010 || code === 0x2011;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** True when `i` falls between the two halves of a surrogate pair. */
function splitsPair(text: string, i: number): boolean {
  return i > 0 && i < text.length && isHighSurrogate(text.charCodeAt(i - 1)) && isLowSurrogate(text.charCodeAt(i));
}

/** True when text[p] belongs to a WORD match of the whole text (the matches are fixed by their neighbours alone). */
function inWord(text: string, p: number): boolean {
  const code = text.charCodeAt(p);
  if (isLowSurrogate(code)) return splitsPair(text, p) && isAlnumCode(codeAt(text, p - 1));
  if (isJoinerCode(code)) return isAlnumCode(codeBefore(text, p)) && isAlnumCode(codeAt(text, p + 1));
  return isAlnumCode(codeAt(text, p));
}

/** True when a WORD match of the whole text starts at p: a letter or digit not joined to one before. */
function startsWord(text: string, p: number): boolean {
  if (isLowSurrogate(text.charCodeAt(p)) || !isAlnumCode(codeAt(text, p))) return false;
  if (isAlnumCode(codeBefore(text, p))) return false;
  return !(p > 0 && isJoinerCode(text.charCodeAt(p - 1)) && isAlnumCode(codeBefore(text, p - 1)));
}

/** Spans shorter than this are counted character by character; longer ones with the regex. */
const SHORT_SPAN = 4;

/**
 * The words of a text's spans, as WORD matches of the whole text that overlap each span. Only
 * the spans asked about are read (quotes are a small part of a page), with the regex over each
 * span's slice; should the spans asked about add up to much more than the text (quotes nested
 * deep), every word of the text is found once and each count is a binary search, which keeps
 * the total work linear.
 */
export class WordSpans {
  private starts: number[] | null = null;
  private ends: number[] | null = null;
  private read = 0;

  constructor(private readonly text: string) {}

  /**
   * Words in text.slice(start, end): every word that overlaps the span. A cut word still counts
   * once, because a word starts and ends with a letter or digit, so any part of it keeps one.
   */
  count(start: number, end: number): number {
    if (end <= start) return 0;
    if (this.starts && this.ends) {
      const first = lowerBound(this.ends, start + 1); // first word ending after `start`
      const last = lowerBound(this.starts, end) - 1; // last word starting before `end`
      return Math.max(0, last - first + 1);
    }
    const { text } = this;
    if (end - start < SHORT_SPAN) {
      // Here a cut word may show no whole letter or digit (a lone joiner, half a surrogate pair).
      let n = inWord(text, start) && !startsWord(text, start) ? 1 : 0;
      for (let p = start; p < end; p++) if (startsWord(text, p)) n++;
      return n;
    }
    this.read += end - start;
    if (this.read > 2 * text.length + 4096 || splitsPair(text, start) || splitsPair(text, end)) {
      this.indexAll();
      return this.count(start, end);
    }
    // Four or more whole code units: every overlapping word keeps a whole letter or digit in the
    // slice, where the regex finds it once; and no match in the slice joins two of the text's words.
    // One call that finds every match (a loop of test() calls costs more per word, cold).
    const part = text.slice(start, end);
    return part.match(wordScannerFor(part))?.length ?? 0;
  }

  /** Finds every word of the text once, for binary searches from then on. */
  private indexAll(): void {
    const starts: number[] = [];
    const ends: number[] = [];
    const re = wordScanner();
    let m: RegExpExecArray | null;
    while ((m = re.exec(this.text))) {
      starts.push(m.index);
      ends.push(m.index + m[0].length);
    }
    this.starts = starts;
    this.ends = ends;
  }
}

/** The first index in a sorted array whose value is >= x. */
function lowerBound(values: number[], x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Words in a short string, with their offsets (for cue and subject scans). */
export interface Token {
  word: string;
  lower: string;
  start: number;
  end: number;
}

export function tokens(text: string, from: number, to: number, limit = Infinity): Token[] {
  const part = text.slice(from, to);
  const re = wordScannerFor(part);
  const out: Token[] = [];
  let m: RegExpExecArray | null;
  while (out.length < limit && (m = re.exec(part))) {
    out.push({ word: m[0], lower: m[0].toLowerCase(), start: from + m.index, end: from + m.index + m[0].length });
  }
  return out;
}

// The scans below run for every quote on a page, in a content script whose code the JIT has not
// seen yet: they go to the string's own indexOf/lastIndexOf, and look at a character's code
// before calling anything, rather than making a string of each character they pass.

/** Start of the paragraph holding `pos`, looking back no further than `floor`. */
export function paragraphStart(text: string, pos: number, floor = 0): number {
  const newline = pos >= 1 ? text.lastIndexOf('\n', pos - 1) : -1;
  return newline >= 0 && newline >= floor ? newline + 1 : Math.max(0, floor);
}

/** End (the newline's index, or the text's end) of the paragraph holding `pos`, up to `ceiling`. */
export function paragraphEnd(text: string, pos: number, ceiling = text.length): number {
  const top = Math.min(ceiling, text.length);
  if (!(pos < top)) return top;
  const newline = text.indexOf('\n', Math.max(0, pos));
  return newline >= 0 && newline < top ? newline : top;
}

/** Titles and abbreviations whose full stop does not end a sentence. */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'sr', 'jr', 'rev', 'gen', 'col', 'capt', 'lt', 'sgt', 'insp', 'supt',
  'no', 'vs', 'etc', 'e.g', 'i.e', 'cf', 'approx', 'govt', 'dept', 'co', 'inc', 'ltd',
]);

const CLOSING_AFTER_STOP = '”’"\')]»›';

/**
 * When the punctuation at `j` ends a sentence, the index where the next sentence starts;
 * otherwise -1. A sentence ends at . ! ? or … followed (after any closing marks) by a space
 * and something that is not a lower-case letter, unless the stop belongs to an initial or a title.
 */
export function sentenceBreakAfter(text: string, j: number, ceiling = text.length): number {
  if (!endsSentence(text[j] ?? '')) return -1;
  if (text.charCodeAt(j) === 46) {
    let w = j;
    while (w > 0 && j - w < 8) {
      const c = text.charCodeAt(w - 1);
      // ASCII written out (no call), the Unicode class for the rest.
      if (c < 128 ? c === 46 || (c >= 97 && c <= 122) || (c >= 65 && c <= 90) : isLetterOrDotUnit(c)) w--;
      else break;
    }
    if ((j - w === 1 && isUpperUnit(text.charCodeAt(w))) || (j > w && ABBREVIATIONS.has(text.slice(w, j).toLowerCase()))) return -1;
  }
  let k = j + 1;
  const top = Math.min(ceiling, text.length);
  while (k < top && CLOSING_AFTER_STOP.includes(text[k])) k++;
  if (k >= top) return top;
  if (!isSpaceCode(text.charCodeAt(k))) return -1;
  if (text.charCodeAt(k) === 10) return k;
  while (k < top && isSpaceCode(text.charCodeAt(k)) && text.charCodeAt(k) !== 10) k++;
  if (k < top) {
    const c = text.charCodeAt(k);
    if (c < 128 ? c >= 97 && c <= 122 : isLowerUnit(c)) return -1;
  }
  return k;
}

// One code unit against a Unicode class, as a `u` regex tests a one-character string: plain
// comparisons for ASCII (nearly every character of an English page) and for the quote marks and
// dashes of General Punctuation (a ” before a full stop), the regex for the rest. A
// lone surrogate is no letter to the regex, and none here.
const LETTER_OR_DOT = /[\p{L}.]/u;
const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;

function isLetterOrDotUnit(code: number): boolean {
  if (code < 128) return code === 46 || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  if (isGeneralPunctuation(code)) return false;
  return LETTER_OR_DOT.test(String.fromCharCode(code));
}

function isUpperUnit(code: number): boolean {
  if (code < 128) return code >= 65 && code <= 90;
  if (isGeneralPunctuation(code)) return false;
  return UPPER.test(String.fromCharCode(code));
}

function isLowerUnit(code: number): boolean {
  if (code < 128) return code >= 97 && code <= 122;
  if (isGeneralPunctuation(code)) return false;
  return LOWER.test(String.fromCharCode(code));
}

/** Start of the sentence holding `pos` (within its paragraph, looking back no further than `floor`). */
export function sentenceStart(text: string, pos: number, floor = 0): number {
  // The stops are found by a regex over short stretches, nearest first, rather than a loop over
  // every character: in a content script's first run the regex is the faster of the two.
  const lo = Math.max(0, floor);
  let hi = Math.min(pos, text.length); // the stops asked about are at j in [lo, hi)
  while (hi > lo) {
    const from = Math.max(lo, hi - STRETCH);
    const m = LAST_STOP.exec(text.slice(from, hi));
    if (!m) {
      hi = from;
      continue;
    }
    const j = from + m.index;
    if (text.charCodeAt(j) === 10) return j + 1;
    const next = sentenceBreakAfter(text, j, pos);
    if (next >= 0 && next <= pos && next > j) return text.charCodeAt(next) === 10 ? next + 1 : next;
    hi = j;
  }
  return Math.max(0, floor);
}

/** End of the sentence holding `pos`: just past its final punctuation and closing marks, or the paragraph's end. */
export function sentenceEnd(text: string, pos: number, ceiling = text.length): number {
  const top = Math.min(ceiling, text.length);
  const next = NEXT_STOP;
  next.lastIndex = Math.max(0, pos);
  for (let m = next.exec(text); m !== null && m.index < top; m = next.exec(text)) {
    const j = m.index;
    if (text.charCodeAt(j) === 10) return j;
    if (sentenceBreakAfter(text, j, top) >= 0) {
      let k = j + 1;
      while (k < top && CLOSING_AFTER_STOP.includes(text[k])) k++;
      return k;
    }
  }
  return top;
}

/** How far back one look for the last stop reaches (sentences are mostly shorter). */
const STRETCH = 96;
/** The last newline or . ! ? … of a string (the only places a sentence can end). */
const LAST_STOP = /[\n.!?…][^\n.!?…]*$/;
/** The next newline or . ! ? … from lastIndex on. No scan that uses it calls another. */
const NEXT_STOP = /[\n.!?…]/g;

/** Where a quote's marks are: `lead` is the opening mark's index, `tail` the index just after the closing mark. */
export interface MarkBounds {
  lead: number;
  tail: number;
}

/**
 * Finds the marks around a quote span (they sit next to it, past any whitespace that was trimmed).
 * Without `open`/`close` (a bare span), any single quote mark next to the span counts.
 */
export function markBounds(text: string, q: { start: number; end: number; open?: string; close?: string | null }): MarkBounds {
  let lead = q.start;
  while (lead > 0 && lead > q.start - 64 && isSpaceCode(text.charCodeAt(lead - 1)) && text.charCodeAt(lead - 1) !== 10) lead--;
  const before = text[lead - 1] ?? '';
  if (lead > 0 && (q.open === undefined ? isQuoteMark(before) : q.open === before)) lead--;
  else lead = q.start;
  let tail = q.end;
  while (tail < text.length && tail < q.end + 64 && isSpaceCode(text.charCodeAt(tail)) && text.charCodeAt(tail) !== 10) tail++;
  const after = text[tail] ?? '';
  if (q.close === undefined ? isQuoteMark(after) : q.close === after) tail++;
  else tail = q.end;
  return { lead, tail };
}

/** True when text[from, to) holds nothing but whitespace and quote marks. */
export function onlyMarksAndSpace(text: string, from: number, to: number): boolean {
  for (let j = from; j < to; j++) {
    const code = text.charCodeAt(j);
    if (!isSpaceCode(code) && !isQuoteMarkCode(code)) return false;
  }
  return true;
}
