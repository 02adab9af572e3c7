// The library's search structures: per source, its tokens, winnowed fingerprints and passages
// (a plain object of typed arrays and arrays, storable as it is); across sources, a lexicon of
// numbered words, fingerprint postings and a stem-to-source index. Quotes are looked up through
// these, never by scanning every source.
import type { Source } from '../types';
import { parsePassages, type Passage } from '../library/passages';
import { sourceVocabulary } from '../text/source-vocabulary';
import { hashKey, kgramHashes, winnow, type Fingerprints } from './fingerprints';
import { Lexicon } from './lexicon';
import { PostingTable } from './postings';
import { SortedPostings } from './sorted-postings';
import { FINGERPRINT_MAX_POSTINGS } from './thresholds';

/**
 * 3: stored packed (see packed-index.ts), fingerprints recomputed on load; 2 stored these typed
 * arrays as they are; 1 kept one key string per token.
 */
export const SOURCE_INDEX_VERSION = 3;

/** Everything derived from one source's text: plain typed arrays and arrays, serialisable. */
export interface SourceIndexData {
  version: number;
  id: string;
  tokenStarts: Int32Array; // original offsets of each word
  tokenEnds: Int32Array;
  vocabulary: string[]; // the source's distinct matching keys (see lib/text/tokenize.ts), in order of first use
  tokenWords: Uint32Array; // each token's key, as an index into `vocabulary`
  fingerprints: Uint32Array; // winnowed k-gram hashes
  fingerprintPositions: Uint32Array; // token index of each fingerprint's k-gram
  passages: Passage[];
}

export function buildSourceIndex(source: Source): SourceIndexData {
  // The tokens of tokenize(source.text), read by a scanner that makes no string per word.
  return sourceIndexData(source.id, sourceVocabulary(source.text), parsePassages(source.text));
}

/** The words of a source, as tokenising its text or unpacking its stored row gives them. */
export type SourceWords = Pick<SourceIndexData, 'tokenStarts' | 'tokenEnds' | 'vocabulary' | 'tokenWords'>;

/** A source's index from its words: the fingerprints are always computed here, never stored. */
export function sourceIndexData(id: string, words: SourceWords, passages: Passage[]): SourceIndexData {
  const fp = fingerprintSource(words.vocabulary, words.tokenWords);
  return {
    version: SOURCE_INDEX_VERSION,
    id,
    ...words,
    fingerprints: fp.hashes,
    fingerprintPositions: fp.positions,
    passages,
  };
}

/** Winnowed fingerprints of a source's tokens, given as numbers into its vocabulary. */
export function fingerprintSource(vocabulary: readonly string[], tokenWords: Uint32Array): Fingerprints {
  // Hash each distinct key once; the k-grams are hashed from the per-token copies.
  const V = vocabulary.length;
  const wordHashes = new Uint32Array(V);
  for (let k = 0; k < V; k++) wordHashes[k] = hashKey(vocabulary[k]);
  const n = tokenWords.length;
  const keyHashes = new Uint32Array(n);
  for (let i = 0; i < n; i++) keyHashes[i] = wordHashes[tokenWords[i]];
  return winnow(kgramHashes(keyHashes));
}

/** A source as the matcher sees it: its data plus lookup tables rebuilt in memory. */
export interface IndexedSource {
  slot: number;
  source: Source;
  data: SourceIndexData;
  lexicon: Lexicon; // shared by every source of the index
  words: Uint32Array; // each token's word number in the lexicon
  base: number; // token number of the source's first token in the library's token space
  // Token positions grouped by word: the positions of the word sorted[k] are
  // byWord[wordStart[k] … wordStart[k + 1]), ascending; `sorted` holds the source's word numbers in order.
  sorted: Uint32Array;
  wordStart: Uint32Array;
  byWord: Uint32Array;
}

/** Token positions of word number `word` in a source, ascending (empty when absent). */
export function positionsOf(entry: IndexedSource, word: number): Uint32Array {
  const s = entry.sorted;
  let lo = 0;
  let hi = s.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (s[mid] < word) lo = mid + 1;
    else hi = mid;
  }
  if (lo === s.length || s[lo] !== word) return NO_POSITIONS;
  return entry.byWord.subarray(entry.wordStart[lo], entry.wordStart[lo + 1]);
}

/** The light stem of the word at a source position. */
export function stemAt(entry: IndexedSource, position: number): string {
  const lx = entry.lexicon;
  return lx.stems[lx.stemOf[entry.words[position]]];
}

const NO_POSITIONS = new Uint32Array(0);
/** Local word numbers are packed below this factor when sorting a source's vocabulary. */
const LOCAL_WORD_LIMIT = 2 ** 21;

export class LibraryIndex {
  readonly lexicon = new Lexicon();
  private readonly slots: Array<IndexedSource | undefined> = [];
  private readonly bases: number[] = []; // IndexedSource.base of each slot, ascending
  private nextBase = 0;
  private readonly byId = new Map<string, IndexedSource>();
  private readonly postings = new PostingTable();
  private sorted = SortedPostings.EMPTY; // postings of the sources indexed together by addAll
  // Per stem number: the slots of the sources holding a word with that stem, ascending.
  private readonly stemSlots: number[][] = [];
  private readonly stemSeen: number[] = []; // per stem number: stamp (slot + 1) of the last source that listed it

  static fromSources(sources: Source[]): LibraryIndex {
    const index = new LibraryIndex();
    index.addAll(sources.map((source) => ({ source })));
    return index;
  }

  get size(): number {
    return this.byId.size;
  }

  /** Index a source (replacing one with the same id). Pass `data` when it was stored earlier. */
  add(source: Source, data?: SourceIndexData): void {
    if (this.byId.has(source.id)) this.remove(source.id);
    const entry = this.place(source, data);
    const d = entry.data;
    this.postings.reserve(d.fingerprints.length);
    for (let i = 0; i < d.fingerprints.length; i++) this.postings.add(d.fingerprints[i], entry.base + d.fingerprintPositions[i]);
  }

  /**
   * Index many sources at once, as a cold start or a build does. Into an empty index, the postings
   * of all of them are sorted into one block (SortedPostings) instead of being inserted one by one;
   * lookups answer exactly as after `add` for each in turn.
   */
  addAll(items: ReadonlyArray<{ source: Source; data?: SourceIndexData }>): void {
    const ids = new Set(items.map((it) => it.source.id));
    if (this.slots.length > 0 || ids.size !== items.length) {
      for (const it of items) this.add(it.source, it.data);
      return;
    }
    const entries = items.map((it) => this.place(it.source, it.data));
    let total = 0;
    for (const e of entries) total += e.data.fingerprints.length;
    const hashes = new Uint32Array(total);
    const values = new Uint32Array(total);
    let at = 0;
    for (const e of entries) {
      const { fingerprints, fingerprintPositions } = e.data;
      hashes.set(fingerprints, at);
      for (let i = 0; i < fingerprints.length; i++) values[at + i] = e.base + fingerprintPositions[i];
      at += fingerprints.length;
    }
    this.sorted = SortedPostings.build(hashes, values);
  }

  /** Everything of `add` but the postings: the source's slot, word numbers, positions by word and stems. */
  private place(source: Source, data?: SourceIndexData): IndexedSource {
    const d = data && data.version === SOURCE_INDEX_VERSION && data.id === source.id ? data : buildSourceIndex(source);
    const slot = this.slots.length;
    const lx = this.lexicon;
    const V = d.vocabulary.length;
    const vocab = new Uint32Array(V);
    for (let k = 0; k < V; k++) vocab[k] = lx.intern(d.vocabulary[k]);
    const n = d.tokenWords.length;
    const words = new Uint32Array(n);
    for (let i = 0; i < n; i++) words[i] = vocab[d.tokenWords[i]];

    // Positions grouped by word: a counting sort over the source's own vocabulary. The local word
    // numbers are ordered by lexicon number with a numeric sort of (lexicon number · 2^21 + local
    // number), exact in a double while a source has under 2^21 distinct words.
    let order: ArrayLike<number>;
    if (V < LOCAL_WORD_LIMIT) {
      const keyed = new Float64Array(V);
      for (let k = 0; k < V; k++) keyed[k] = vocab[k] * LOCAL_WORD_LIMIT + k;
      keyed.sort();
      const o = new Uint32Array(V);
      for (let k = 0; k < V; k++) o[k] = keyed[k] % LOCAL_WORD_LIMIT;
      order = o;
    } else {
      const o = new Uint32Array(V);
      for (let k = 0; k < V; k++) o[k] = k;
      o.sort((a, b) => vocab[a] - vocab[b]);
      order = o;
    }
    const rankOf = new Uint32Array(V);
    const sorted = new Uint32Array(V);
    for (let k = 0; k < V; k++) {
      rankOf[order[k]] = k;
      sorted[k] = vocab[order[k]];
    }
    const wordStart = new Uint32Array(V + 1);
    for (let i = 0; i < n; i++) wordStart[rankOf[d.tokenWords[i]] + 1]++;
    for (let k = 0; k < V; k++) wordStart[k + 1] += wordStart[k];
    const fill = wordStart.slice(0, V);
    const byWord = new Uint32Array(n);
    for (let i = 0; i < n; i++) byWord[fill[rankOf[d.tokenWords[i]]]++] = i;

    const base = this.nextBase;
    this.nextBase += n + 1;
    const entry: IndexedSource = { slot, source, data: d, lexicon: lx, words, base, sorted, wordStart, byWord };
    this.slots.push(entry);
    this.bases.push(base);
    this.byId.set(source.id, entry);

    // Each stem once per source: marked with the slot's stamp instead of a Set per source.
    const stamp = slot + 1;
    for (let k = 0; k < V; k++) {
      const st = lx.stemOf[vocab[k]];
      while (this.stemSlots.length <= st) {
        this.stemSlots.push([]);
        this.stemSeen.push(0);
      }
      if (this.stemSeen[st] === stamp) continue;
      this.stemSeen[st] = stamp;
      this.stemSlots[st].push(slot);
    }
    return entry;
  }

  remove(id: string): void {
    const entry = this.byId.get(id);
    if (!entry) return;
    const slot = entry.slot;
    const from = entry.base;
    const to = entry.base + entry.words.length;
    for (const h of new Set(entry.data.fingerprints)) {
      this.sorted.removeRange(h, from, to);
      this.postings.removeRange(h, from, to);
    }
    const lx = this.lexicon;
    const stems = new Set<number>();
    for (const w of entry.sorted) stems.add(lx.stemOf[w]);
    for (const st of stems) {
      const list = this.stemSlots[st];
      const at = list.indexOf(slot);
      if (at >= 0) list.splice(at, 1);
    }
    this.slots[slot] = undefined;
    this.byId.delete(id);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  source(id: string): Source | undefined {
    return this.byId.get(id)?.source;
  }

  sources(): Source[] {
    return [...this.byId.values()].map((e) => e.source);
  }

  /** The stored form of a source's index data (for IndexedDB), if the source is indexed. */
  sourceData(id: string): SourceIndexData | undefined {
    return this.byId.get(id)?.data;
  }

  // Matcher internals.

  entry(slot: number): IndexedSource | undefined {
    return this.slots[slot];
  }

  entryById(id: string): IndexedSource | undefined {
    return this.byId.get(id);
  }

  /** Postings (library token numbers) of a fingerprint; none when absent or too common (boilerplate). */
  lookup(hash: number): number[] {
    const inSorted = this.sorted.count(hash);
    if (inSorted === 0) return this.postings.get(hash, FINGERPRINT_MAX_POSTINGS);
    const total = inSorted + this.postings.count(hash);
    if (total > FINGERPRINT_MAX_POSTINGS) return [];
    // The sorted block holds the sources indexed first: their postings come first, as with `add`.
    const out = new Array<number>(total);
    this.postings.copyTo(hash, out, this.sorted.copyTo(hash, out, 0));
    return out;
  }

  /** The slot whose token range holds a library token number (see lookup). */
  slotOf(posting: number): number {
    const b = this.bases;
    let lo = 0;
    let hi = b.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (b[mid] <= posting) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Slots of the sources that contain a word with this light stem, ascending. */
  sourcesWithStem(stem: string): readonly number[] {
    const st = this.lexicon.stemIdOf(stem);
    return st < 0 ? NO_SLOTS : (this.stemSlots[st] ?? NO_SLOTS);
  }

  /** The lexicon's word numbers for a quote's keys; a word no source holds gets a distinct negative number. */
  wordNumbers(keys: readonly string[]): Int32Array {
    const out = new Int32Array(keys.length);
    for (let i = 0; i < keys.length; i++) {
      const id = this.lexicon.idOf(keys[i]);
      out[i] = id >= 0 ? id : -1 - i;
    }
    return out;
  }

  /** Bytes held in typed arrays by the in-memory structures (stored data included), for the benchmark. */
  typedBytes(): number {
    let n = this.postings.bytes + this.sorted.bytes;
    for (const e of this.byId.values()) {
      n += e.words.byteLength + e.sorted.byteLength + e.wordStart.byteLength + e.byWord.byteLength;
      const d = e.data;
      n += d.tokenStarts.byteLength + d.tokenEnds.byteLength + d.tokenWords.byteLength + d.fingerprints.byteLength + d.fingerprintPositions.byteLength;
    }
    return n;
  }
}

const NO_SLOTS: readonly number[] = [];
