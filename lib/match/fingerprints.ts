// Winnowed fingerprints (Schleimer, Wilkerson & Aiken 2003) over hashes of word k-grams of
// token keys. See thresholds.ts for why k = 3 and w = 2.
import { KGRAM_WORDS, WINNOW_WINDOW } from './thresholds';

/** Names hashKey's output: a stored table of key hashes made under another number is not read. Bump it whenever hashKey changes. */
export const KEY_HASH_VERSION = 1;

/** 32-bit FNV-1a hash of a key. */
export function hashKey(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function mix(h: number): number {
  // murmur3 finaliser: spreads the combined hash so that the minimum is not biased.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Hash of the k-gram of key hashes starting at `i`. */
export function kgramHash(keyHashes: ArrayLike<number>, i: number, k = KGRAM_WORDS): number {
  let h = 0x9747b28c;
  for (let j = 0; j < k; j++) h = Math.imul(h ^ keyHashes[i + j], 0x5bd1e995) + j;
  return mix(h);
}

/**
 * kgramHash of every start 0 … count - 1, written into `out`: the same values, with the k-gram
 * and the finaliser worked out in place, since a call per token is what a loop run once per
 * cold start (not yet optimised) pays for most.
 */
export function kgramHashesInto(keyHashes: Uint32Array, count: number, out: Uint32Array, k = KGRAM_WORDS): void {
  if (k === 3 && count > 0) {
    // Trigrams (the k in use): each key hash read once, carried along in locals.
    let a = keyHashes[0];
    let b = keyHashes[1];
    for (let i = 0; i < count; i++) {
      const c = keyHashes[i + 2];
      let h = Math.imul(0x9747b28c ^ a, 0x5bd1e995);
      h = Math.imul(h ^ b, 0x5bd1e995) + 1;
      h = Math.imul(h ^ c, 0x5bd1e995) + 2;
      h ^= h >>> 16;
      h = Math.imul(h, 0x85ebca6b);
      h ^= h >>> 13;
      h = Math.imul(h, 0xc2b2ae35);
      h ^= h >>> 16;
      out[i] = h >>> 0;
      a = b;
      b = c;
    }
    return;
  }
  for (let i = 0; i < count; i++) out[i] = kgramHash(keyHashes, i, k);
}

/** Hashes of every k-gram of `keyHashes[from, to)`. */
export function kgramHashes(keyHashes: ArrayLike<number>, from = 0, to = keyHashes.length, k = KGRAM_WORDS): Uint32Array {
  const count = Math.max(0, to - from - k + 1);
  const out = new Uint32Array(count);
  for (let i = 0; i < count; i++) out[i] = kgramHash(keyHashes, from + i, k);
  return out;
}

export interface Fingerprints {
  hashes: Uint32Array;
  positions: Uint32Array; // token index where each fingerprinted k-gram starts
}

/** Winnow k-gram hashes: the minimum of each window of `w` (rightmost on ties), each kept once. */
export function winnow(kgrams: Uint32Array, w = WINNOW_WINDOW): Fingerprints {
  const hashes: number[] = [];
  const positions: number[] = [];
  if (kgrams.length === 0) return { hashes: new Uint32Array(0), positions: new Uint32Array(0) };
  const windows = Math.max(1, kgrams.length - w + 1);
  const width = Math.min(w, kgrams.length);
  let last = -1;
  for (let start = 0; start < windows; start++) {
    let best = start;
    for (let i = start + 1; i < start + width; i++) if (kgrams[i] <= kgrams[best]) best = i;
    if (best !== last) {
      hashes.push(kgrams[best]);
      positions.push(best);
      last = best;
    }
  }
  return { hashes: Uint32Array.from(hashes), positions: Uint32Array.from(positions) };
}

/**
 * winnow(kgramHashes(token hashes)) for k = 3 and w = 2 (the values in use), in one pass over a
 * stored row's word numbers into `wordHashes`, written into `outHashes` and `outPositions` (room
 * for one per token); the word numbers are also copied, widened, into `tokenWords` (the same array
 * may be passed for a row stored 32 bits wide). A cold start runs this once per token of the
 * library, so there is no scratch pass per step, and the choice of each window's smaller k-gram
 * is arithmetic rather than a branch (which a random hash mispredicts half the time). Word numbers
 * are checked against `size` as they are read; returns how many fingerprints were kept, or -1 if a
 * word number is `size` or more (the outputs are then not to be used).
 */
export function widenWinnowTrigramPairsInto(
  wordHashes: Uint32Array,
  size: number,
  storedWords: Uint16Array | Uint32Array,
  tokenWords: Uint32Array,
  outHashes: Uint32Array,
  outPositions: Uint32Array,
): number {
  const n = storedWords.length;
  let outside = 0; // 1 once a word number at or past `size` is read
  // The first two tokens start the first trigram (or are all there is).
  const w0 = n > 0 ? storedWords[0] : 0;
  const w1 = n > 1 ? storedWords[1] : 0;
  if (n > 0) tokenWords[0] = w0;
  if (n > 1) tokenWords[1] = w1;
  outside |= +(n > 0 && w0 >= size) | +(n > 1 && w1 >= size);
  const count = n - 2; // trigrams
  if (count <= 0) return outside ? -1 : 0;
  // Settled before the loop, so nothing after it compares: V8 optimises the loop while it runs
  // (a cold load runs it once per source), and a comparison first met after it threw that code away.
  const single = count === 1;
  let a = wordHashes[w0];
  let b = wordHashes[w1];
  let prev = 0; // the trigram before this one
  let kept = 0;
  let last = -1; // position of the trigram kept last
  for (let i = 0; i < count; i++) {
    const w = storedWords[i + 2];
    tokenWords[i + 2] = w;
    outside |= +(w >= size);
    const c = wordHashes[w];
    // kgramHash of the trigram, written out as in kgramHashesInto: a call per token costs in code not yet optimised.
    let h = Math.imul(0x9747b28c ^ a, 0x5bd1e995);
    h = Math.imul(h ^ b, 0x5bd1e995) + 1;
    h = Math.imul(h ^ c, 0x5bd1e995) + 2;
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    const cur = h >>> 0;
    a = b;
    b = c;
    if (i > 0) {
      // The window of trigrams i - 1 and i: the smaller, the right one on a tie; kept unless kept already.
      const right = +(cur <= prev);
      const best = i - 1 + right;
      outHashes[kept] = prev + right * (cur - prev);
      outPositions[kept] = best;
      kept += +(best !== last);
      last = best;
    }
    prev = cur;
  }
  if (outside) return -1;
  if (single) {
    outHashes[0] = prev;
    outPositions[0] = 0;
    return 1;
  }
  return kept;
}
