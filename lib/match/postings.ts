// Fingerprint postings in flat typed arrays: an open-addressing table from a 32-bit fingerprint
// to a chain of postings (each a token number in the library's token space). A JavaScript Map
// of arrays cost ~100 bytes per fingerprint and tops out at 2^24 keys; this costs ~20.

const EMPTY = 0xffffffff; // a fingerprint may be any 32-bit value: emptiness is `heads[i] === FREE_SLOT`
const FREE_SLOT = -2;
const END = -1;

function grow<T extends Int32Array | Uint32Array>(a: T, size: number, fill?: number): T {
  const b = new (a.constructor as { new (n: number): T })(size);
  b.set(a);
  if (fill !== undefined) b.fill(fill, a.length);
  return b;
}

export class PostingTable {
  // Table: fingerprint, head of its chain (newest first) and posting count, per slot.
  private hashes = new Uint32Array(1024).fill(EMPTY);
  private heads = new Int32Array(1024).fill(FREE_SLOT);
  private counts = new Uint32Array(1024);
  private used = 0;
  // Chain nodes: posting value and the next (older) node.
  private values = new Uint32Array(1024);
  private next = new Int32Array(1024);
  private nodes = 0;
  private freeNodes = END; // nodes released by remove(), chained through `next`

  /** Fingerprints held (with at least one posting or emptied by remove). */
  get size(): number {
    return this.used;
  }

  private find(hash: number): number {
    const mask = this.hashes.length - 1;
    let i = hash & mask;
    while (this.heads[i] !== FREE_SLOT) {
      if (this.hashes[i] === hash) return i;
      i = (i + 1) & mask;
    }
    return ~i; // where it would go
  }

  private rehash(): void {
    const oldHashes = this.hashes;
    const oldHeads = this.heads;
    const oldCounts = this.counts;
    const size = oldHashes.length * 2;
    this.hashes = new Uint32Array(size).fill(EMPTY);
    this.heads = new Int32Array(size).fill(FREE_SLOT);
    this.counts = new Uint32Array(size);
    const mask = size - 1;
    for (let j = 0; j < oldHashes.length; j++) {
      if (oldHeads[j] === FREE_SLOT) continue;
      let i = oldHashes[j] & mask;
      while (this.heads[i] !== FREE_SLOT) i = (i + 1) & mask;
      this.hashes[i] = oldHashes[j];
      this.heads[i] = oldHeads[j];
      this.counts[i] = oldCounts[j];
    }
  }

  private newNode(value: number, nextNode: number): number {
    let n = this.freeNodes;
    if (n !== END) this.freeNodes = this.next[n];
    else {
      if (this.nodes === this.values.length) {
        this.values = grow(this.values, this.nodes * 2);
        this.next = grow(this.next, this.nodes * 2);
      }
      n = this.nodes++;
    }
    this.values[n] = value;
    this.next[n] = nextNode;
    return n;
  }

  /** Reserve room for about `more` further fingerprints and postings (saves repeated growth). */
  reserve(more: number): void {
    while ((this.used + more) * 2 > this.hashes.length) this.rehash();
    const needNodes = this.nodes + more;
    if (needNodes > this.values.length) {
      let size = this.values.length;
      while (size < needNodes) size *= 2;
      this.values = grow(this.values, size);
      this.next = grow(this.next, size);
    }
  }

  add(hash: number, value: number): void {
    let i = this.find(hash);
    if (i < 0) {
      if ((this.used + 1) * 2 > this.hashes.length) {
        this.rehash();
        i = this.find(hash);
      }
      i = ~i;
      this.hashes[i] = hash;
      this.heads[i] = END;
      this.used++;
    }
    this.heads[i] = this.newNode(value, this.heads[i]);
    this.counts[i]++;
  }

  /** Postings of a fingerprint, oldest first; none when there are more than `max`. */
  get(hash: number, max: number): number[] {
    const i = this.find(hash);
    if (i < 0) return [];
    const count = this.counts[i];
    if (count === 0 || count > max) return [];
    const out = new Array<number>(count);
    let k = count;
    for (let n = this.heads[i]; n !== END; n = this.next[n]) out[--k] = this.values[n];
    return out;
  }

  /** How many postings the fingerprint has. */
  count(hash: number): number {
    const i = this.find(hash);
    return i < 0 ? 0 : this.counts[i];
  }

  /** Writes the fingerprint's postings, oldest first, into `out` from `at`; returns the next index. */
  copyTo(hash: number, out: number[], at: number): number {
    const i = this.find(hash);
    if (i < 0) return at;
    const count = this.counts[i];
    let k = at + count;
    for (let n = this.heads[i]; n !== END; n = this.next[n]) out[--k] = this.values[n];
    return at + count;
  }

  /** Drop the postings of `hash` whose value is in [from, to). */
  removeRange(hash: number, from: number, to: number): void {
    const i = this.find(hash);
    if (i < 0) return;
    let prev = END;
    let n = this.heads[i];
    while (n !== END) {
      const after = this.next[n];
      const v = this.values[n];
      if (v >= from && v < to) {
        if (prev === END) this.heads[i] = after;
        else this.next[prev] = after;
        this.next[n] = this.freeNodes;
        this.freeNodes = n;
        this.counts[i]--;
      } else prev = n;
      n = after;
    }
  }

  /** Bytes held by the typed arrays. */
  get bytes(): number {
    return this.hashes.byteLength + this.heads.byteLength + this.counts.byteLength + this.values.byteLength + this.next.byteLength;
  }
}
