// Every source's word numbers in one array, in the library's token space: the word at library
// token t is at[t]. A posting is a library token number, so the matcher reads the words at a
// posting straight from here, without first finding the posting's source, its entry and its own
// array (each a dependent read, the last one a cache miss in tens of megabytes). While the
// lexicon has fewer than 65,535 words (the State of the Union library at ten times its size has
// 29,392) they are held in two bytes each, half the memory a source's own array takes, so more of
// the words near a posting share a cache line.

/** The token between two sources (and after the last), and any token no source holds now. */
export const SENTINEL16 = 0xffff;
export const SENTINEL32 = 0xffffffff;

/** A placed source as far as its words go (LibraryIndex's entries). */
export interface PlacedWords {
  words: Uint32Array;
}

export type WordArray = Uint16Array | Uint32Array;

/**
 * The library's words, kept up to date as sources are placed, with each slot's first library
 * token and word count in small arrays of their own: what the matcher needs of a source to read
 * its words here, without its entry. A source's words are copied in the first time a posting
 * into it is read (`ready`, `write`): a cold start then pays only for the sources its first
 * quotes reach. Between two sources stands a sentinel no word number equals, written as each
 * source is placed, so a run of equal words read here never crosses from one source into the
 * next, written or not; a removed source's words become sentinels too (`forget`).
 */
export class LibraryWords {
  at: WordArray = new Uint16Array(1);
  starts = new Int32Array(0); // per slot, its source's first library token
  lengths = new Int32Array(0); // per slot, its source's word count
  ready = new Uint8Array(0); // per slot, 1 once its words are in `at` (or it has none to write)
  lexiconSize = 0; // the lexicon's size when last brought up to date
  private placed: ReadonlyArray<PlacedWords | undefined> = [];
  private known = 0; // slots whose start, length and gap are set, in the order placed
  private end = 0; // library tokens known

  /**
   * Bring the arrays up to date with `placed` (every source placed so far, by slot, undefined for
   * one removed since; `bases` their first library tokens, each following the previous source's
   * words and one gap token), for a lexicon of `lexiconSize` words; `tokens` is the next base.
   */
  update(placed: ReadonlyArray<PlacedWords | undefined>, bases: readonly number[], tokens: number, lexiconSize: number): this {
    this.lexiconSize = lexiconSize;
    this.placed = placed;
    if (lexiconSize >= SENTINEL16 && this.at instanceof Uint16Array) {
      // The lexicon has outgrown two bytes a word: start again in four.
      this.at = new Uint32Array(1);
      this.known = 0;
      this.end = 0;
    }
    if (this.known === placed.length && this.end === tokens) return this;
    const sentinel = this.at instanceof Uint16Array ? SENTINEL16 : SENTINEL32;
    if (this.at.length < tokens + 1) {
      const size = Math.max(tokens + 1, Math.floor(this.at.length * 1.5));
      const grown = this.at instanceof Uint16Array ? new Uint16Array(size) : new Uint32Array(size);
      grown.set(this.at.subarray(0, this.end));
      this.at = grown;
    }
    if (this.starts.length < placed.length) {
      const size = Math.max(placed.length, this.starts.length * 2);
      const starts = new Int32Array(size);
      const lengths = new Int32Array(size);
      const ready = new Uint8Array(size);
      starts.set(this.starts.subarray(0, this.known));
      lengths.set(this.lengths.subarray(0, this.known));
      ready.set(this.ready.subarray(0, this.known));
      this.starts = starts;
      this.lengths = lengths;
      this.ready = ready;
    }
    const at = this.at;
    for (let s = this.known; s < placed.length; s++) {
      const p = placed[s];
      const base = bases[s];
      const n = p ? p.words.length : 0;
      this.starts[s] = base;
      this.lengths[s] = n;
      this.ready[s] = n === 0 ? 1 : 0;
      // The gap token after the source (and all of a source removed before it was known here).
      at.fill(sentinel, base + n, s + 1 < bases.length ? bases[s + 1] : tokens);
    }
    this.known = placed.length;
    this.end = tokens;
    return this;
  }

  /** Copy slot's words into `at` (the matcher asks once, when `ready[slot]` is 0). */
  write(slot: number): void {
    this.ready[slot] = 1;
    const p = this.placed[slot];
    if (p) this.at.set(p.words, this.starts[slot]);
  }

  /** Bytes held by the arrays. */
  get bytes(): number {
    return this.at.byteLength + this.starts.byteLength + this.lengths.byteLength + this.ready.byteLength;
  }

  /** A source leaves the library: its tokens [from, to) become sentinels, never to be written. */
  forget(slot: number, from: number, to: number): void {
    if (slot >= this.known) return;
    this.at.fill(this.at instanceof Uint16Array ? SENTINEL16 : SENTINEL32, from, to);
    this.lengths[slot] = 0;
    this.ready[slot] = 1;
  }
}
