// The library's search structures: per source, its tokens, winnowed fingerprints and passages
// (typed arrays and arrays; packed-index.ts stores them); across sources, a lexicon of numbered
// words, fingerprint postings and the sources holding each stem. Quotes are looked up through
// these, never by scanning every source.
import type { Source } from '../types';
import { parsePassages, type Passage } from '../library/passages';
import { WordScanner } from '../text/scan-words';
import { sourceVocabulary } from '../text/source-vocabulary';
import { hashKey, kgramHashesInto, type Fingerprints } from './fingerprints';
import { Lexicon } from './lexicon';
import { PostingTable } from './postings';
import { SortedPostings } from './sorted-postings';
import { LibraryWords } from './library-words';
import { FINGERPRINT_MAX_POSTINGS, KGRAM_WORDS, WINNOW_WINDOW } from './thresholds';

/**
 * 5: as 4, with the passages stored as typed arrays (see lib/library/packed-passages.ts); 4:
 * stored packed with word numbers into the stored library lexicon (see packed-index.ts and
 * packed-lexicon.ts); 3 packed the same way against a vocabulary of the source's own; 2 stored
 * these typed arrays as they are; 1 kept one key string per token.
 */
export const SOURCE_INDEX_VERSION = 5;

/** Everything derived from one source's text: plain typed arrays and arrays, serialisable. */
export interface SourceIndexData {
  version: number;
  id: string;
  tokenStarts: Int32Array; // original offsets of each word
  tokenEnds: Int32Array;
  // The keys `tokenWords` number into: as built, the source's distinct matching keys (see
  // lib/text/tokenize.ts) in order of first use; as read from storage, the key list of the
  // LibraryIndex's lexicon itself, whose numbers the tokens then already are (see `place`).
  vocabulary: readonly string[];
  tokenWords: Uint32Array; // each token's key, as an index into `vocabulary`
  fingerprints: Uint32Array; // winnowed k-gram hashes
  fingerprintPositions: Uint32Array; // token index of each fingerprint's k-gram
  passages: Passage[];
  // The same data without its fingerprints, for data whose fields are not all plain properties
  // (see LibraryIndex.compact); other data is copied with its fingerprints left out.
  withoutFingerprints?(): SourceIndexData;
}

/**
 * A source's index from its text: the tokens of tokenize(source.text), read by a scanner that makes
 * no string per word. Given a lexicon (as LibraryIndex does when it builds), words are numbered
 * straight into it, so placing the source interns nothing; without one, into a vocabulary of the
 * source's own (what writeIndexRows stores against the library lexicon).
 */
export function buildSourceIndex(source: Source, lexicon?: Lexicon): SourceIndexData {
  const passages = parsePassages(source.text);
  if (!lexicon) return sourceIndexData(source.id, sourceVocabulary(source.text), passages);
  const { tokenStarts, tokenEnds, tokenWords } = scannerFor(lexicon).scan(source.text);
  return sourceIndexDataFromHashes(source.id, { tokenStarts, tokenEnds, vocabulary: lexicon.keys, tokenWords }, passages, lexicon.hashes);
}

// One scanner per lexicon, kept while the lexicon lives: a form met in an earlier source then
// costs no string work. The scanner may intern a key no token ends up with (a word later merged
// into a compound number); a lexicon word that no source holds is harmless, as after a removal.
const scanners = new WeakMap<Lexicon, WordScanner>();

function scannerFor(lexicon: Lexicon): WordScanner {
  let scanner = scanners.get(lexicon);
  if (!scanner) {
    scanner = new WordScanner((key) => lexicon.intern(key));
    scanners.set(lexicon, scanner);
  }
  return scanner;
}

/** The words of a source, as tokenising its text or unpacking its stored row gives them. */
export type SourceWords = Pick<SourceIndexData, 'tokenStarts' | 'tokenEnds' | 'vocabulary' | 'tokenWords'>;

/** A source's index from its words: the fingerprints are always computed here, never stored. */
export function sourceIndexData(id: string, words: SourceWords, passages: Passage[]): SourceIndexData {
  const V = words.vocabulary.length;
  const wordHashes = new Uint32Array(V);
  for (let k = 0; k < V; k++) wordHashes[k] = hashKey(words.vocabulary[k]);
  return sourceIndexDataFromHashes(id, words, passages, wordHashes);
}

/** The same, given the hash of every vocabulary entry (a lexicon's, when the vocabulary is its key list). */
export function sourceIndexDataFromHashes(id: string, words: SourceWords, passages: Passage[], wordHashes: ArrayLike<number>): SourceIndexData {
  const fp = fingerprintWords(wordHashes, words.tokenWords);
  return {
    version: SOURCE_INDEX_VERSION,
    id,
    ...words,
    fingerprints: fp.hashes,
    fingerprintPositions: fp.positions,
    passages,
  };
}

// Scratch for fingerprintWords, reused from source to source: a cold start fingerprints every
// source of the library in turn, and fresh arrays per source were mostly garbage.
let tokenHashes = new Uint32Array(0);
let kgrams = new Uint32Array(0);
let keptHashes = new Uint32Array(0);
let keptPositions = new Uint32Array(0);

/**
 * Winnowed fingerprints of a source's tokens, given as numbers into a vocabulary whose keys hash
 * to `wordHashes`: exactly `winnow(kgramHashes(per-token hashes))` of fingerprints.ts, computed
 * in reused buffers (each distinct key is hashed once, by the caller).
 */
export function fingerprintWords(wordHashes: ArrayLike<number>, tokenWords: Uint32Array): Fingerprints {
  const n = tokenWords.length;
  if (tokenHashes.length < n) {
    const capacity = Math.max(n, tokenHashes.length * 2);
    tokenHashes = new Uint32Array(capacity);
    kgrams = new Uint32Array(capacity);
    keptHashes = new Uint32Array(capacity);
    keptPositions = new Uint32Array(capacity);
  }
  for (let i = 0; i < n; i++) tokenHashes[i] = wordHashes[tokenWords[i]];
  const count = Math.max(0, n - KGRAM_WORDS + 1);
  if (count === 0) return { hashes: new Uint32Array(0), positions: new Uint32Array(0) };
  kgramHashesInto(tokenHashes, count, kgrams);
  // Winnowing as winnow() does it: the minimum of each window (rightmost on ties), each kept once.
  const windows = Math.max(1, count - WINNOW_WINDOW + 1);
  const width = Math.min(WINNOW_WINDOW, count);
  let kept = 0;
  let last = -1;
  if (width === 2) {
    // Windows of two (the w in use): the smaller of each pair, the right one on a tie.
    let right = kgrams[0];
    for (let start = 0; start < windows; start++) {
      const left = right;
      right = kgrams[start + 1];
      const best = right <= left ? start + 1 : start;
      if (best !== last) {
        keptHashes[kept] = right <= left ? right : left;
        keptPositions[kept] = best;
        kept++;
        last = best;
      }
    }
    return { hashes: keptHashes.slice(0, kept), positions: keptPositions.slice(0, kept) };
  }
  for (let start = 0; start < windows; start++) {
    let best = start;
    for (let i = start + 1; i < start + width; i++) if (kgrams[i] <= kgrams[best]) best = i;
    if (best !== last) {
      keptHashes[kept] = kgrams[best];
      keptPositions[kept] = best;
      kept++;
      last = best;
    }
  }
  return { hashes: keptHashes.slice(0, kept), positions: keptPositions.slice(0, kept) };
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

// Scratch indexed by word number, shared by every source (the work is never interleaved): one bit
// per word met (cleared after each source), and each word's token count, then its next slot.
let wordBits = new Int32Array(0);
let wordCounts = new Uint32Array(0);

function scratchFor(lexiconSize: number): void {
  if (wordCounts.length >= lexiconSize) return;
  const capacity = Math.max(lexiconSize, wordCounts.length * 2);
  wordCounts = new Uint32Array(capacity);
  wordBits = new Int32Array((capacity + 31) >>> 5);
}

/**
 * A source's distinct word numbers, ascending: the words are marked in a bit set of the lexicon,
 * and reading its bits in order lists them without sorting (clearing the set for the next source).
 */
function distinctWords(words: Uint32Array, lexiconSize: number): Uint32Array {
  scratchFor(lexiconSize);
  const bits = wordBits;
  const n = words.length;
  let V = 0;
  for (let i = 0; i < n; i++) {
    const w = words[i];
    const bit = 1 << (w & 31);
    const cell = w >>> 5;
    if ((bits[cell] & bit) === 0) {
      bits[cell] |= bit;
      V++;
    }
  }
  const sorted = new Uint32Array(V);
  let k = 0;
  const cells = (lexiconSize + 31) >>> 5;
  for (let cell = 0; cell < cells && k < V; cell++) {
    let set = bits[cell];
    if (set === 0) continue;
    bits[cell] = 0;
    while (set !== 0) {
      const low = set & -set;
      sorted[k++] = (cell << 5) + (31 - Math.clz32(low));
      set ^= low;
    }
  }
  return sorted;
}

/** The positions of each word of `sorted` (a source's distinct words, ascending), grouped: a counting sort. */
function groupPositions(words: Uint32Array, sorted: Uint32Array, lexiconSize: number): { wordStart: Uint32Array; byWord: Uint32Array } {
  scratchFor(lexiconSize);
  const counts = wordCounts;
  const V = sorted.length;
  const n = words.length;
  for (let k = 0; k < V; k++) counts[sorted[k]] = 0;
  for (let i = 0; i < n; i++) counts[words[i]]++;
  const wordStart = new Uint32Array(V + 1);
  for (let k = 0; k < V; k++) {
    const w = sorted[k];
    wordStart[k + 1] = wordStart[k] + counts[w];
    counts[w] = wordStart[k]; // from here on: where the word's next position goes
  }
  const byWord = new Uint32Array(n);
  for (let i = 0; i < n; i++) byWord[counts[words[i]]++] = i;
  return { wordStart, byWord };
}

/** A source's fingerprints once the index has let go of them (see LibraryIndex.compact). */
export const NO_FINGERPRINTS = new Uint32Array(0);

/**
 * An IndexedSource as LibraryIndex keeps it. Its distinct words, and its positions by word, are
 * worked out the first time they are asked for (stem and word lists, short quotes, library
 * search): a cold start places every source, but a page's quotes need them of few sources, or
 * not before the first checks.
 */
class PlacedSource implements IndexedSource {
  private distinct: Uint32Array | null = null;
  private grouped: { wordStart: Uint32Array; byWord: Uint32Array } | null = null;
  private fingerprintsDropped = false;

  constructor(
    readonly slot: number,
    readonly source: Source,
    public data: SourceIndexData, // replaced once, by dropFingerprints
    readonly lexicon: Lexicon,
    readonly words: Uint32Array,
    readonly base: number,
  ) {}

  /** Lets go of the data's fingerprints, which the postings now hold (see LibraryIndex.compact). */
  dropFingerprints(): void {
    const d = this.data;
    if (this.fingerprintsDropped || d.fingerprints.length === 0) return;
    this.data = d.withoutFingerprints ? d.withoutFingerprints() : { ...d, fingerprints: NO_FINGERPRINTS, fingerprintPositions: NO_FINGERPRINTS };
    this.fingerprintsDropped = true;
  }

  /** The source's fingerprint hashes: as placed, or worked out again from its words once dropped. */
  fingerprintHashes(): Uint32Array {
    // The lexicon's hash of each word is the hash of its key, as when the source was fingerprinted.
    return this.fingerprintsDropped ? fingerprintWords(this.lexicon.hashes, this.words).hashes : this.data.fingerprints;
  }

  get sorted(): Uint32Array {
    return (this.distinct ??= distinctWords(this.words, this.lexicon.size));
  }

  /** Whether `sorted` has been worked out (for readying it ahead of a check, and for the tests). */
  get hasSorted(): boolean {
    return this.distinct !== null;
  }

  get wordStart(): Uint32Array {
    return (this.grouped ??= groupPositions(this.words, this.sorted, this.lexicon.size)).wordStart;
  }

  get byWord(): Uint32Array {
    return (this.grouped ??= groupPositions(this.words, this.sorted, this.lexicon.size)).byWord;
  }

  /** Bytes of the positions by word, if they have been grouped. */
  get groupedBytes(): number {
    return this.grouped ? this.grouped.wordStart.byteLength + this.grouped.byWord.byteLength : 0;
  }
}

/** Where `word` is, or would go, in a source's ascending distinct words. */
function wordRank(sorted: Uint32Array, word: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < word) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function holdsWord(sorted: Uint32Array, word: number): boolean {
  const k = wordRank(sorted, word);
  return k < sorted.length && sorted[k] === word;
}

/** Token positions of word number `word` in a source, ascending (empty when absent). */
export function positionsOf(entry: IndexedSource, word: number): Uint32Array {
  const s = entry.sorted;
  const lo = wordRank(s, word);
  if (lo === s.length || s[lo] !== word) return NO_POSITIONS;
  return entry.byWord.subarray(entry.wordStart[lo], entry.wordStart[lo + 1]);
}

/**
 * Where word number `word` stands among a source's distinct words, or -1 when absent: its
 * positions are entry.byWord[entry.wordStart[k], entry.wordStart[k + 1]), as positionsOf gives
 * them, without a view object (short quotes ask this of every source holding their stems).
 */
export function wordIndexIn(entry: IndexedSource, word: number): number {
  const s = entry.sorted;
  const k = wordRank(s, word);
  return k === s.length || s[k] !== word ? -1 : k;
}

/** The light stem of the word at a source position. */
export function stemAt(entry: IndexedSource, position: number): string {
  const lx = entry.lexicon;
  return lx.stems[lx.stemOf[entry.words[position]]];
}

const NO_POSITIONS = new Uint32Array(0);
/** Keys whose word numbers an index remembers at most (wordNumbers): emptied when full. */
const KEY_NUMBERS_KEPT = 16384;

/** slotOf's table has a slot for every 2^12 library tokens (a few kB for millions of words). */
const SLOT_TABLE_SHIFT = 12;

export class LibraryIndex {
  private readonly slots: Array<PlacedSource | undefined> = [];
  private readonly bases: number[] = []; // IndexedSource.base of each slot, ascending
  private nextBase = 0;
  // slotOf by stretches of the library's token numbers: the slot holding each stretch's first token,
  // for the first `slotsTabled` sources placed.
  private slotAtStretch = new Int32Array(1);
  private slotsTabled = 0;
  private readonly byId = new Map<string, PlacedSource>();
  private readonly postings = new PostingTable();
  private sorted = SortedPostings.EMPTY; // postings of the sources indexed together by addAll
  // Per stem number: the slots of the sources holding a word with that stem, ascending; worked out
  // when first asked for (short quotes, library search) and forgotten when sources change.
  private readonly stemCache = new Map<number, readonly number[]>();
  // Per word number: the slots of the sources holding that very word, ascending; filled from the
  // word's stem list when first asked for (short quotes) and forgotten when sources change.
  private readonly wordCache = new Map<number, readonly number[]>();
  // Per word number: its positions in every source holding it, in one array (see placesOfWord);
  // at most WORD_PLACES_CACHED positions in all, forgotten when sources change.
  private readonly placesCache = new Map<number, WordPlaces | null>();
  private placesCached = 0;
  // Every source's words by library token number, brought up to date when asked for (libraryWords).
  private readonly wordsByToken = new LibraryWords();
  private wordsSortedUpTo = 0; // sortMoreWords has seen every slot below this
  // Word numbers by key, for wordNumbers, while the lexicon has keyNumbersSize words.
  private readonly keyNumbers = new Map<string, number>();
  private keyNumbersSize = -1;

  /** An empty index; pass the lexicon of a stored library to read its rows (see unpackSourceIndex). */
  constructor(readonly lexicon: Lexicon = new Lexicon()) {}

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
   * of all of them go into one block (SortedPostings) instead of being inserted one by one;
   * lookups answer exactly as after `add` for each in turn.
   */
  addAll(items: ReadonlyArray<{ source: Source; data?: SourceIndexData }>): void {
    const ids = new Set(items.map((it) => it.source.id));
    if (this.slots.length > 0 || ids.size !== items.length) {
      for (const it of items) this.add(it.source, it.data);
      return;
    }
    const entries = items.map((it) => this.place(it.source, it.data));
    this.sorted = SortedPostings.buildFrom(entries.map((e) => ({ hashes: e.data.fingerprints, positions: e.data.fingerprintPositions, base: e.base })));
  }

  /**
   * Gets ready for lookups of these fingerprints without changing any answer: the postings
   * partitions they fall in are sorted now rather than on first lookup. Returns how many were.
   */
  prepareLookups(hashes: ArrayLike<number>): number {
    let sorts = 0;
    for (let i = 0; i < hashes.length; i++) if (this.sorted.prepare(hashes[i])) sorts++;
    return sorts;
  }

  /**
   * Sorts up to `count` more of the postings partitions that lookups have read unsorted (see
   * SortedPostings.sortRead), as the worker does when idle after its answers; false once none is
   * left. Changes no answer.
   */
  sortLookedUp(count: number): boolean {
    return this.sorted.sortRead(count);
  }

  /**
   * Works out the distinct words of up to `count` more sources not yet asked for (see PlacedSource),
   * as a cold worker does while it waits; false once every source has them. Changes no answer.
   */
  sortMoreWords(count: number): boolean {
    let done = 0;
    for (; this.wordsSortedUpTo < this.slots.length; this.wordsSortedUpTo++) {
      const entry = this.slots[this.wordsSortedUpTo];
      if (!entry || entry.hasSorted) continue;
      if (done === count) return true;
      void entry.sorted;
      done++;
    }
    return false;
  }

  /** Everything of `add` but the postings: the source's slot and word numbers (distinct words and positions by word follow on first use). */
  private place(source: Source, data?: SourceIndexData): PlacedSource {
    const d = data && data.version === SOURCE_INDEX_VERSION && data.id === source.id ? data : buildSourceIndex(source, this.lexicon);
    const slot = this.slots.length;
    const lx = this.lexicon;
    const n = d.tokenWords.length;
    let words: Uint32Array;
    if (d.vocabulary === lx.keys) {
      // Read from storage against this very lexicon: the tokens are word numbers already.
      words = d.tokenWords;
    } else {
      const V = d.vocabulary.length;
      const vocab = new Uint32Array(V);
      for (let k = 0; k < V; k++) vocab[k] = lx.intern(d.vocabulary[k]);
      words = new Uint32Array(n);
      for (let i = 0; i < n; i++) words[i] = vocab[d.tokenWords[i]];
    }
    const base = this.nextBase;
    this.nextBase += n + 1;
    const entry = new PlacedSource(slot, source, d, lx, words, base);
    this.slots.push(entry);
    this.bases.push(base);
    this.byId.set(source.id, entry);

    this.stemCache.clear();
    this.wordCache.clear();
    this.forgetPlaces();
    return entry;
  }

  remove(id: string): void {
    const entry = this.byId.get(id);
    if (!entry) return;
    const slot = entry.slot;
    const from = entry.base;
    const to = entry.base + entry.words.length;
    for (const h of new Set(entry.fingerprintHashes())) {
      this.sorted.removeRange(h, from, to);
      this.postings.removeRange(h, from, to);
    }
    this.stemCache.clear();
    this.wordCache.clear();
    this.forgetPlaces();
    this.wordsByToken.forget(slot, from, to);
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

  /**
   * Lets go of every source's fingerprints, which the postings already hold: a long-lived index
   * (the service worker's) keeps only what its checks read. They are nearly a quarter of a large
   * library's memory, and only a removal reads them again, working them out from the source's words.
   * Changes no answer; sources added later keep theirs until the next call.
   */
  compact(): void {
    for (const entry of this.byId.values()) entry.dropFingerprints();
  }

  /**
   * The stored form of a source's index data (for IndexedDB), if the source is indexed; once the
   * index is compacted, without its fingerprints (a row is stored without them anyway).
   */
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

  /**
   * lookup(hash) written into `out` from index 0, for a caller that reuses one array for every
   * fingerprint; returns how many postings (entries past that are left over from earlier calls).
   */
  lookupInto(hash: number, out: number[]): number {
    const at = this.sorted.copyToAtMost(hash, out, 0, FINGERPRINT_MAX_POSTINGS);
    if (at < 0) return 0; // too common (boilerplate)
    // A library loaded or built in one go (addAll) has no source added one by one.
    if (this.postings.size === 0) return at;
    const inTable = this.postings.count(hash);
    if (inTable === 0) return at;
    if (at + inTable > FINGERPRINT_MAX_POSTINGS) return 0;
    return this.postings.copyTo(hash, out, at);
  }

  /** The slot whose token range holds a library token number (see lookup). */
  slotOf(posting: number): number {
    const b = this.bases;
    if (this.slotsTabled !== b.length) this.tableSlots();
    // The slot holding the first token of the posting's stretch of 2^SLOT_TABLE_SHIFT tokens, then
    // on past the sources that start inside the stretch before it (seldom any).
    let s = this.slotAtStretch[posting >>> SLOT_TABLE_SHIFT];
    while (s + 1 < b.length && b[s + 1] <= posting) s++;
    return s;
  }

  /**
   * The word number of every library token (a posting is one), sources apart by a sentinel that
   * no word number equals, and each slot's first token and word count (see library-words.ts);
   * brought up to date with the sources placed since last asked, a source's words copied in when
   * a posting into it is first read (findBlocks).
   */
  libraryWords(): LibraryWords {
    return this.wordsByToken.update(this.slots, this.bases, this.nextBase, this.lexicon.size);
  }

  /** slotOf for every stretch of 2^SLOT_TABLE_SHIFT library tokens, made again when sources were placed since. */
  private tableSlots(): void {
    const b = this.bases;
    const stretches = (this.nextBase >>> SLOT_TABLE_SHIFT) + 1;
    const table = new Int32Array(stretches);
    let s = 0;
    for (let k = 0; k < stretches; k++) {
      const start = k << SLOT_TABLE_SHIFT;
      while (s + 1 < b.length && b[s + 1] <= start) s++;
      table[k] = s;
    }
    this.slotAtStretch = table;
    this.slotsTabled = b.length;
  }

  /** Slots of the sources that contain a word with this light stem, ascending. */
  sourcesWithStem(stem: string): readonly number[] {
    const st = this.lexicon.stemIdOf(stem);
    if (st < 0) return NO_SLOTS;
    let slots = this.stemCache.get(st);
    if (!slots) {
      // A binary search of each source's distinct words for each word of the stem (a few).
      const words = this.lexicon.stemGroups.of(st);
      const found: number[] = [];
      for (const entry of this.slots) {
        if (entry && words.some((w) => holdsWord(entry.sorted, w))) found.push(entry.slot);
      }
      slots = found;
      this.stemCache.set(st, slots);
    }
    return slots;
  }

  /**
   * Slots of the sources that hold word number `word` itself, ascending (none for a negative or
   * unknown number). Every such source holds the word's stem, so only the stem's sources are searched.
   */
  sourcesWithWord(word: number): readonly number[] {
    const lx = this.lexicon;
    if (!(word >= 0 && word < lx.size)) return NO_SLOTS;
    let slots = this.wordCache.get(word);
    if (!slots) {
      const found: number[] = [];
      for (const slot of this.sourcesWithStem(lx.stems[lx.stemOf[word]])) {
        if (holdsWord(this.slots[slot]!.sorted, word)) found.push(slot);
      }
      slots = found;
      this.wordCache.set(word, slots);
    }
    return slots;
  }

  /**
   * The positions of word number `word` in every source holding it, one array for all: the
   * positions in source slots[i] are positions[starts[i], starts[i + 1]), ascending, as
   * positionsOf gives them. Short quotes walk these for each source instead of searching each
   * source's words and reading its own tables. null for a word with more than
   * WORD_PLACES_LIMIT positions (the caller searches each source).
   */
  placesOfWord(word: number): WordPlaces | null {
    const cached = this.placesCache.get(word);
    if (cached !== undefined) return cached;
    const slots = this.sourcesWithWord(word);
    const starts = new Uint32Array(slots.length + 1);
    const ranks = new Int32Array(slots.length);
    let total = 0;
    for (let i = 0; i < slots.length; i++) {
      const entry = this.slots[slots[i]]!;
      const k = wordIndexIn(entry, word);
      ranks[i] = k;
      starts[i] = total;
      total += entry.wordStart[k + 1] - entry.wordStart[k];
    }
    starts[slots.length] = total;
    let places: WordPlaces | null = null;
    if (total <= WORD_PLACES_LIMIT) {
      const positions = new Uint32Array(total);
      for (let i = 0; i < slots.length; i++) {
        const entry = this.slots[slots[i]]!;
        positions.set(entry.byWord.subarray(entry.wordStart[ranks[i]], entry.wordStart[ranks[i] + 1]), starts[i]);
      }
      places = { slots, starts, positions };
      if (this.placesCached + total > WORD_PLACES_CACHED) this.forgetPlaces();
      this.placesCached += total;
    }
    this.placesCache.set(word, places);
    return places;
  }

  private forgetPlaces(): void {
    this.placesCache.clear();
    this.placesCached = 0;
  }

  /**
   * The lexicon's word numbers for a quote's keys; a word no source holds gets a distinct negative
   * number (-1 - its place), so that two absent words never compare equal. Each key's number is
   * remembered: the same few thousand words make up a page's quotes, and the lexicon's own table
   * (tens of thousands of words) is read with a hash of the key's characters and a probe that
   * misses the processor's caches, where a key string met before keeps its hash inside it.
   */
  wordNumbers(keys: readonly string[]): Int32Array {
    // An absent key may be added as the lexicon grows: what is remembered holds for one size.
    if (this.keyNumbersSize !== this.lexicon.size) {
      this.keyNumbers.clear();
      this.keyNumbersSize = this.lexicon.size;
    }
    const known = this.keyNumbers;
    const out = new Int32Array(keys.length);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      let id = known.get(key);
      if (id === undefined) {
        id = this.lexicon.idOf(key);
        if (known.size >= KEY_NUMBERS_KEPT) known.clear();
        known.set(key, id);
      }
      out[i] = id >= 0 ? id : -1 - i;
    }
    return out;
  }

  /** Bytes held in typed arrays by the in-memory structures (stored data included), for the benchmark. */
  typedBytes(): number {
    let n = this.postings.bytes + this.sorted.bytes + this.wordsByToken.bytes;
    for (const e of this.byId.values()) {
      n += e.words.byteLength + e.sorted.byteLength + e.groupedBytes;
      const d = e.data;
      n += d.tokenStarts.byteLength + d.tokenEnds.byteLength + d.fingerprints.byteLength + d.fingerprintPositions.byteLength;
      if (d.tokenWords !== e.words) n += d.tokenWords.byteLength;
    }
    return n;
  }
}

const NO_SLOTS: readonly number[] = [];

/** Where one word stands in every source holding it (see LibraryIndex.placesOfWord). */
export interface WordPlaces {
  slots: readonly number[]; // sourcesWithWord(word)
  starts: Uint32Array; // slots.length + 1 offsets into positions
  positions: Uint32Array;
}

/** A word with more positions than this in the library is not gathered (1 MB of positions). */
const WORD_PLACES_LIMIT = 1 << 18;
/** Positions kept for all words together before the cache starts over (16 MB). */
const WORD_PLACES_CACHED = 1 << 22;
