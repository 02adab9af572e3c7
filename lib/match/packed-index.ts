// The stored form of a source's index: smaller than the source's text and quick to read back.
// Per token it keeps only its word, as a number into the library lexicon stored beside the rows
// (packed-lexicon.ts; numbered by first use across the library, so the common words get the
// small numbers), and its offsets as the gap from the previous token and the token's length, all
// varint-packed into one byte array. Reading a row back therefore needs no strings at all: the
// word numbers are those of the lexicon the loaded index starts from. Fingerprints are not
// stored: they follow from the words (each word's hash is computed once, in the lexicon) and are
// recomputed on load, which costs less than reading them would. A row is then one byte array, one
// string and the passages: few, large values, which IndexedDB's structured clone copies fast.
import type { Passage } from '../library/passages';
import { SOURCE_INDEX_VERSION, sourceIndexDataFromHashes, type SourceIndexData } from './library-index';
import type { Lexicon } from './lexicon';

/** What IndexedDB keeps for a source's index (format 4). */
export interface PackedSourceIndex {
  version: number; // SOURCE_INDEX_VERSION
  id: string;
  tokens: number; // token count
  lexicon: string; // generation of the stored lexicon the word numbers refer to
  packed: Uint8Array; // per token: varint word number, then varint (zigzag(length) << 2 | gap code), then the gap if it did not fit
  passages: Passage[];
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
export function packSourceIndex(data: SourceIndexData, words: ArrayLike<number>, lexicon: string): PackedSourceIndex {
  const n = data.tokenWords.length;
  if (words.length !== n) throw new Error(`packing ${data.id}: ${words.length} word numbers for ${n} tokens`);
  const out = new ByteWriter(n * 3);
  let prevEnd = 0;
  for (let i = 0; i < n; i++) {
    const start = data.tokenStarts[i];
    const end = data.tokenEnds[i];
    const gap = start - prevEnd;
    out.varint(words[i]);
    const inline = gap >= 0 && gap < GAP_INLINE ? gap : GAP_INLINE;
    out.varint(zigzag(end - start) * 4 + inline);
    if (inline === GAP_INLINE) out.varint(zigzag(gap));
    prevEnd = end;
  }
  return { version: SOURCE_INDEX_VERSION, id: data.id, tokens: n, lexicon, packed: out.result(), passages: data.passages };
}

/**
 * The index data back from its stored form, read against `lexicon`, the in-memory copy of the
 * stored lexicon the row was written with: the tokens' words are that lexicon's numbers (the
 * data's vocabulary is the lexicon's key list) and the fingerprints come from its word hashes.
 * Throws on a row that does not decode whole or names a word the lexicon lacks.
 */
export function unpackSourceIndex(stored: PackedSourceIndex, lexicon: Lexicon): SourceIndexData {
  const n = stored.tokens;
  const bytes = stored.packed;
  const tokenStarts = new Int32Array(n);
  const tokenEnds = new Int32Array(n);
  const tokenWords = new Uint32Array(n);
  const size = lexicon.size;
  let at = 0;
  let prevEnd = 0;
  let maxWord = 0;
  // Varints read inline: this loop runs once per token of the library on every cold start.
  for (let i = 0; i < n; i++) {
    let b = bytes[at++];
    let word = b & 0x7f;
    for (let shift = 7; b & 0x80; shift += 7) {
      b = bytes[at++];
      word += (b & 0x7f) * 2 ** shift;
    }
    b = bytes[at++];
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
    if (word > maxWord) maxWord = word;
    tokenWords[i] = word;
    tokenStarts[i] = start;
    tokenEnds[i] = end;
    prevEnd = end;
  }
  if (at !== bytes.length) throw new Error(`stored index of ${stored.id}: ${bytes.length - at} bytes left over`);
  if (n > 0 && maxWord >= size) throw new Error(`stored index of ${stored.id}: word ${maxWord} is not in the lexicon of ${size} words`);
  return sourceIndexDataFromHashes(stored.id, { tokenStarts, tokenEnds, vocabulary: lexicon.keys, tokenWords }, stored.passages, lexicon.hashes);
}
