// The words of a quote stretch of at most 32 words, each with the mask of the places it holds
// (bit i for the stretch's i-th word): a small open-addressing table (64 entries) that stays in
// the first-level cache, so the aligner's bit vectors (bit-columns.ts) look each source word up
// in it for a few instructions.

/** The longest stretch a mask holds: one bit per word. */
export const MASK_MAX_WORDS = 32;

const SLOTS = 64;

export class WordMasks {
  private readonly words = new Int32Array(SLOTS);
  private readonly masks = new Int32Array(SLOTS);
  private readonly stamps = new Int32Array(SLOTS);
  private stamp = 0;
  // One bit per 1,024 word numbers' residues: a source word whose bit is clear is none of the
  // stretch's words, answered without probing the table (most source words are not).
  private readonly filter = new Int32Array(32);

  /** Hold the words keys[from, to) (at most 32; negative keys, words the library lacks, match nothing). */
  set(keys: Int32Array, from: number, to: number): void {
    if (++this.stamp === 0x7fffffff) {
      this.stamps.fill(0);
      this.stamp = 1;
    }
    this.filter.fill(0);
    for (let i = from; i < to; i++) {
      const word = keys[i];
      if (word < 0) continue;
      this.filter[(word >>> 5) & 31] |= 1 << (word & 31);
      const h = this.slot(word);
      if (this.stamps[h] !== this.stamp) {
        this.stamps[h] = this.stamp;
        this.words[h] = word;
        this.masks[h] = 0;
      }
      this.masks[h] |= 1 << (i - from);
    }
  }

  /** The places of the stretch holding `word` (a library word number; 0 when none). */
  maskOf(word: number): number {
    const w = word | 0;
    if ((this.filter[(w >>> 5) & 31] & (1 << (w & 31))) === 0) return 0;
    let h = Math.imul(w, 0x9e3779b1) >>> 26;
    while (this.stamps[h] === this.stamp) {
      if (this.words[h] === w) return this.masks[h];
      h = (h + 1) & (SLOTS - 1);
    }
    return 0;
  }

  private slot(word: number): number {
    let h = Math.imul(word, 0x9e3779b1) >>> 26;
    while (this.stamps[h] === this.stamp && this.words[h] !== word) h = (h + 1) & (SLOTS - 1);
    return h;
  }
}

/** Set bits of a 32-bit mask. */
export function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}
