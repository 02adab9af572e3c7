// The stored form of a source's index: smaller than the source's text and quick to read back.
// Per token it keeps its word, as a number into the library lexicon stored beside the rows
// (packed-lexicon.ts), in a plain typed array of the narrowest width that holds them (16 bits
// while the lexicon has under 65,536 words), so reading the words back is a copy, not a decode;
// and its offsets as the gap from the previous token and the token's length, varint-packed into
// a byte array. The word numbers are those of the lexicon a loaded index starts from, so no
// string is touched on load. The offsets are only needed for the sources a page's quotes are
// found in: a loaded row decodes them on first use. Fingerprints are not stored: they follow
// from the words (each word's hash is stored once, with the lexicon) and are recomputed on load,
// which costs less than reading them would. A row is then a few typed arrays (the passages' too,
// see packed-passages.ts), a few numbers and strings: few, large values, which IndexedDB's
// structured clone copies fast.
import { type PackedPassages, checkPackedPassages, packPassages, unpackPassages } from '../library/packed-passages';
import type { Passage } from '../library/passages';
import { widenWinnowTrigramPairsInto } from './fingerprints';
import { NO_FINGERPRINTS, SOURCE_INDEX_VERSION, fingerprintWords, type SourceIndexData } from './library-index';
import { KGRAM_WORDS, WINNOW_WINDOW } from './thresholds';
import type { Lexicon } from './lexicon';

/** What IndexedDB keeps for a source's index (format 5). */
export interface PackedSourceIndex {
  version: number; // SOURCE_INDEX_VERSION
  id: string;
  tokens: number; // token count
  lexicon: string; // generation of the stored lexicon the word numbers refer to
  words: Uint16Array | Uint32Array; // each token's word number in that lexicon
  offsets: Uint8Array; // per token: varint (zigzag(length) << 2 | gap code), then the gap if it did not fit
  passages: PackedPassages; // format 4 kept a Passage object per paragraph here
}

/** Gaps 0, 1 and 2 are coded inside the length's varint; 3 means a varint gap follows. */
const GAP_INLINE = 3;

function zigzag(n: number): number {
  return n >= 0 ? n * 2 : -n * 2 - 1;
}

function unzigzag(n: number): number {
  return n & 1 ? -(n + 1) / 2 : n / 2;
}

class ByteWriter {
  bytes: Uint8Array;
  length = 0;
  constructor(capacity: number) {
    this.bytes = new Uint8Array(Math.max(16, capacity));
  }
  varint(value: number): void {
    if (this.length + 5 > this.bytes.length) {
      const next = new Uint8Array(this.bytes.length * 2);
      next.set(this.bytes);
      this.bytes = next;
    }
    let v = value >>> 0;
    while (v >= 0x80) {
      this.bytes[this.length++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.bytes[this.length++] = v;
  }
  result(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }
}

/**
 * The stored form of a source's index data; `words` holds each token's number in the stored
 * lexicon of generation `lexicon` (see writeIndexRows in lib/library/stored-index.ts).
 */
export function packSourceIndex(data: SourceIndexData, words: Uint32Array, lexicon: string): PackedSourceIndex {
  const n = data.tokenWords.length;
  if (words.length !== n) throw new Error(`packing ${data.id}: ${words.length} word numbers for ${n} tokens`);
  let max = 0;
  for (let i = 0; i < n; i++) if (words[i] > max) max = words[i];
  const out = new ByteWriter(n * 2);
  let prevEnd = 0;
  for (let i = 0; i < n; i++) {
    const start = data.tokenStarts[i];
    const end = data.tokenEnds[i];
    const gap = start - prevEnd;
    const inline = gap >= 0 && gap < GAP_INLINE ? gap : GAP_INLINE;
    out.varint(zigzag(end - start) * 4 + inline);
    if (inline === GAP_INLINE) out.varint(zigzag(gap));
    prevEnd = end;
  }
  return {
    version: SOURCE_INDEX_VERSION,
    id: data.id,
    tokens: n,
    lexicon,
    words: max < 0x10000 ? Uint16Array.from(words) : words.slice(),
    offsets: out.result(),
    passages: packPassages(data.passages),
  };
}

/** Walks the offsets' varints without decoding them; false unless they are exactly `tokens` tokens' worth. */
function offsetsAreWhole(bytes: Uint8Array, tokens: number): boolean {
  return offsetsEnd(bytes, tokens) === bytes.length;
}

/**
 * Where `tokens` tokens' varints end in `bytes`, or -1 when they run past it. The comparison is
 * the caller's: nothing follows the loop (see decodeOffsetsInto).
 */
function offsetsEnd(bytes: Uint8Array, tokens: number): number {
  let at = 0;
  for (let i = 0; i < tokens; i++) {
    if (at >= bytes.length) return -1;
    // Most tokens are one byte (a word under 16 letters, its gap inline): passed with one test.
    const first = bytes[at];
    if (first < 0x80 && (first & 3) !== GAP_INLINE) {
      at++;
      continue;
    }
    const escaped = (bytes[at] & 3) === GAP_INLINE;
    while (at < bytes.length && bytes[at] & 0x80) at++;
    at++;
    if (escaped) {
      while (at < bytes.length && bytes[at] & 0x80) at++;
      at++;
    }
  }
  return at;
}

/**
 * Token offsets from the packed form (already checked whole by offsetsAreWhole), written into
 * `starts` and `ends` (room for `n` each). Nothing follows the loop: V8 optimises it while it runs
 * on a long source, and anything after it that had never run (an object made to return both) threw
 * that code away at the end of each of a cold worker's first decodes.
 */
function decodeOffsetsInto(bytes: Uint8Array, n: number, starts: Int32Array, ends: Int32Array): void {
  let at = 0;
  let prevEnd = 0;
  // Varints read inline: this loop runs once per token of every source a page's quotes are found in.
  for (let i = 0; i < n; i++) {
    let b = bytes[at++];
    // Most tokens are one byte (a word under 16 letters, its gap inline): read without the general
    // path's calls, which is what this loop pays most for in a worker that has not optimised it.
    if (b < 0x80 && (b & 3) !== GAP_INLINE) {
      const z = b >>> 2; // zigzag of the length, unzigzag written out
      const start = prevEnd + (b & 3);
      const end = start + (z & 1 ? -(z + 1) / 2 : z / 2);
      starts[i] = start;
      ends[i] = end;
      prevEnd = end;
      continue;
    }
    let code = b & 0x7f;
    for (let shift = 7; b & 0x80; shift += 7) {
      b = bytes[at++];
      code += (b & 0x7f) * 2 ** shift;
    }
    let gap = code & 3;
    if (gap === GAP_INLINE) {
      b = bytes[at++];
      let zz = b & 0x7f;
      for (let shift = 7; b & 0x80; shift += 7) {
        b = bytes[at++];
        zz += (b & 0x7f) * 2 ** shift;
      }
      gap = unzigzag(zz);
    }
    const start = prevEnd + gap;
    const end = start + unzigzag(code >>> 2);
    starts[i] = start;
    ends[i] = end;
    prevEnd = end;
  }
}

/** Index data read from a stored row: words and fingerprints at once, token offsets and passages on first use. */
export class StoredSourceIndexData implements SourceIndexData {
  readonly version = SOURCE_INDEX_VERSION;
  private starts: Int32Array | null = null;
  private ends: Int32Array | null = null;
  private passageList: Passage[] | null = null;

  constructor(
    readonly id: string,
    readonly vocabulary: readonly string[],
    readonly tokenWords: Uint32Array,
    readonly fingerprints: Uint32Array,
    readonly fingerprintPositions: Uint32Array,
    private readonly packedPassages: PackedPassages, // checked whole by checkPackedPassages
    private readonly offsets: Uint8Array,
  ) {}

  get passages(): Passage[] {
    return (this.passageList ??= unpackPassages(this.packedPassages));
  }

  get tokenStarts(): Int32Array {
    return this.starts ?? this.decode()[0];
  }

  get tokenEnds(): Int32Array {
    return this.ends ?? this.decode()[1];
  }

  /**
   * Whether the stored offsets are exactly this row's tokens' worth (offsetsAreWhole). A row unpacked
   * without that check (unpackSourceIndex's `offsetsChecked: false`) must pass it before any answer
   * rests on it; decoding offsets that fail it gives garbage, never an error.
   */
  offsetsWhole(): boolean {
    return offsetsAreWhole(this.offsets, this.tokenWords.length);
  }

  /** This data without its fingerprints (see LibraryIndex.compact); offsets and passages read so far come along. */
  withoutFingerprints(): StoredSourceIndexData {
    const lean = new StoredSourceIndexData(this.id, this.vocabulary, this.tokenWords, NO_FINGERPRINTS, NO_FINGERPRINTS, this.packedPassages, this.offsets);
    lean.starts = this.starts;
    lean.ends = this.ends;
    lean.passageList = this.passageList;
    return lean;
  }

  /** Decodes the offsets, keeps them, and returns [starts, ends]. */
  private decode(): [Int32Array, Int32Array] {
    const n = this.tokenWords.length;
    const starts = new Int32Array(n);
    const ends = new Int32Array(n);
    decodeOffsetsInto(this.offsets, n, starts, ends);
    this.starts = starts;
    this.ends = ends;
    return [starts, ends];
  }
}

/** How unpackSourceIndex reads a row. */
export interface UnpackOptions {
  // false: the offsets are not walked here; the caller checks `offsetsWhole()` before trusting the row
  offsetsChecked?: boolean;
}

/**
 * The index data back from its stored form, read against `lexicon`, the in-memory copy of the
 * stored lexicon the row was written with: the tokens' words are that lexicon's numbers (the
 * data's vocabulary is the lexicon's key list) and the fingerprints come from its word hashes.
 * Throws on a row that is not whole (its passage table included) or names a word the lexicon
 * lacks; with `offsetsChecked` false, offsets that are not whole are found only when the caller
 * asks `offsetsWhole()`.
 */
export function unpackSourceIndex(stored: PackedSourceIndex, lexicon: Lexicon, options: UnpackOptions = {}): StoredSourceIndexData {
  const n = stored.tokens;
  const { words, offsets } = stored;
  if (!(words instanceof Uint16Array || words instanceof Uint32Array) || words.length !== n) {
    throw new Error(`stored index of ${stored.id}: no word numbers for its ${n} tokens`);
  }
  if (!(offsets instanceof Uint8Array)) throw new Error(`stored index of ${stored.id}: no offsets`);
  try {
    checkPackedPassages(stored.passages);
  } catch (error) {
    throw new Error(`stored index of ${stored.id}: ${(error as Error).message}`);
  }
  if (options.offsetsChecked !== false && !offsetsAreWhole(offsets, n)) throw new Error(`stored index of ${stored.id}: offsets cut off or overlong`);
  const size = lexicon.size;
  // A row stored 32 bits wide is used as it is; a 16-bit one is widened while it is fingerprinted.
  const tokenWords = words instanceof Uint32Array ? words : new Uint32Array(n);
  const fp = fingerprintsOf(lexicon.hashes, size, words, tokenWords);
  if (fp === null) {
    let max = 0;
    for (let i = 0; i < n; i++) if (words[i] > max) max = words[i];
    throw new Error(`stored index of ${stored.id}: word ${max} is not in the lexicon of ${size} words`);
  }
  return new StoredSourceIndexData(stored.id, lexicon.keys, tokenWords, fp.hashes, fp.positions, stored.passages, offsets);
}

// Scratch for fingerprintsOf, reused from row to row.
let keptHashes = new Uint32Array(0);
let keptPositions = new Uint32Array(0);

/**
 * fingerprintWords of a row's tokens, its word numbers copied into `tokenWords` on the way (in one
 * pass when k = 3 and w = 2, as they are); null if a word number is not under `size`.
 */
function fingerprintsOf(
  wordHashes: Uint32Array,
  size: number,
  words: Uint16Array | Uint32Array,
  tokenWords: Uint32Array,
): { hashes: Uint32Array; positions: Uint32Array } | null {
  const n = words.length;
  if (KGRAM_WORDS !== 3 || WINNOW_WINDOW !== 2) {
    let max = 0;
    for (let i = 0; i < n; i++) {
      const w = words[i];
      tokenWords[i] = w;
      if (w > max) max = w;
    }
    return n > 0 && max >= size ? null : fingerprintWords(wordHashes, tokenWords);
  }
  if (keptHashes.length < n) {
    keptHashes = new Uint32Array(Math.max(n, keptHashes.length * 2));
    keptPositions = new Uint32Array(keptHashes.length);
  }
  const kept = widenWinnowTrigramPairsInto(wordHashes, size, words, tokenWords, keptHashes, keptPositions);
  if (kept < 0) return null;
  return { hashes: keptHashes.slice(0, kept), positions: keptPositions.slice(0, kept) };
}
