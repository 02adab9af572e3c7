// Normalisation for matching only. Display always uses the original text, so every normalised
// character remembers which original characters produced it.

export interface NormalizedText {
  /** The normalised text. */
  text: string;
  /** Original offset where normalised character `i` came from; `toOriginal(text.length)` is the original length. */
  toOriginal(i: number): number;
  /** Original start offset of normalised character `i` (same as toOriginal for i < text.length). */
  starts: Int32Array;
  /** Original end offset (exclusive) of the unit that produced normalised character `i`. */
  ends: Int32Array;
}

export interface NormalizeOptions {
  /** Case-fold (default true). Turned off to compare letter case. */
  fold?: boolean;
}

// Characters that carry no text: soft hyphen, zero-width space/joiners, word joiner, BOM.
const INVISIBLE = /[\u00AD\u200B\u200C\u200D\u2060\uFEFF]/;
// Hyphen and dash glyphs, minus signs included: all become '-'.
const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2043\u2212\uFE58\uFE63\uFF0D\u2E3A\u2E3B]/;
// Single quotes, apostrophes and primes: all become "'".
const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u2035\u02BC\u0060\u00B4]/;
// Double quotes and guillemets: all become '"'.
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u2036\u00AB\u00BB\u2039\u203A\u301D\u301E]/;
const WHITESPACE = /\s/;
const COMBINING = /\p{M}/u;
const LETTER = /\p{L}/u;
const LOWER_LETTER = /\p{Ll}/u;

function mapGlyph(ch: string): string {
  if (DASHES.test(ch)) return '-';
  if (SINGLE_QUOTES.test(ch)) return "'";
  if (DOUBLE_QUOTES.test(ch)) return '"';
  return ch;
}

/**
 * A hyphen at the end of a line between two letters, the next line starting in lower case, is a
 * line-break hyphenation from a PDF (`investi-\ngation`): returns the index just past the
 * line break and its surrounding blanks, or -1.
 */
function lineBreakHyphenEnd(text: string, i: number): number {
  const ch = text[i];
  if (ch !== '-' && ch !== '\u2010' && ch !== '\u00AD') return -1;
  if (i === 0 || !LETTER.test(text[i - 1])) return -1;
  let j = i + 1;
  while (j < text.length && (text[j] === ' ' || text[j] === '\t')) j++;
  if (text[j] === '\r') j++;
  if (text[j] !== '\n') return -1;
  j++;
  while (j < text.length && (text[j] === ' ' || text[j] === '\t')) j++;
  if (j >= text.length || !LOWER_LETTER.test(text[j])) return -1;
  return j;
}

/** Growable parallel arrays of original start/end offsets. */
class OffsetBuffer {
  starts: Int32Array;
  ends: Int32Array;
  length = 0;
  constructor(capacity: number) {
    this.starts = new Int32Array(Math.max(16, capacity));
    this.ends = new Int32Array(Math.max(16, capacity));
  }
  push(from: number, to: number): void {
    if (this.length === this.starts.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.starts = grow(this.starts);
      this.ends = grow(this.ends);
    }
    this.starts[this.length] = from;
    this.ends[this.length] = to;
    this.length++;
  }
}

function isAsciiSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/** A whitespace unit [from, to): one space, or the previous space's original range extended over it. */
function addSpace(out: string[], offsets: OffsetBuffer, lastWasSpace: boolean, from: number, to: number): void {
  if (!lastWasSpace) {
    out.push(' ');
    offsets.push(from, to);
  } else {
    offsets.ends[offsets.length - 1] = to;
  }
}

export function normalizeForMatch(original: string, options: NormalizeOptions = {}): NormalizedText {
  const fold = options.fold !== false;
  const n = original.length;
  const out: string[] = [];
  const offsets = new OffsetBuffer(n + 16);
  let lastWasSpace = false;


  let i = 0;
  while (i < n) {
    const code = original.charCodeAt(i);
    // Fast path: a run of plain ASCII (no spaces, hyphens or backticks) needs nothing but case folding.
    if (code < 0x80 && code !== 0x2d && code !== 0x60) {
      if (isAsciiSpace(code)) {
        addSpace(out, offsets, lastWasSpace, i, i + 1);
        lastWasSpace = true;
        i++;
        continue;
      }
      let r = i + 1;
      while (r < n) {
        const c = original.charCodeAt(r);
        if (c >= 0x80 || c === 0x2d || c === 0x60 || isAsciiSpace(c)) break;
        r++;
      }
      // A combining mark after the run belongs to its last character: leave that one to the slow path.
      if (r < n && COMBINING.test(original[r])) r--;
      if (r > i) {
        const run = original.slice(i, r);
        out.push(fold ? run.toLowerCase() : run);
        for (let k = i; k < r; k++) offsets.push(k, k + 1);
        lastWasSpace = false;
        i = r;
        continue;
      }
    }
    const joinTo = lineBreakHyphenEnd(original, i);
    if (joinTo >= 0) {
      i = joinTo;
      continue;
    }
    // One unit: a code point plus any combining marks after it, so NFKC can compose them.
    const cp = original.codePointAt(i)!;
    let j = i + (cp > 0xffff ? 2 : 1);
    while (j < n && COMBINING.test(original[j])) j++;
    const unit = original.slice(i, j);

    if (unit.length === 1 && INVISIBLE.test(unit)) {
      i = j;
      continue;
    }
    if (WHITESPACE.test(unit)) {
      addSpace(out, offsets, lastWasSpace, i, j);
      lastWasSpace = true;
      i = j;
      continue;
    }
    let mapped = '';
    for (const c of unit.normalize('NFKC')) mapped += mapGlyph(c);
    const norm = fold ? mapped.toLowerCase() : mapped;
    if (norm.length === 0) {
      i = j;
      continue;
    }
    // NFKC can turn a compatibility space (NBSP, ideographic space) into ' '.
    if (/^\s+$/.test(norm)) {
      addSpace(out, offsets, lastWasSpace, i, j);
      lastWasSpace = true;
    } else {
      for (let u = 0; u < norm.length; u++) {
        out.push(norm[u]);
        offsets.push(i, j);
      }
      lastWasSpace = false;
    }
    i = j;
  }

  const startArr = offsets.starts.slice(0, offsets.length);
  const endArr = offsets.ends.slice(0, offsets.length);
  const text = out.join('');
  return {
    text,
    starts: startArr,
    ends: endArr,
    toOriginal(k: number): number {
      if (k >= text.length) return n;
      if (k < 0) return 0;
      return startArr[k];
    },
  };
}
