// A string → number table keyed by each string's hashKey (fingerprints.ts), for the lexicon's words
// and stems. A load that reads the words' hashes with the lexicon fills it in one loop over those
// numbers, where a Map<string, number> would hash and store every string again; strings are only
// compared when two hashes agree (a look-up's own word, or a rare collision).

const EMPTY = -1;

/** Fibonacci hashing: a hash's slot is the top bits of its product with 2^32 / φ. */
const SPREAD = 0x9e3779b1;

export class KeyTable {
  private slots: Int32Array; // the number held in each slot, EMPTY when free (open addressing, linear probing)
  private shift: number; // 32 - log2(slots.length)
  private used = 0;

  constructor(expected = 0) {
    let bits = 4;
    while (1 << bits < expected * 2) bits++;
    this.slots = new Int32Array(1 << bits).fill(EMPTY);
    this.shift = 32 - bits;
  }

  get size(): number {
    return this.used;
  }

  /** The number of `key` (whose hash is `hash`), or -1; `keys` and `hashes` are indexed by number. */
  find(hash: number, key: string, keys: readonly string[], hashes: Uint32Array): number {
    const slots = this.slots;
    const mask = slots.length - 1;
    for (let i = Math.imul(hash, SPREAD) >>> this.shift; ; i = (i + 1) & mask) {
      const id = slots[i];
      if (id === EMPTY) return -1;
      if (hashes[id] === hash && keys[id] === key) return id;
    }
  }

  /**
   * Adds the numbers `from` … `to - 1` for their keys, in one loop. Stops at a number whose key is
   * held already and returns it (that number and those after it are not added); else returns -1.
   */
  addAll(from: number, to: number, keys: readonly string[], hashes: Uint32Array): number {
    while ((this.used + (to - from)) * 2 > this.slots.length) this.grow(hashes);
    const slots = this.slots;
    const mask = slots.length - 1;
    const shift = this.shift;
    // Counted before the loop: a load runs it once over every word, so V8 optimises it while it
    // runs, and a property written after it would throw that code away on the way out.
    const usedBefore = this.used;
    this.used = usedBefore + (to - from);
    for (let id = from; id < to; id++) {
      const hash = hashes[id];
      let i = Math.imul(hash, SPREAD) >>> shift;
      for (let other = slots[i]; other !== EMPTY; other = slots[i]) {
        if (hashes[other] === hash && keys[other] === keys[id]) {
          this.used = usedBefore + (id - from);
          return id;
        }
        i = (i + 1) & mask;
      }
      slots[i] = id;
    }
    return -1;
  }

  private grow(hashes: Uint32Array): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2).fill(EMPTY);
    this.shift--;
    const slots = this.slots;
    const mask = slots.length - 1;
    for (let j = 0; j < old.length; j++) {
      const id = old[j];
      if (id === EMPTY) continue;
      let i = Math.imul(hashes[id], SPREAD) >>> this.shift;
      while (slots[i] !== EMPTY) i = (i + 1) & mask;
      slots[i] = id;
    }
  }
}

/** A list of 32-bit numbers in a typed array that grows as they are appended. */
export class Uint32List {
  private buffer: Uint32Array;
  private count = 0;
  private view: Uint32Array | null = null;

  constructor(initial?: Uint32Array) {
    this.buffer = initial ? initial.slice() : new Uint32Array(16);
    this.count = initial ? initial.length : 0;
  }

  get length(): number {
    return this.count;
  }

  /** Every number appended, from the first: the buffer itself, for reading by index (appending past its end grows a new one). */
  get raw(): Uint32Array {
    return this.buffer;
  }

  /** Exactly the numbers held, as a view (the same view until the next append). */
  get values(): Uint32Array {
    return (this.view ??= this.buffer.subarray(0, this.count));
  }

  push(value: number): void {
    if (this.count === this.buffer.length) {
      const next = new Uint32Array(this.buffer.length * 2);
      next.set(this.buffer);
      this.buffer = next;
    }
    this.buffer[this.count++] = value;
    this.view = null;
  }

  pop(): void {
    this.count--;
    this.view = null;
  }
}
