// The words of a text for building an index: the same tokens as `tokenize(text)` (offsets in the
// original text, compound numbers merged), each given as the caller's number for its matching key,
// without a string per token. Building an index tokenises millions of words, and most of them are
// words seen before: the scanner reads character codes, hashes each word as it goes and finds its
// number in its own table by comparing character codes. Only a word form it has not seen yet is
// made into a string and keyed by `matchKey`.
//
// The fast path covers plain ASCII text, where normalisation is only lower-casing and the word
// rules are simple. Any stretch holding something else (a character outside ASCII, a backtick, a
// hyphen before a line break) is handed whole to `normalizeForMatch` + `tokenize`, cut out of the
// text at places where tokenising the pieces apart gives the same tokens as tokenising the whole:
// the end of a run of ASCII whitespace that does not follow a hyphen, with no compound number
// ("twenty one") spanning it. So the output is `tokenize`'s by construction; a test compares the two.
import { normalizeForMatch } from './normalize';
import { compoundNumberKey } from './numbers';
import { matchKey, tokenize } from './tokenize';

/** A text's tokens as three parallel arrays. */
export interface ScannedWords {
  tokenStarts: Int32Array; // original offsets, as Token.start and Token.end
  tokenEnds: Int32Array;
  tokenWords: Uint32Array; // numberOf(Token.key)
}

// Character classes of the ASCII codes.
const SEPARATOR = 0; // punctuation: ends a word, normalised to itself
const WORD = 1; // letter or digit
const SPACE = 2; // whitespace, as normalizeForMatch counts it
const SPECIAL = 3; // normalised to something else (the backtick is an apostrophe)
const HYPHEN = 4; // plain, unless a line break follows it
const CLASS = new Uint8Array(128);
const LOWER = new Uint8Array(128);
const WORD_LOWER = new Uint8Array(128); // a letter or digit's lower-case code; 0 for other characters
for (let c = 0; c < 128; c++) {
  LOWER[c] = c >= 65 && c <= 90 ? c + 32 : c;
  if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
    CLASS[c] = WORD;
    WORD_LOWER[c] = LOWER[c];
  }
  else if (c === 32 || (c >= 9 && c <= 13)) CLASS[c] = SPACE;
  else if (c === 96) CLASS[c] = SPECIAL;
  else if (c === 45) CLASS[c] = HYPHEN;
  else CLASS[c] = SEPARATOR;
}

const APOSTROPHE = 39;
const COMMA = 44;
const FULL_STOP = 46;

function isAsciiSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

function isAsciiDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Hyphen glyphs that normalizeForMatch may join across a line break. */
function isJoiningHyphen(c: number): boolean {
  return c === 45 || c === 0x2010 || c === 0xad;
}

/** "twenty" … "ninety": a word that may start a compound number with the word after it. */
function startsCompound(form: string): boolean {
  return compoundNumberKey(form, 'one') !== null;
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
// The four numbers of a table entry.
const RECORD = 4;
const FROM = 0;
const LENGTH = 1;
const NUMBER = 2;
const COMPOUND_START = 3;
/** Word forms are ASCII: their codes read back as a string. */
const ASCII = new TextDecoder();

/** A table slot from a word's hash: FNV's low bits alone spread short words poorly. */
function slotOf(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  return h ^ (h >>> 13);
}

/** Growable output arrays. */
class TokenBuffer {
  starts: Int32Array;
  ends: Int32Array;
  words: Uint32Array;
  count = 0;

  constructor(capacity: number) {
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
    this.words = new Uint32Array(capacity);
  }

  push(start: number, end: number, word: number): void {
    if (this.count === this.starts.length) this.grow();
    this.starts[this.count] = start;
    this.ends[this.count] = end;
    this.words[this.count] = word;
    this.count++;
  }

  private grow(): void {
    const size = this.starts.length * 2;
    const starts = new Int32Array(size);
    const ends = new Int32Array(size);
    const words = new Uint32Array(size);
    starts.set(this.starts);
    ends.set(this.ends);
    words.set(this.words);
    this.starts = starts;
    this.ends = ends;
    this.words = words;
  }

  result(): ScannedWords {
    return {
      tokenStarts: this.starts.slice(0, this.count),
      tokenEnds: this.ends.slice(0, this.count),
      tokenWords: this.words.slice(0, this.count),
    };
  }
}

export class WordScanner {
  // Seen word forms (lower-cased ASCII) in an open-addressing table. A slot is two numbers: entry
  // number + 1 (0 when empty) and the form's hash. An entry is four: where its characters start
  // in `chars` and how many there are (kept as codes, not as a string, which could hold on to the
  // whole text it was sliced from), its word number, and 1 if it may start a compound number.
  // Kept side by side so that finding a word touches few places in memory.
  private slots = new Int32Array(2 << 12);
  private mask = (1 << 12) - 1;
  private entries = 0;
  private records = new Int32Array(RECORD << 11);
  private chars = new Uint8Array(1 << 14);
  private charsUsed = 0;

  /** `numberOf` is the caller's word numbering: the same key must always get the same number. */
  constructor(private readonly numberOf: (key: string) => number) {}

  /** How many distinct word forms the scanner has seen (its table's size). */
  get formCount(): number {
    return this.entries;
  }

  scan(text: string): ScannedWords {
    const n = text.length;
    const out = new TokenBuffer((n >> 2) + 16);
    // Tokens before `floor` are final: the text before it was tokenised by the slow path, or is the start.
    let floor = 0;
    // The entry of the last token when it may start a compound number with the next word, else -1.
    let pending = -1;
    let i = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      const cls = c < 128 ? CLASS[c] : SPECIAL;
      if (cls === SPACE || cls === SEPARATOR) {
        i++;
        continue;
      }
      if (cls === HYPHEN && !this.beforeLineBreak(text, i)) {
        i++;
        continue;
      }
      if (cls !== WORD) {
        const end = this.slowStretch(text, i, floor, out);
        floor = end;
        pending = -1;
        i = end;
        continue;
      }

      // A word: letters and digits, joined by an apostrophe before a letter or digit, or by a
      // full stop or comma between digits; hashed lower-cased as it is read.
      // Codes past the end read as 0 (not charCodeAt's NaN, which would make the loop work on doubles).
      const a = i;
      let h = Math.imul(FNV_OFFSET ^ WORD_LOWER[c], FNV_PRIME);
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        const lower = d < 128 ? WORD_LOWER[d] : 0;
        if (lower !== 0) {
          h = Math.imul(h ^ lower, FNV_PRIME);
          i++;
          continue;
        }
        const next = i + 1 < n ? text.charCodeAt(i + 1) : 0;
        const nextLower = next < 128 ? WORD_LOWER[next] : 0;
        if (nextLower === 0) break;
        if (d === APOSTROPHE || ((d === FULL_STOP || d === COMMA) && isAsciiDigit(text.charCodeAt(i - 1)) && isAsciiDigit(next))) {
          h = Math.imul(Math.imul(h ^ d, FNV_PRIME) ^ nextLower, FNV_PRIME);
          i += 2;
        } else break;
      }
      const entry = this.entryOf(text, a, i, h);

      if (pending >= 0 && this.joinsCompound(text, out.ends[out.count - 1], a)) {
        const key = compoundNumberKey(this.formOf(pending), this.formOf(entry));
        if (key !== null) {
          out.ends[out.count - 1] = i;
          out.words[out.count - 1] = this.numberOf(key);
          pending = -1;
          continue;
        }
      }
      const record = RECORD * entry;
      out.push(a, i, this.records[record + NUMBER] >>> 0);
      pending = this.records[record + COMPOUND_START] === 1 ? entry : -1;
    }
    return out.result();
  }

  /** The table entry of the word text[a, b) with hash `h`, added (and numbered) when new. */
  private entryOf(text: string, a: number, b: number, h: number): number {
    const len = b - a;
    const { slots, mask, records, chars } = this;
    let s = slotOf(h) & mask;
    for (;;) {
      const e = slots[2 * s] - 1;
      if (e < 0) break;
      const r = RECORD * e;
      if (slots[2 * s + 1] === h && records[r + LENGTH] === len) {
        const from = records[r + FROM];
        let k = 0;
        while (k < len && chars[from + k] === LOWER[text.charCodeAt(a + k)]) k++;
        if (k === len) return e;
      }
      s = (s + 1) & mask;
    }
    return this.addEntry(text, a, b, h, s);
  }

  /** A new entry for text[a, b) in the free slot `s`. */
  private addEntry(text: string, a: number, b: number, h: number, s: number): number {
    const e = this.entries;
    const len = b - a;
    if (RECORD * (e + 1) > this.records.length) {
      const records = new Int32Array(this.records.length * 2);
      records.set(this.records);
      this.records = records;
    }
    const from = this.charsUsed;
    if (from + len > this.chars.length) {
      const chars = new Uint8Array(Math.max(this.chars.length * 2, from + len));
      chars.set(this.chars);
      this.chars = chars;
    }
    for (let k = 0; k < len; k++) this.chars[from + k] = LOWER[text.charCodeAt(a + k)];
    this.charsUsed = from + len;
    const r = RECORD * e;
    this.records[r + FROM] = from;
    this.records[r + LENGTH] = len;
    const form = this.formOf(e);
    this.records[r + NUMBER] = this.numberOf(matchKey(form)); // stored as int32 bits, read back with >>> 0
    this.records[r + COMPOUND_START] = startsCompound(form) ? 1 : 0;
    this.slots[2 * s] = e + 1;
    this.slots[2 * s + 1] = h;
    this.entries = e + 1;
    if (this.entries * 2 > this.mask + 1) this.growSlots();
    return e;
  }

  /** The form of an entry as a string. */
  private formOf(e: number): string {
    const from = this.records[RECORD * e + FROM];
    return ASCII.decode(this.chars.subarray(from, from + this.records[RECORD * e + LENGTH]));
  }

  private growSlots(): void {
    const size = (this.mask + 1) * 2;
    const slots = new Int32Array(2 * size);
    const mask = size - 1;
    for (let t = 0; t <= this.mask; t++) {
      const entry = this.slots[2 * t];
      if (entry === 0) continue;
      const h = this.slots[2 * t + 1];
      let s = slotOf(h) & mask;
      while (slots[2 * s] !== 0) s = (s + 1) & mask;
      slots[2 * s] = entry;
      slots[2 * s + 1] = h;
    }
    this.slots = slots;
    this.mask = mask;
  }

  /** Is the hyphen at `i` followed by a line break (after blanks)? Then normalisation may join the words. */
  private beforeLineBreak(text: string, i: number): boolean {
    for (let j = i + 1; j < text.length; j++) {
      const c = text.charCodeAt(j);
      if (c === 10) return true;
      if (c !== 32 && c !== 9 && c !== 13) return false;
    }
    return false;
  }

  /** Does the gap [from, to) normalise to a single space or hyphen, as a compound number needs? */
  private joinsCompound(text: string, from: number, to: number): boolean {
    if (to === from + 1 && text.charCodeAt(from) === 45) return true;
    if (to === from) return false;
    for (let k = from; k < to; k++) if (!isAsciiSpace(text.charCodeAt(k))) return false;
    return true;
  }

  /**
   * Tokenise the stretch around the character at `at`, which the fast path does not cover, with
   * `tokenize` itself; the tokens of `out` from the stretch's start on are replaced. Returns the
   * stretch's end. Both ends are safe cuts (see isSafeCut); the stretch never starts before `floor`.
   */
  private slowStretch(text: string, at: number, floor: number, out: TokenBuffer): number {
    // Back to the start of the chunk (the text after the last ASCII whitespace), then further back
    // while that is not a safe cut.
    let start = at;
    while (start > floor && !isAsciiSpace(text.charCodeAt(start - 1))) start--;
    let kept = out.count;
    for (;;) {
      while (kept > 0 && out.starts[kept - 1] >= start) kept--;
      if (start === floor || this.isSafeCut(text, start, out, kept, floor)) break;
      start--;
      while (start > floor && isAsciiSpace(text.charCodeAt(start - 1))) start--;
      while (start > floor && !isAsciiSpace(text.charCodeAt(start - 1))) start--;
    }
    out.count = kept;

    // Forward to the end of a run of ASCII whitespace not following a hyphen, then further while
    // the stretch's last word could start a compound number with the next.
    let end = at + 1;
    for (;;) {
      while (end < text.length && !isAsciiSpace(text.charCodeAt(end))) end++;
      const before = end > 0 ? text.charCodeAt(end - 1) : 0;
      while (end < text.length && isAsciiSpace(text.charCodeAt(end))) end++;
      if (end < text.length && isJoiningHyphen(before)) continue;
      const piece = text.slice(start, end);
      const tokens = tokenize(piece, normalizeForMatch(piece));
      const last = tokens[tokens.length - 1];
      if (end < text.length && last !== undefined && startsCompound(last.form)) continue;
      for (const t of tokens) out.push(start + t.start, start + t.end, this.numberOf(t.key));
      return end;
    }
  }

  /**
   * Can the text be cut at `cut` (just after ASCII whitespace, in the fast path's part of the text)
   * without changing its tokens? Not when a hyphen ends the text before the whitespace (it may
   * join across a line break), nor when the last word before could merge with the next into a
   * compound number. `kept` is the number of tokens starting before `cut`.
   */
  private isSafeCut(text: string, cut: number, out: TokenBuffer, kept: number, floor: number): boolean {
    let k = cut - 1;
    while (k >= floor && isAsciiSpace(text.charCodeAt(k))) k--;
    if (k >= floor && isJoiningHyphen(text.charCodeAt(k))) return false;
    if (kept === 0) return true;
    const last = kept - 1;
    if (out.ends[last] > cut) return false; // a compound number merged across the cut
    // Tokens starting before `floor` end a slow stretch, which never ends on a compound's first word.
    if (out.starts[last] < floor) return true;
    return !startsCompound(text.slice(out.starts[last], out.ends[last]).toLowerCase());
  }
}

// Every branch of the scanner taken once when the module loads, so that the compiler, optimising
// `scan` during the first long text, has seen them all: a branch first taken later would throw
// the optimised code away in the middle of a build.
new WordScanner(() => 0).scan("Twenty-one THE o'clock 1,200.5 the ninety nine forty- two investi-\ngation café `x` the end.".repeat(2));
