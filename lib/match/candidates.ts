// Candidate places for a quote: exact runs of shared words found through the fingerprint index
// (blocks), chained per source into places where the quote's words appear in order, close together.
import type { LibraryIndex } from './library-index';
import type { ParsedQuote } from './quote-parts';
import { kgramHash } from './fingerprints';
import { KGRAM_WORDS, MAX_CHAINS_PER_SOURCE, MAX_UNMARKED_GAP_WORDS } from './thresholds';

/** A maximal run of equal keys: quote tokens [q0, q1) = source tokens [s0, s1). */
export interface Block {
  slot: number;
  part: number;
  q0: number;
  q1: number;
  s0: number;
  s1: number;
}

/** Blocks of one part in one source, in order in both texts, with small gaps between them. */
export interface Chain {
  slot: number;
  part: number;
  blocks: Block[];
  words: number; // words inside the blocks
}

// The postings of one fingerprint at a time (LibraryIndex.lookupInto): one array for every lookup.
const postings: number[] = [];

/**
 * Per diagonal, where the last block found on it ends: an open-addressing table of numbers,
 * reused from quote to quote (a generation number tells this quote's entries from older ones).
 */
export class DiagonalEnds {
  private keys = new Float64Array(1024);
  private ends = new Int32Array(1024);
  private gens = new Uint32Array(1024);
  private gen = 1;
  private count = 0;

  /** Forget every entry. */
  clear(): void {
    this.count = 0;
    if (++this.gen === 0xffffffff) {
      this.gens.fill(0);
      this.gen = 1;
    }
  }

  private slot(key: number): number {
    const mask = this.keys.length - 1;
    let i = (Math.imul(key | 0, 0x9e3779b1) ^ ((key / 0x100000000) | 0)) & mask;
    while (this.gens[i] === this.gen && this.keys[i] !== key) i = (i + 1) & mask;
    return i;
  }

  /** The end stored for `key`, or -1. */
  get(key: number): number {
    const i = this.slot(key);
    return this.gens[i] === this.gen ? this.ends[i] : -1;
  }

  set(key: number, end: number): void {
    let i = this.slot(key);
    if (this.gens[i] !== this.gen) {
      if (2 * (this.count + 1) > this.keys.length) {
        this.grow();
        i = this.slot(key);
      }
      this.count++;
      this.gens[i] = this.gen;
      this.keys[i] = key;
    }
    this.ends[i] = end;
  }

  private grow(): void {
    const { keys, ends, gens, gen } = this;
    const size = keys.length * 2;
    this.keys = new Float64Array(size);
    this.ends = new Int32Array(size);
    this.gens = new Uint32Array(size);
    for (let k = 0; k < keys.length; k++) {
      if (gens[k] !== gen) continue;
      const i = this.slot(keys[k]);
      this.gens[i] = gen;
      this.keys[i] = keys[k];
      this.ends[i] = ends[k];
    }
  }
}

const lastEnd = new DiagonalEnds();

/**
 * Exact runs the quote shares with the library. `words` are the quote's word numbers
 * (LibraryIndex.wordNumbers), `keyHashes` the hashes of its keys.
 */
export function findBlocks(index: LibraryIndex, pq: ParsedQuote, words: Int32Array, keyHashes: Uint32Array, only: number | null = null): Block[] {
  const blocks: Block[] = [];
  // Per diagonal, (library token number − quote index) and part: where the last block found on
  // it ends in the quote. Two sources never share a diagonal for the same quote index (their
  // token ranges are apart), so the diagonal alone tells which source a block is in. K-grams are
  // looked up in quote order and a block reaches as far right as the words agree, so a k-gram
  // starting before that end lies inside a block already found, and a new block on the diagonal
  // always starts after it: the last end is all there is to remember.
  lastEnd.clear();
  const P = pq.parts.length;
  for (let pi = 0; pi < P; pi++) {
    const part = pq.parts[pi];
    for (let i = part.from; i + KGRAM_WORDS <= part.to; i++) {
      const found = index.lookupInto(kgramHash(keyHashes, i), postings);
      for (let f = 0; f < found; f++) {
        const posting = postings[f];
        // Skipped before looking up its source (a hash collision would be skipped too, below).
        const id = (posting - i) * P + pi;
        if (i < lastEnd.get(id)) continue;
        const slot = index.slotOf(posting);
        if (only !== null && slot !== only) continue;
        const entry = index.entry(slot);
        if (!entry) continue;
        const keys = entry.words;
        const pos = posting - entry.base;
        let same = true;
        for (let j = 0; j < KGRAM_WORDS && same; j++) same = keys[pos + j] === words[i + j];
        if (!same) continue; // hash collision
        let q0 = i;
        let s0 = pos;
        while (q0 > part.from && s0 > 0 && keys[s0 - 1] === words[q0 - 1]) {
          q0--;
          s0--;
        }
        let q1 = i + KGRAM_WORDS;
        let s1 = pos + KGRAM_WORDS;
        while (q1 < part.to && s1 < keys.length && keys[s1] === words[q1]) {
          q1++;
          s1++;
        }
        blocks.push({ slot, part: pi, q0, q1, s0, s1 });
        lastEnd.set(id, q1);
      }
    }
  }
  return blocks;
}

function follows(a: Block, b: Block): boolean {
  return (
    a.q1 <= b.q0 &&
    a.s1 <= b.s0 &&
    b.q0 - a.q1 <= MAX_UNMARKED_GAP_WORDS &&
    b.s0 - a.s1 <= MAX_UNMARKED_GAP_WORDS
  );
}

/** Chain the blocks of one slot and part: repeatedly the chain covering most quote words. */
export function chainBlocks(blocks: Block[]): Chain[] {
  if (blocks.length === 1) {
    // What the search below finds for a single block, without its tables.
    const b = blocks[0];
    return MAX_CHAINS_PER_SOURCE > 0 ? [{ slot: b.slot, part: b.part, blocks: [b], words: b.q1 - b.q0 }] : [];
  }
  const sorted = [...blocks].sort((a, b) => a.s0 - b.s0 || a.q0 - b.q0);
  const n = sorted.length;
  // A block can only follow one that starts at most (longest block + gap) source words before it:
  // lo[i] is the first such block in source order, so the search skips the rest (they fail `follows`).
  let longest = 0;
  for (const b of sorted) longest = Math.max(longest, b.s1 - b.s0);
  const lo = new Int32Array(n);
  for (let i = 0, j = 0; i < n; i++) {
    while (sorted[j].s0 < sorted[i].s0 - MAX_UNMARKED_GAP_WORDS - longest) j++;
    lo[i] = j;
  }
  const used = new Uint8Array(n);
  const best = new Int32Array(n);
  const prev = new Int32Array(n);
  const chains: Chain[] = [];
  while (chains.length < MAX_CHAINS_PER_SOURCE) {
    best.fill(0);
    prev.fill(-1);
    let top = -1;
    for (let i = 0; i < n; i++) {
      if (used[i]) continue;
      const b = sorted[i];
      const len = b.q1 - b.q0;
      best[i] = len;
      for (let j = lo[i]; j < i; j++) {
        if (used[j] || !follows(sorted[j], b)) continue;
        if (best[j] + len > best[i]) {
          best[i] = best[j] + len;
          prev[i] = j;
        }
      }
      if (top < 0 || best[i] > best[top]) top = i;
    }
    if (top < 0) break;
    const picked: Block[] = [];
    for (let i = top; i >= 0; i = prev[i]) {
      picked.push(sorted[i]);
      used[i] = 1;
    }
    picked.reverse();
    chains.push({ slot: picked[0].slot, part: picked[0].part, blocks: picked, words: best[top] });
  }
  return chains;
}

/** Group blocks by source and part and chain each group. */
export function findChains(blocks: Block[]): Chain[] {
  const groups = new Map<number, Block[]>();
  let parts = 1;
  for (const b of blocks) parts = Math.max(parts, b.part + 1);
  for (const b of blocks) {
    const id = b.slot * parts + b.part;
    const g = groups.get(id);
    if (g) g.push(b);
    else groups.set(id, [b]);
  }
  const chains: Chain[] = [];
  for (const g of groups.values()) chains.push(...chainBlocks(g));
  return chains;
}
