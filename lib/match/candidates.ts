// Candidate places for a quote: exact runs of shared words found through the fingerprint index
// (blocks), chained per source into places where the quote's words appear in order, close together.
// The matcher keeps them in typed arrays (Candidates): at 10× a quote has up to a thousand blocks,
// nearly all one shared phrase in an unrelated source, and most are dropped by a bound unaligned.
import type { LibraryIndex } from './library-index';
import type { WordArray } from './library-words';
import type { ParsedQuote } from './quote-parts';
import { kgramHash } from './fingerprints';
import { EDGE_SLACK_WORDS, KGRAM_WORDS, MAX_CHAINS_PER_SOURCE, MAX_UNMARKED_GAP_WORDS } from './thresholds';

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
// What touchStretches reads, kept so that its reads are not optimised away.
let touched = 0;

/**
 * Read one word per cache line of the stretch around each of a lookup's postings, from `back`
 * words before it to `forward` words after it: the stretch findBlocks compares and extends and
 * the chain bound (chain-bound.ts) marks later on. Nothing waits on these reads, so the cache
 * misses of all the lookup's postings are in flight together, where the loop that decides on
 * each word would wait for them one or two at a time. A 64-byte line holds 32 words of two bytes
 * (with four-byte words, past 65,534 lexicon words, every other line is read).
 */
function touchStretches(at: WordArray, found: number, back: number, forward: number): void {
  let t = 0;
  const limit = at.length;
  for (let f = 0; f < found; f++) {
    const p = postings[f];
    const hi = Math.min(limit, p + forward);
    for (let x = Math.max(0, p - back); x < hi; x += 32) t ^= at[x];
    t ^= at[hi - 1];
  }
  touched ^= t;
}

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

/** Grown copy of a typed array: at least `size` entries, the first `keep` copied. */
function grown(a: Int32Array<ArrayBuffer>, size: number, keep: number): Int32Array<ArrayBuffer> {
  const out = new Int32Array(Math.max(size, a.length * 2));
  out.set(a.subarray(0, keep));
  return out;
}

/**
 * A quote's blocks and chains as columns of typed arrays, reused from quote to quote: no object
 * per block or per chain. Blocks are numbered in the order found (findBlocks' order); chains come
 * in findChains' order (groups of one source and part in the order of their first block, each
 * group's chains best first), and chain c's blocks, in source order, are the block numbers
 * members[first[c] … first[c] + count[c]). A Chain object is made only for a chain asked for.
 */
export class Candidates {
  blocks = 0;
  slot = new Int32Array(256);
  part = new Int32Array(256);
  q0 = new Int32Array(256);
  q1 = new Int32Array(256);
  s0 = new Int32Array(256);
  s1 = new Int32Array(256);
  private group = new Int32Array(256); // each block's group (source and part), numbered by first block

  chains = 0;
  chainSlot = new Int32Array(64);
  chainPart = new Int32Array(64);
  words = new Int32Array(64); // words inside the chain's blocks
  first = new Int32Array(64); // where the chain's block numbers start in `members`
  count = new Int32Array(64);
  members = new Int32Array(256);

  private readonly lastEnd = new DiagonalEnds(); // per diagonal, where its last block ends in the quote
  private readonly groupOf = new DiagonalEnds(); // group number by slot·parts + part
  private groups = 0;
  private groupSize = new Int32Array(64);
  private groupStart = new Int32Array(64);
  private byGroup = new Int32Array(256); // block numbers grouped, in the order found within a group
  // Chaining scratch, per block of one group (see chainBlocks).
  private lo = new Int32Array(64);
  private used = new Uint8Array(64);
  private best = new Int32Array(64);
  private prev = new Int32Array(64);

  /** The exact runs the quote shares with the library, then their chains (see findBlocks, findChains). */
  find(index: LibraryIndex, pq: ParsedQuote, words: Int32Array, keyHashes: Uint32Array, only: number | null = null): void {
    this.findBlocks(index, pq, words, keyHashes, only);
    this.chainAll();
  }

  /** The blocks alone, in findBlocks' order. */
  findBlocks(index: LibraryIndex, pq: ParsedQuote, words: Int32Array, keyHashes: Uint32Array, only: number | null = null): void {
    this.blocks = 0;
    this.groups = 0;
    // Per diagonal, (library token number − quote index) and part: where the last block found on
    // it ends in the quote. Two sources never share a diagonal for the same quote index (their
    // token ranges are apart), so the diagonal alone tells which source a block is in. K-grams are
    // looked up in quote order and a block reaches as far right as the words agree, so a k-gram
    // starting before that end lies inside a block already found, and a new block on the diagonal
    // always starts after it: the last end is all there is to remember.
    const lastEnd = this.lastEnd;
    lastEnd.clear();
    this.groupOf.clear();
    // The words are read by library token number (LibraryIndex.libraryWords): a posting's words
    // without its source's entry. Sources stand apart by a sentinel no quote word equals, so a
    // run read there stops at its source's edges, as it would in the source's own words (and a
    // removed source's words are sentinels, as if its entry were gone). A source's words are
    // copied there the first time a posting into it is read.
    const library = index.libraryWords();
    const at = library.at;
    const starts = library.starts;
    const ready = library.ready;
    const P = pq.parts.length;
    for (let pi = 0; pi < P; pi++) {
      const part = pq.parts[pi];
      for (let i = part.from; i + KGRAM_WORDS <= part.to; i++) {
        const found = index.lookupInto(kgramHash(keyHashes, i), postings);
        // The bound's stretch reaches the part's words before the k-gram and after it, and
        // EDGE_SLACK_WORDS more each way.
        if (found > 0) touchStretches(at, found, i - part.from + EDGE_SLACK_WORDS, part.to - i + EDGE_SLACK_WORDS);
        // Each posting's source and first word are found one posting ahead: the read, most often
        // a cache miss, then waits for memory while the posting before it is worked out.
        let nextSlot = -1;
        let ahead = 0;
        if (found > 0) {
          nextSlot = index.slotOf(postings[0]);
          if (ready[nextSlot] === 0) library.write(nextSlot);
          ahead = at[postings[0]];
        }
        for (let f = 0; f < found; f++) {
          const posting = postings[f];
          const slot = nextSlot;
          const first = ahead;
          if (f + 1 < found) {
            nextSlot = index.slotOf(postings[f + 1]);
            if (ready[nextSlot] === 0) library.write(nextSlot);
            ahead = at[postings[f + 1]];
          }
          // Skipped before its words are compared (a hash collision would be skipped too, below).
          const id = (posting - i) * P + pi;
          if (i < lastEnd.get(id)) continue;
          if (only !== null && slot !== only) continue;
          let same = first === words[i];
          for (let j = 1; j < KGRAM_WORDS && same; j++) same = at[posting + j] === words[i + j];
          if (!same) continue; // hash collision
          let q0 = i;
          let t0 = posting;
          while (q0 > part.from && t0 > 0 && at[t0 - 1] === words[q0 - 1]) {
            q0--;
            t0--;
          }
          let q1 = i + KGRAM_WORDS;
          let t1 = posting + KGRAM_WORDS;
          while (q1 < part.to && at[t1] === words[q1]) {
            q1++;
            t1++;
          }
          this.add(slot, pi, q0, q1, t0 - starts[slot], t1 - starts[slot], P);
          lastEnd.set(id, q1);
        }
      }
    }
  }

  /** Take these blocks, in this order, for a quote of `parts` parts, and chain them (as find does). */
  setBlocks(blocks: readonly Block[], parts: number): void {
    this.blocks = 0;
    this.groups = 0;
    this.groupOf.clear();
    for (const k of blocks) this.add(k.slot, k.part, k.q0, k.q1, k.s0, k.s1, parts);
    this.chainAll();
  }

  /** A new block, counted in the group of its source and part (numbered by first block). */
  private add(slot: number, part: number, q0: number, q1: number, s0: number, s1: number, parts: number): void {
    const b = this.blocks++;
    if (b === this.slot.length) this.growBlocks();
    this.slot[b] = slot;
    this.part[b] = part;
    this.q0[b] = q0;
    this.q1[b] = q1;
    this.s0[b] = s0;
    this.s1[b] = s1;
    const key = slot * parts + part;
    let g = this.groupOf.get(key);
    if (g < 0) {
      g = this.groups++;
      this.groupOf.set(key, g);
      if (g === this.groupSize.length) this.groupSize = grown(this.groupSize, g + 1, g);
      this.groupSize[g] = 0;
    }
    this.groupSize[g]++;
    this.group[b] = g;
  }

  private growBlocks(): void {
    const n = this.blocks;
    this.slot = grown(this.slot, n + 1, n);
    this.part = grown(this.part, n + 1, n);
    this.q0 = grown(this.q0, n + 1, n);
    this.q1 = grown(this.q1, n + 1, n);
    this.s0 = grown(this.s0, n + 1, n);
    this.s1 = grown(this.s1, n + 1, n);
    this.group = grown(this.group, n + 1, n);
  }

  /** Group the blocks by source and part (a counting sort, stable) and chain each group. */
  private chainAll(): void {
    const G = this.groups;
    const B = this.blocks;
    this.chains = 0;
    if (this.groupStart.length < G + 1) this.groupStart = new Int32Array(Math.max(G + 1, this.groupStart.length * 2));
    if (this.byGroup.length < B) this.byGroup = new Int32Array(Math.max(B, this.byGroup.length * 2));
    if (this.members.length < B) this.members = new Int32Array(Math.max(B, this.members.length * 2));
    const start = this.groupStart;
    start[0] = 0;
    for (let g = 0; g < G; g++) start[g + 1] = start[g] + this.groupSize[g];
    // groupSize becomes each group's next free place, then is set back from the starts.
    for (let g = 0; g < G; g++) this.groupSize[g] = start[g];
    for (let b = 0; b < B; b++) this.byGroup[this.groupSize[this.group[b]]++] = b;
    for (let g = 0; g < G; g++) this.groupSize[g] = start[g + 1] - start[g];
    let m = 0; // members used
    for (let g = 0; g < G; g++) {
      const from = start[g];
      const k = start[g + 1] - from;
      if (k === 1) {
        // What the search below finds for a single block, without its tables.
        if (MAX_CHAINS_PER_SOURCE > 0) {
          const b = this.byGroup[from];
          this.members[m] = b;
          this.addChain(b, this.q1[b] - this.q0[b], m, 1);
          m++;
        }
        continue;
      }
      m = this.chainGroup(from, k, m);
    }
  }

  private addChain(b: number, words: number, first: number, count: number): void {
    const c = this.chains++;
    if (c === this.chainSlot.length) {
      this.chainSlot = grown(this.chainSlot, c + 1, c);
      this.chainPart = grown(this.chainPart, c + 1, c);
      this.words = grown(this.words, c + 1, c);
      this.first = grown(this.first, c + 1, c);
      this.count = grown(this.count, c + 1, c);
    }
    this.chainSlot[c] = this.slot[b];
    this.chainPart[c] = this.part[b];
    this.words[c] = words;
    this.first[c] = first;
    this.count[c] = count;
  }

  /** chainBlocks on the k blocks byGroup[from, from + k), sorted there by (s0, q0); returns members used. */
  private chainGroup(from: number, k: number, m: number): number {
    const order = this.byGroup;
    const { q0, q1, s0, s1 } = this;
    // Insertion sort by (s0, q0): groups are small, and blocks come nearly in source order. No two
    // blocks of a group share both (they would be on one diagonal, where blocks never overlap).
    for (let i = from + 1; i < from + k; i++) {
      const b = order[i];
      let j = i - 1;
      while (j >= from && (s0[order[j]] > s0[b] || (s0[order[j]] === s0[b] && q0[order[j]] > q0[b]))) {
        order[j + 1] = order[j];
        j--;
      }
      order[j + 1] = b;
    }
    if (this.lo.length < k) {
      const size = Math.max(k, this.lo.length * 2);
      this.lo = new Int32Array(size);
      this.used = new Uint8Array(size);
      this.best = new Int32Array(size);
      this.prev = new Int32Array(size);
    }
    const { lo, used, best, prev } = this;
    let longest = 0;
    for (let i = 0; i < k; i++) longest = Math.max(longest, s1[order[from + i]] - s0[order[from + i]]);
    for (let i = 0, j = 0; i < k; i++) {
      while (s0[order[from + j]] < s0[order[from + i]] - MAX_UNMARKED_GAP_WORDS - longest) j++;
      lo[i] = j;
    }
    for (let i = 0; i < k; i++) used[i] = 0;
    for (let made = 0; made < MAX_CHAINS_PER_SOURCE; made++) {
      // best and prev of a used block are never read: each unused one is set as it is reached.
      let top = -1;
      for (let i = 0; i < k; i++) {
        if (used[i]) continue;
        const b = order[from + i];
        const len = q1[b] - q0[b];
        best[i] = len;
        prev[i] = -1;
        for (let j = lo[i]; j < i; j++) {
          if (used[j]) continue;
          const a = order[from + j];
          // a followed by b: in order in both texts, small gaps.
          if (q1[a] > q0[b] || s1[a] > s0[b] || q0[b] - q1[a] > MAX_UNMARKED_GAP_WORDS || s0[b] - s1[a] > MAX_UNMARKED_GAP_WORDS) continue;
          if (best[j] + len > best[i]) {
            best[i] = best[j] + len;
            prev[i] = j;
          }
        }
        if (top < 0 || best[i] > best[top]) top = i;
      }
      if (top < 0) break;
      let count = 0;
      for (let i = top; i >= 0; i = prev[i]) count++;
      // The chain's blocks in source order: written from its end back.
      let at = m + count;
      for (let i = top; i >= 0; i = prev[i]) {
        this.members[--at] = order[from + i];
        used[i] = 1;
      }
      this.addChain(order[from + top], best[top], m, count);
      m += count;
    }
    return m;
  }

  /** Block b as an object. */
  block(b: number): Block {
    return { slot: this.slot[b], part: this.part[b], q0: this.q0[b], q1: this.q1[b], s0: this.s0[b], s1: this.s1[b] };
  }

  /** Chain c as an object (its blocks in source order). */
  chain(c: number): Chain {
    const blocks: Block[] = [];
    for (let k = this.first[c]; k < this.first[c] + this.count[c]; k++) blocks.push(this.block(this.members[k]));
    return { slot: this.chainSlot[c], part: this.chainPart[c], blocks, words: this.words[c] };
  }

  /** Chain c's first and last block numbers. */
  firstBlock(c: number): number {
    return this.members[this.first[c]];
  }

  lastBlock(c: number): number {
    return this.members[this.first[c] + this.count[c] - 1];
  }
}

const shared = new Candidates();

/**
 * Exact runs the quote shares with the library. `words` are the quote's word numbers
 * (LibraryIndex.wordNumbers), `keyHashes` the hashes of its keys.
 */
export function findBlocks(index: LibraryIndex, pq: ParsedQuote, words: Int32Array, keyHashes: Uint32Array, only: number | null = null): Block[] {
  shared.findBlocks(index, pq, words, keyHashes, only);
  const blocks: Block[] = [];
  for (let b = 0; b < shared.blocks; b++) blocks.push(shared.block(b));
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

/**
 * Chain the blocks of one slot and part: repeatedly the chain covering most quote words. On objects,
 * for tests and callers holding blocks; the matcher chains in Candidates, which must agree with it.
 */
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

/** Group blocks by source and part and chain each group (Candidates.find does this on typed arrays). */
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
