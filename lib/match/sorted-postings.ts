// Fingerprint postings for many sources at once, built in one go: every (fingerprint, posting)
// pair sorted by fingerprint (a two-pass radix sort, stable, so each fingerprint's postings stay
// in the order they were given), then the distinct fingerprints in one ascending array searched
// by bisection. Loading a library this way writes memory in order instead of probing a hash
// table once per posting, which is what made cold starts slow. Postings can be removed (a source
// leaving the library) but not added: later sources go to the PostingTable beside it.

const RADIX_BITS = 11;
const RADIX = 1 << RADIX_BITS;
const RADIX_MASK = RADIX - 1;

export class SortedPostings {
  private constructor(
    private readonly keys: Uint32Array, // distinct fingerprints, ascending
    private readonly starts: Uint32Array, // where each fingerprint's postings begin in `values`
    private readonly counts: Uint32Array, // how many of them are still held
    private readonly values: Uint32Array,
  ) {}

  static readonly EMPTY = new SortedPostings(new Uint32Array(0), new Uint32Array(0), new Uint32Array(0), new Uint32Array(0));

  /** Postings `values[i]` under fingerprint `hashes[i]`; equal fingerprints keep their order. */
  static build(hashes: Uint32Array, values: Uint32Array): SortedPostings {
    return SortedPostings.buildFrom([{ hashes, positions: values, base: 0 }]);
  }

  /**
   * The postings of several sources, in the order given: under fingerprint `hashes[i]` of a part,
   * the posting `base + positions[i]`. The parts are read in place by the first pass of the sort,
   * so they are never copied into one array first.
   */
  static buildFrom(parts: ReadonlyArray<{ hashes: Uint32Array; positions: Uint32Array; base: number }>): SortedPostings {
    let n = 0;
    for (const p of parts) n += p.hashes.length;
    if (n === 0) return SortedPostings.EMPTY;
    // LSD radix sort of the pairs on 11-bit digits (three passes): 2048 buckets stay in cache,
    // and each pass reads its input in order. The first pass reads the parts themselves.
    const counts = new Uint32Array(RADIX + 1);
    let h = new Uint32Array(n);
    let v = new Uint32Array(n);
    for (const p of parts) {
      const ph = p.hashes;
      for (let i = 0; i < ph.length; i++) counts[(ph[i] & RADIX_MASK) + 1]++;
    }
    for (let b = 0; b < RADIX; b++) counts[b + 1] += counts[b];
    for (const p of parts) {
      const ph = p.hashes;
      const pp = p.positions;
      const base = p.base;
      for (let i = 0; i < ph.length; i++) {
        const at = counts[ph[i] & RADIX_MASK]++;
        h[at] = ph[i];
        v[at] = base + pp[i];
      }
    }
    let h2 = new Uint32Array(n);
    let v2 = new Uint32Array(n);
    for (let shift = RADIX_BITS; shift < 32; shift += RADIX_BITS) {
      counts.fill(0);
      for (let i = 0; i < n; i++) counts[((h[i] >>> shift) & RADIX_MASK) + 1]++;
      for (let b = 0; b < RADIX; b++) counts[b + 1] += counts[b];
      for (let i = 0; i < n; i++) {
        const at = counts[(h[i] >>> shift) & RADIX_MASK]++;
        h2[at] = h[i];
        v2[at] = v[i];
      }
      [h, h2] = [h2, h];
      [v, v2] = [v2, v];
    }

    let distinct = 0;
    for (let j = 0; j < n; j++) if (j === 0 || h[j] !== h[j - 1]) distinct++;
    const keys = new Uint32Array(distinct);
    const starts = new Uint32Array(distinct);
    const held = new Uint32Array(distinct);
    let k = -1;
    for (let j = 0; j < n; j++) {
      if (k < 0 || keys[k] !== h[j]) {
        k++;
        keys[k] = h[j];
        starts[k] = j;
      }
      held[k]++;
    }
    const sortedValues = v;
    return new SortedPostings(keys, starts, held, sortedValues);
  }

  private find(hash: number): number {
    const keys = this.keys;
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (keys[mid] < hash) lo = mid + 1;
      else hi = mid;
    }
    return lo < keys.length && keys[lo] === hash ? lo : -1;
  }

  /** How many postings the fingerprint has. */
  count(hash: number): number {
    const k = this.find(hash);
    return k < 0 ? 0 : this.counts[k];
  }

  /** Appends the fingerprint's postings, in the order given to build, to `out` from `at`; returns the next index. */
  copyTo(hash: number, out: number[], at: number): number {
    const k = this.find(hash);
    if (k < 0) return at;
    const from = this.starts[k];
    const to = from + this.counts[k];
    for (let j = from; j < to; j++) out[at++] = this.values[j];
    return at;
  }

  /** Drop the fingerprint's postings whose value is in [from, to), keeping the others in order. */
  removeRange(hash: number, from: number, to: number): void {
    const k = this.find(hash);
    if (k < 0) return;
    const start = this.starts[k];
    const end = start + this.counts[k];
    let w = start;
    for (let j = start; j < end; j++) {
      const v = this.values[j];
      if (v < from || v >= to) this.values[w++] = v;
    }
    this.counts[k] = w - start;
  }

  get bytes(): number {
    return this.keys.byteLength + this.starts.byteLength + this.counts.byteLength + this.values.byteLength;
  }
}
