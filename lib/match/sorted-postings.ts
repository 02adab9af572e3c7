// Fingerprint postings for many sources at once, built in one go. Every (fingerprint, posting)
// pair is dropped, in the order given, into one of 2048 partitions by the fingerprint's low bits:
// a single pass that writes memory in order, instead of probing a hash table once per posting
// (what made cold starts slow) or sorting the whole block. A partition is sorted by fingerprint
// (stably, so each fingerprint's postings keep their order) the first time a lookup reaches it:
// a cold start pays one pass over the postings, and each lookup at most the sort of one small
// partition that fits in cache. A partition's first lookup (which may be its only one in a cold
// worker's first checks) reads it in one pass instead, unless something else needs it sorted.
// Postings can be removed (a source leaving the library) but not added: later sources go to the
// PostingTable beside it.

const PART_BITS = 11;
const PARTS = 1 << PART_BITS;
const PART_MASK = PARTS - 1;
/** Within a partition, an entry's place is packed below this factor beside its fingerprint's high bits. */
const PLACE_LIMIT = 2 ** 21;
/** Beside a fingerprint's high bits, a whole 32-bit value is packed below this factor (21 + 32 bits: exact in a double). */
const VALUE_LIMIT = 2 ** 32;

/**
 * Scratch for sortPart's keys, grown to the largest partition sorted so far: a cold start sorts
 * about 2,000 partitions in its first checks, and a typed array allocated for each was collected
 * in the middle of them.
 */
let keyScratch = new Float64Array(1024);

/**
 * A partition's state: no lookup yet; read once as built (its next lookup sorts it); sorted. A
 * cold worker's first checks reach most partitions once, and a pass over one costs less than its sort.
 */
const UNREAD = 0;
const READ = 2;
const SORTED = 1;

/** Partitions larger than this (none in a library of likely size) get keys of their own, not kept. */
const SCRATCH_LIMIT = 1 << 16;

/** `m` keys to sort: scratch, valid until the next call. */
function scratchKeys(m: number): Float64Array {
  if (m > SCRATCH_LIMIT) return new Float64Array(m);
  if (keyScratch.length < m) keyScratch = new Float64Array(Math.min(SCRATCH_LIMIT, Math.max(m, 2 * keyScratch.length)));
  return keyScratch.subarray(0, m);
}

// A cold start runs the two passes below over every source's fingerprints (1.2 million at 1x),
// each once per source. Written inline in buildFrom's loop over the sources, each source's pass
// was optimised by V8 while it ran and thrown away where it handed back to the outer loop, so that
// most of the next source's ran in the interpreter again; as functions of their own, called once
// per source, they are optimised whole after the first few.

/** Counts each fingerprint of `hashes` in its partition (at `counts[partition + 1]`). */
function countInto(counts: Uint32Array, hashes: Uint32Array): void {
  for (let i = 0; i < hashes.length; i++) counts[(hashes[i] & PART_MASK) + 1]++;
}

/** Drops each (fingerprint, base + position) into its partition, at the partition's next place in `fill`. */
function dropInto(fill: Uint32Array, hashes: Uint32Array, values: Uint32Array, partHashes: Uint32Array, partPositions: Uint32Array, base: number): void {
  for (let i = 0; i < partHashes.length; i++) {
    const at = fill[partHashes[i] & PART_MASK]++;
    hashes[at] = partHashes[i];
    values[at] = base + partPositions[i];
  }
}

export class SortedPostings {
  private constructor(
    private readonly hashes: Uint32Array, // fingerprints, grouped by partition
    private readonly values: Uint32Array, // the posting of each
    private readonly partStart: Uint32Array, // where each partition begins (PARTS + 1 entries)
    private readonly partEnd: Uint32Array, // where the postings still held in each partition end
    private readonly partSorted: Uint8Array, // each partition's state: UNREAD, READ or SORTED
  ) {}

  static readonly EMPTY = new SortedPostings(new Uint32Array(0), new Uint32Array(0), new Uint32Array(PARTS + 1), new Uint32Array(PARTS), new Uint8Array(PARTS).fill(SORTED));

  /** Postings `values[i]` under fingerprint `hashes[i]`; equal fingerprints keep their order. */
  static build(hashes: Uint32Array, values: Uint32Array): SortedPostings {
    return SortedPostings.buildFrom([{ hashes, positions: values, base: 0 }]);
  }

  /**
   * The postings of several sources, in the order given: under fingerprint `hashes[i]` of a part,
   * the posting `base + positions[i]`. The parts are read in place, never copied into one array first.
   */
  static buildFrom(parts: ReadonlyArray<{ hashes: Uint32Array; positions: Uint32Array; base: number }>): SortedPostings {
    let n = 0;
    for (const p of parts) n += p.hashes.length;
    if (n === 0) return SortedPostings.EMPTY;
    const partStart = new Uint32Array(PARTS + 1);
    for (const p of parts) countInto(partStart, p.hashes);
    for (let b = 0; b < PARTS; b++) partStart[b + 1] += partStart[b];
    const fill = partStart.slice(0, PARTS);
    const hashes = new Uint32Array(n);
    const values = new Uint32Array(n);
    for (const p of parts) dropInto(fill, hashes, values, p.hashes, p.positions, p.base);
    return new SortedPostings(hashes, values, partStart, partStart.slice(1), new Uint8Array(PARTS));
  }

  /** Sorts a partition by fingerprint, keeping the order of equal ones. */
  private sortPart(p: number): void {
    this.partSorted[p] = SORTED;
    const lo = this.partStart[p];
    const m = this.partEnd[p] - lo;
    if (m < 2) return;
    const h = this.hashes;
    const v = this.values;
    // As a library's postings come (sources in order, each one's positions ascending), the values
    // of a partition ascend: keeping the order of equal fingerprints is then ordering them by
    // value, and the fingerprint's high bits (21) and the value (32) fit one double's 53 bits
    // exactly. One sort of those numbers orders the partition, read back in place.
    let ascending = true;
    for (let j = lo + 1; j < lo + m && ascending; j++) ascending = v[j - 1] <= v[j];
    if (ascending) {
      const keyed = scratchKeys(m);
      for (let j = 0; j < m; j++) keyed[j] = (h[lo + j] >>> PART_BITS) * VALUE_LIMIT + v[lo + j];
      keyed.sort();
      for (let j = 0; j < m; j++) {
        const k = keyed[j];
        const high = Math.floor(k / VALUE_LIMIT);
        h[lo + j] = ((high << PART_BITS) | p) >>> 0;
        v[lo + j] = k - high * VALUE_LIMIT;
      }
      return;
    }
    // The fingerprints here share their low bits: order by the high ones, then by place (stable).
    let order: ArrayLike<number>;
    if (m < PLACE_LIMIT) {
      const keyed = scratchKeys(m);
      for (let j = 0; j < m; j++) keyed[j] = (h[lo + j] >>> PART_BITS) * PLACE_LIMIT + j;
      keyed.sort();
      const o = new Uint32Array(m);
      for (let j = 0; j < m; j++) o[j] = keyed[j] % PLACE_LIMIT;
      order = o;
    } else {
      const o = new Uint32Array(m);
      for (let j = 0; j < m; j++) o[j] = j;
      o.sort((a, b) => h[lo + a] - h[lo + b] || a - b);
      order = o;
    }
    const sh = new Uint32Array(m);
    const sv = new Uint32Array(m);
    for (let j = 0; j < m; j++) {
      sh[j] = h[lo + order[j]];
      sv[j] = v[lo + order[j]];
    }
    h.set(sh, lo);
    v.set(sv, lo);
  }

  /**
   * Sorts the partition of a fingerprint now, if no lookup has yet, so that a later lookup finds it
   * sorted (a cold worker does this for the page's quotes while it waits for IndexedDB). Returns
   * whether there was a partition to sort.
   */
  prepare(hash: number): boolean {
    const p = (hash >>> 0) & PART_MASK;
    if (this.partSorted[p] === SORTED) return false;
    this.sortPart(p);
    return true;
  }

  /**
   * Sorts up to `count` of the partitions that a lookup has read as built (a cold worker's first
   * checks leave them so, and their next lookup would sort them), so that the next page's lookups
   * find them sorted. Returns whether any such partition is left. Changes no answer.
   */
  sortRead(count: number): boolean {
    let done = 0;
    for (let p = 0; p < PARTS; p++) {
      if (this.partSorted[p] !== READ) continue;
      if (done === count) return true;
      this.sortPart(p);
      done++;
    }
    return false;
  }

  /** Where a fingerprint's first posting is (or would be) in its partition, sorted first if need be. */
  private firstOf(hash: number): number {
    const p = hash & PART_MASK;
    if (this.partSorted[p] !== SORTED) this.sortPart(p);
    const h = this.hashes;
    let lo = this.partStart[p];
    let hi = this.partEnd[p];
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (h[mid] < hash) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Where a fingerprint's postings lie in `values`: [from, to), empty when absent. */
  private find(hash: number): { from: number; to: number } {
    const p = hash & PART_MASK;
    const h = this.hashes;
    const from = this.firstOf(hash);
    let lo = from;
    let hi = this.partEnd[p];
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (h[mid] <= hash) lo = mid + 1;
      else hi = mid;
    }
    return { from, to: lo };
  }

  /** How many postings the fingerprint has. */
  count(hash: number): number {
    const { from, to } = this.find(hash >>> 0);
    return to - from;
  }

  /** Appends the fingerprint's postings, in the order given to build, to `out` from `at`; returns the next index. */
  copyTo(hash: number, out: number[], at: number): number {
    const { from, to } = this.find(hash >>> 0);
    for (let j = from; j < to; j++) out[at++] = this.values[j];
    return at;
  }

  /**
   * copyTo, unless the fingerprint has more than `max` postings: then nothing is written and -1
   * returned. The range's end is found by stepping on from its start, at most max + 1 entries:
   * a lookup's postings are a few, next to its start in the lines the search has just read, where
   * a second search would begin again at the middle of the partition. The first lookup of a
   * partition no one has sorted reads the partition through instead (readUnsorted), and may write
   * entries past `at` before it finds more than `max`.
   */
  copyToAtMost(hash: number, out: number[], at: number, max: number): number {
    hash >>>= 0;
    const p = hash & PART_MASK;
    if (this.partSorted[p] === UNREAD) {
      this.partSorted[p] = READ;
      return this.readUnsorted(p, hash, out, at, max);
    }
    const from = this.firstOf(hash);
    const h = this.hashes;
    const end = Math.min(this.partEnd[hash & PART_MASK], from + max + 1);
    let to = from;
    while (to < end && h[to] === hash) to++;
    if (to - from > max) return -1;
    const v = this.values;
    for (let j = from; j < to; j++) out[at++] = v[j];
    return at;
  }

  /**
   * copyToAtMost from partition p as built, without sorting it: one pass over its entries, which
   * costs a cold worker less than the sort. The sort keeps the order of equal fingerprints, so
   * their postings come in the same order either way.
   */
  private readUnsorted(p: number, hash: number, out: number[], at: number, max: number): number {
    const h = this.hashes;
    const v = this.values;
    let found = 0;
    for (let j = this.partStart[p], end = this.partEnd[p]; j < end; j++) {
      if (h[j] !== hash) continue;
      if (++found > max) return -1;
      out[at++] = v[j];
    }
    return at;
  }

  /** Drop the fingerprint's postings whose value is in [from, to), keeping the others in order. */
  removeRange(hash: number, from: number, to: number): void {
    const range = this.find(hash >>> 0);
    const v = this.values;
    let w = range.from;
    for (let j = range.from; j < range.to; j++) {
      const value = v[j];
      if (value < from || value >= to) v[w++] = value;
    }
    const removed = range.to - w;
    if (removed === 0) return;
    const p = (hash >>> 0) & PART_MASK;
    const end = this.partEnd[p];
    this.hashes.copyWithin(w, range.to, end);
    v.copyWithin(w, range.to, end);
    this.partEnd[p] = end - removed;
  }

  get bytes(): number {
    return this.hashes.byteLength + this.values.byteLength + this.partStart.byteLength + this.partEnd.byteLength + this.partSorted.byteLength;
  }
}
