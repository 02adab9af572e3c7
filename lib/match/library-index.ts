// The library's search structures: per source, its tokens, winnowed fingerprints and passages
// (a plain object of arrays, storable as it is); across sources, fingerprint postings and a
// document-level term index. Quotes are looked up through these, never by scanning every source.
import type { Source } from '../types';
import { parsePassages, type Passage } from '../library/passages';
import { normalizeForMatch } from '../text/normalize';
import { tokenize } from '../text/tokenize';
import { lightStem } from '../text/stopwords';
import { hashKey, kgramHashes, winnow } from './fingerprints';
import { FINGERPRINT_MAX_POSTINGS } from './thresholds';

export const SOURCE_INDEX_VERSION = 1;

/** Everything derived from one source's text: plain typed arrays and arrays, serialisable. */
export interface SourceIndexData {
  version: number;
  id: string;
  tokenStarts: Int32Array; // original offsets of each word
  tokenEnds: Int32Array;
  tokenKeys: string[]; // matching keys (see lib/text/tokenize.ts)
  fingerprints: Uint32Array; // winnowed k-gram hashes
  fingerprintPositions: Uint32Array; // token index of each fingerprint's k-gram
  passages: Passage[];
}

export function buildSourceIndex(source: Source): SourceIndexData {
  const tokens = tokenize(source.text, normalizeForMatch(source.text));
  const keys = tokens.map((t) => t.key);
  const keyHashes = Uint32Array.from(keys, hashKey);
  const fp = winnow(kgramHashes(keyHashes));
  return {
    version: SOURCE_INDEX_VERSION,
    id: source.id,
    tokenStarts: Int32Array.from(tokens, (t) => t.start),
    tokenEnds: Int32Array.from(tokens, (t) => t.end),
    tokenKeys: keys,
    fingerprints: fp.hashes,
    fingerprintPositions: fp.positions,
    passages: parsePassages(source.text),
  };
}

/** A source as the matcher sees it: its data plus lookup tables rebuilt in memory. */
export interface IndexedSource {
  slot: number;
  source: Source;
  data: SourceIndexData;
  stems: string[]; // light stem of each token's key (context and search)
  keyPositions: Map<string, number[]>;
  stemPositions: Map<string, number[]>;
  passageFirstToken: Int32Array; // first token index at or after each passage's start
}

// A posting packs (slot, token position) into one number: most fingerprints occur once, so the
// map holds a plain number for them and an array only for repeated ones.
const POSITION_BITS = 2 ** 26;

export function packPosting(slot: number, position: number): number {
  return slot * POSITION_BITS + position;
}

export function postingSlot(p: number): number {
  return Math.floor(p / POSITION_BITS);
}

export function postingPosition(p: number): number {
  return p % POSITION_BITS;
}

function firstTokenAtOrAfter(starts: Int32Array, offset: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class LibraryIndex {
  private readonly slots: Array<IndexedSource | undefined> = [];
  private readonly byId = new Map<string, IndexedSource>();
  private readonly postings = new Map<number, number | number[]>();
  private readonly terms = new Map<string, Set<number>>();

  static fromSources(sources: Source[]): LibraryIndex {
    const index = new LibraryIndex();
    for (const s of sources) index.add(s);
    return index;
  }

  get size(): number {
    return this.byId.size;
  }

  /** Index a source (replacing one with the same id). Pass `data` when it was stored earlier. */
  add(source: Source, data?: SourceIndexData): void {
    if (this.byId.has(source.id)) this.remove(source.id);
    const d = data && data.version === SOURCE_INDEX_VERSION && data.id === source.id ? data : buildSourceIndex(source);
    const slot = this.slots.length;
    const stems = d.tokenKeys.map(lightStem);
    const keyPositions = new Map<string, number[]>();
    const stemPositions = new Map<string, number[]>();
    d.tokenKeys.forEach((k, i) => {
      let list = keyPositions.get(k);
      if (!list) keyPositions.set(k, (list = []));
      list.push(i);
      const st = stems[i];
      let sl = stemPositions.get(st);
      if (!sl) stemPositions.set(st, (sl = []));
      sl.push(i);
    });
    const passageFirstToken = Int32Array.from(d.passages, (p) => firstTokenAtOrAfter(d.tokenStarts, p.start));
    const entry: IndexedSource = { slot, source, data: d, stems, keyPositions, stemPositions, passageFirstToken };
    this.slots.push(entry);
    this.byId.set(source.id, entry);

    for (let i = 0; i < d.fingerprints.length; i++) {
      const h = d.fingerprints[i];
      const posting = packPosting(slot, d.fingerprintPositions[i]);
      const p = this.postings.get(h);
      if (p === undefined) this.postings.set(h, posting);
      else if (typeof p === 'number') this.postings.set(h, [p, posting]);
      else p.push(posting);
    }
    for (const st of stemPositions.keys()) {
      let set = this.terms.get(st);
      if (!set) this.terms.set(st, (set = new Set()));
      set.add(slot);
    }
  }

  remove(id: string): void {
    const entry = this.byId.get(id);
    if (!entry) return;
    const slot = entry.slot;
    for (const h of new Set(entry.data.fingerprints)) {
      const p = this.postings.get(h);
      if (p === undefined) continue;
      const kept = (typeof p === 'number' ? [p] : p).filter((x) => postingSlot(x) !== slot);
      if (kept.length === 0) this.postings.delete(h);
      else this.postings.set(h, kept.length === 1 ? kept[0] : kept);
    }
    for (const st of entry.stemPositions.keys()) {
      const set = this.terms.get(st);
      set?.delete(slot);
      if (set && set.size === 0) this.terms.delete(st);
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

  /** Packed postings of a fingerprint (see packPosting); none when absent or too common (boilerplate). */
  lookup(hash: number): readonly number[] {
    const p = this.postings.get(hash);
    if (p === undefined) return NO_POSTINGS;
    if (typeof p === 'number') return [p];
    return p.length > FINGERPRINT_MAX_POSTINGS ? NO_POSTINGS : p;
  }

  /** Slots of the sources that contain a word with this light stem. */
  sourcesWithStem(stem: string): ReadonlySet<number> {
    return this.terms.get(stem) ?? EMPTY;
  }
}

const EMPTY: ReadonlySet<number> = new Set();
const NO_POSTINGS: readonly number[] = [];
