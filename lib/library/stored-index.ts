// Each source's match index kept in the database beside the source, so a fresh service worker
// unpacks it instead of re-tokenising every text. The rows number their words into one library
// lexicon, stored once (see lib/match/packed-lexicon.ts): a cold start decodes that lexicon and
// takes every row's word numbers as they are. A row is trusted only while its version is the
// engine's, its hash is the source's and its lexicon generation is the stored lexicon's; anything
// else (a missing or damaged lexicon included) is rebuilt and rewritten.
import Dexie from 'dexie';
import { Lexicon, type WordFacts } from '../match/lexicon';
import { LibraryIndex, SOURCE_INDEX_VERSION, buildSourceIndex } from '../match/library-index';
import type { SourceIndexData } from '../match/library-index';
import { type StoredSourceIndexData, packSourceIndex, unpackSourceIndex } from '../match/packed-index';
import { quoteLookups } from '../match/quote-lookups';
import { type LexiconStems, newLexiconGeneration, packLexicon, unpackLexicon, unpackLexiconFacts, unpackLexiconStems } from '../match/packed-lexicon';
import type { Source } from '../types';
import { LEXICON_ROW, type LibraryDb, SNAPSHOT_ROW, type StoredIndex, type StoredLexicon, type StoredSnapshot, type StoredSource, fillSource, toSource } from './db';
import { pauseBehindTasks } from '../page/slices';
import { readSources } from './stored-texts';

/** A source's index built and waiting to be written by writeIndexRows. */
export interface PendingIndex {
  id: string;
  contentHash: string; // of the text it was built from
  data: SourceIndexData;
}

/**
 * The index of a stored source, built now. Call it before the transaction that writes it opens:
 * IndexedDB commits a transaction left idle, and tokenising a long text takes a while.
 */
export function prepareIndex(source: StoredSource): PendingIndex {
  return { id: source.id, contentHash: source.contentHash, data: buildSourceIndex(toSource(source)) };
}

/** The stored lexicon's words, generation, usable stems and facts (each null when absent, stale or damaged), or null when the words are missing or damaged. */
function readLexicon(row: StoredLexicon | undefined): { keys: string[]; generation: string; stems: LexiconStems | null; facts: WordFacts | null } | null {
  if (!row) return null;
  try {
    return { keys: unpackLexicon(row), generation: row.generation, stems: unpackLexiconStems(row), facts: unpackLexiconFacts(row) };
  } catch {
    return null;
  }
}

/** A lexicon of stored words, and which of its stored parts it took as they were. */
interface TakenLexicon {
  lexicon: Lexicon;
  stemsTaken: boolean;
  factsTaken: boolean;
}

/**
 * The in-memory lexicon of stored words, taking their stored stems and facts when those are whole
 * and consistent; a part that fails its checks is worked out from the words instead. Throws when
 * the words themselves repeat.
 */
function lexiconOf(keys: readonly string[], stems: LexiconStems | null, facts: WordFacts | null): TakenLexicon {
  const tries: [LexiconStems | null, WordFacts | null][] = [[stems, facts]];
  if (stems && facts) tries.push([stems, null], [null, facts]);
  if (stems || facts) tries.push([null, null]);
  for (let t = 0; ; t++) {
    const [s, f] = tries[t];
    try {
      const lexicon = s ? Lexicon.withStems(keys, s.stemOf, s.texts, f ?? undefined) : Lexicon.fromKeys(keys, f ?? undefined);
      return { lexicon, stemsTaken: !!s, factsTaken: !!f };
    } catch (error) {
      if (t === tries.length - 1) throw error; // the words themselves repeat
    }
  }
}

/** Whether a lexicon row holds usable stems and facts: a load then works out nothing per word. */
function isComplete(taken: TakenLexicon): boolean {
  return taken.stemsTaken && taken.factsTaken;
}

/**
 * Writes index rows together with the library lexicon they number their words into. It must run
 * inside the caller's read-write transaction over `db.indexes` and `db.lexicon` (with the sources
 * or tombstones the caller writes), so rows and lexicon are written all or nothing: the lexicon
 * row is read, the rows' new words are appended to it (never renumbering a word), each row is
 * packed against it and put, and the lexicon is put back with every word's light stem (those
 * stored taken as they are, the appended words' worked out). A missing or damaged lexicon is
 * replaced by a fresh one under a new generation; rows written against the old one are then
 * untrusted and rebuilt on the next load. Every path that writes index rows goes through here.
 */
export async function writeIndexRows(db: LibraryDb, pending: readonly PendingIndex[]): Promise<StoredIndex[]> {
  const tx = Dexie.currentTransaction;
  if (!tx || tx.mode !== 'readwrite' || !tx.storeNames.includes(db.lexicon.name) || !tx.storeNames.includes(db.indexes.name)) {
    throw new Error('index rows are written only inside a read-write transaction over the indexes and the lexicon');
  }
  if (pending.length === 0) return [];
  const current = await db.lexicon.get(LEXICON_ROW);
  let stored = readLexicon(current);
  let taken: TakenLexicon;
  try {
    taken = stored ? lexiconOf(stored.keys, stored.stems, stored.facts) : { lexicon: new Lexicon(), stemsTaken: false, factsTaken: false };
  } catch {
    stored = null; // a stored lexicon listing a word twice is damaged: replaced like a missing one
    taken = { lexicon: new Lexicon(), stemsTaken: false, factsTaken: false };
  }
  const generation = stored?.generation ?? newLexiconGeneration();
  const lexicon = taken.lexicon;
  const before = lexicon.size;

  const rows: StoredIndex[] = [];
  for (const p of pending) {
    const { vocabulary, tokenWords } = p.data;
    // Each vocabulary entry the tokens use, looked up once: its number in the stored lexicon (new words appended).
    const local = new Int32Array(vocabulary.length).fill(-1);
    const words = new Uint32Array(tokenWords.length);
    for (let i = 0; i < tokenWords.length; i++) {
      const v = tokenWords[i];
      let w = local[v];
      if (w < 0) {
        w = lexicon.intern(vocabulary[v]);
        local[v] = w;
      }
      words[i] = w;
    }
    rows.push({ id: p.id, version: SOURCE_INDEX_VERSION, contentHash: p.contentHash, data: packSourceIndex(p.data, words, generation) });
  }
  // Written when new, grown, or without usable stems or facts; the Lexicon stems any word not stemmed yet.
  if (!stored || lexicon.size !== before || !isComplete(taken)) await putLexicon(db, lexicon, generation);
  for (const row of rows) await db.indexes.put(row);
  return rows;
}

/** Puts the lexicon row: the words of `lexicon` under `generation`, with their stems and facts. */
async function putLexicon(db: LibraryDb, lexicon: Lexicon, generation: string): Promise<void> {
  const packed = packLexicon(lexicon.keys, generation, { stemOf: lexicon.stemOf, texts: lexicon.stems }, lexicon.facts());
  await db.lexicon.put({ id: LEXICON_ROW, ...packed });
}

/** True when a stored row may stand in for building the source's index, read against the lexicon of `generation`. */
export function isCurrent(row: StoredIndex | undefined, source: StoredSource, generation: string | null): row is StoredIndex {
  return (
    !!row &&
    generation !== null &&
    row.version === SOURCE_INDEX_VERSION &&
    row.data.version === SOURCE_INDEX_VERSION &&
    row.data.id === source.id &&
    row.data.lexicon === generation &&
    row.contentHash === source.contentHash
  );
}

/** Adds or replaces a source and its index row in one transaction. */
export async function putSource(db: LibraryDb, source: StoredSource): Promise<void> {
  const pending = prepareIndex(source);
  await db.transaction('rw', db.sources, db.indexes, db.lexicon, async () => {
    await db.sources.put(source);
    await writeIndexRows(db, [pending]);
  });
}

/** Removes a source and its index row in one transaction (its words stay in the lexicon). */
export async function removeSource(db: LibraryDb, id: string): Promise<void> {
  await db.transaction('rw', db.sources, db.indexes, async () => {
    await db.sources.delete(id);
    await db.indexes.delete(id);
  });
}

export interface LoadReport {
  loaded: string[]; // ids whose stored index was used
  built: string[]; // ids built now (missing, stale version, changed text, other or damaged lexicon) and written back
  fromSnapshot: string[]; // of `loaded`, those whose row was the snapshot's
  fromRows: string[]; // of `loaded`, those whose row was a separate row (written since the snapshot)
  // The rows to fold into the snapshot (storeSnapshot): offered when the load took a separate row,
  // built one, or found rows in the snapshot for sources no longer stored; null when everything
  // came from the snapshot unchanged.
  snapshot: StoredSnapshot | null;
  // Sources whose text could not be found (a folded row whose fold entry is missing or fails its
  // checks, see stored-texts.ts): left out of the index, so never answered from; their rows stay.
  unreadable: string[];
  // Whether the texts fold would change (rows carrying their own text, entries for sources no
  // longer folded, or a fold of the format before): the caller then runs foldTexts after the load.
  textsToFold: boolean;
}

/**
 * The steps of a load, each reported as it ends, so that a timed build can say where a cold start
 * goes. The reads are asked for one after another, each as soon as the one before is answered
 * (the lexicon, the snapshot with the separate rows, the sources); the lexicon
 * is decoded while the rows are being read, and the rows unpacked while the sources are.
 */
export type LoadPhase =
  | 'opened' // the database open and the first read's transaction started
  | 'lexicon-read' // the lexicon row
  | 'lexicon' // the lexicon decoded, with its stored stems and word facts when usable (else its words are stemmed in pieces while reads are awaited, and their hashes worked out)
  | 'rows-read' // every index row: the snapshot's and the separate ones (reported once the lexicon is decoded)
  | 'unpacked' // every row that may be current unpacked
  | 'sources-read' // every source row, texts included (reported once the rows are unpacked, and added if they were)
  | 'built' // the sources checked against their rows; those without a current one indexed now
  | 'added'; // every source added to the in-memory index: straight after 'unpacked' when every row was usable, else after 'built'

/** The in-memory lexicon of a stored lexicon row (with its stored stems and facts when usable) and its generation; null when missing or damaged. */
function decodeLexicon(row: StoredLexicon | undefined): { lexicon: Lexicon; generation: string; complete: boolean } | null {
  const stored = readLexicon(row);
  if (!stored) return null;
  try {
    const taken = lexiconOf(stored.keys, stored.stems, stored.facts);
    return { lexicon: taken.lexicon, generation: stored.generation, complete: isComplete(taken) };
  } catch {
    return null; // a lexicon listing a word twice is damaged too
  }
}

/** Lexicon words stemmed in one piece while a read is awaited: a few milliseconds' work. */
const STEMS_AT_A_TIME = 1500;

/**
 * Waits for `read`, doing `work` in pieces meanwhile (each piece one task, so the answer is taken
 * as soon as it comes) until it reports nothing left. A rejected read rejects here too.
 */
async function whileWaiting<T>(read: Promise<T>, work: () => boolean): Promise<T> {
  let settled = false;
  const settle = () => {
    settled = true;
  };
  void read.then(settle, settle);
  while (!settled && work()) await pauseBehindTasks();
  return read;
}

/** Quotes whose fingerprints are worked out in one piece while the rows are read. */
const QUOTES_HASHED_AT_A_TIME = 8;
/** Quotes readied in one piece while the texts are read (a few ms of work in a cold worker). */
const QUOTES_READIED_AT_A_TIME = 2;

/**
 * Readies the index for the checks of quotes that arrived while the library loads, in pieces,
 * first quotes first, so that the first batch finds done what its checks would otherwise do on
 * first use: each quote's fingerprints are worked out (while the rows are read); then (while the
 * texts are read, once the index is built from the rows) the postings partitions they fall in
 * are sorted, and the token offsets of the sources most of them are found in are decoded. Both
 * are done once and kept, whoever asks first, so no answer changes.
 */
class LookupPreparer {
  private readonly lookups: number[][] = []; // each quote's k-gram fingerprints, in arrival order
  private readied = 0; // quotes readied
  private readonly postings: number[] = []; // scratch for lookupInto
  private readonly hits = new Map<number, number>(); // scratch: the quote's k-grams found, by slot

  constructor(private readonly quotes: readonly string[]) {}

  /** Works out the fingerprints of a few more quotes; false when every quote so far is done. */
  hashMore(): boolean {
    if (this.lookups.length >= this.quotes.length) return false;
    const end = Math.min(this.quotes.length, this.lookups.length + QUOTES_HASHED_AT_A_TIME);
    while (this.lookups.length < end) this.lookups.push(quoteLookups(this.quotes[this.lookups.length]));
    return true;
  }

  /** Readies a few more quotes (hashing more when those run out); false when nothing is left. */
  readyMore(index: LibraryIndex): boolean {
    if (this.readied >= this.lookups.length && !this.hashMore()) return false;
    const end = Math.min(this.lookups.length, this.readied + QUOTES_READIED_AT_A_TIME);
    for (; this.readied < end; this.readied++) this.ready(index, this.lookups[this.readied]);
    return true;
  }

  private ready(index: LibraryIndex, lookups: readonly number[]): void {
    index.prepareLookups(lookups);
    // The sources holding the most of the quote's k-grams (three or more): where its check is
    // likeliest to align it and read the words' offsets. On generated 100-quote pages this picks
    // about 70 sources, of which the checks read about 62 of their 74–87 (looser rules picked
    // 90–130 sources for a few more right ones).
    const hits = this.hits;
    hits.clear();
    let most = 0;
    for (const hash of lookups) {
      const found = index.lookupInto(hash, this.postings);
      for (let f = 0; f < found; f++) {
        const slot = index.slotOf(this.postings[f]);
        const n = (hits.get(slot) ?? 0) + 1;
        hits.set(slot, n);
        if (n > most) most = n;
      }
    }
    for (const [slot, n] of hits) {
      if (n >= 3 && n === most) void index.entry(slot)?.data.tokenStarts; // decoded on first read, then kept
    }
  }
}

/** A read asked for now and awaited later: its failure is not reported as unhandled meanwhile. */
function asked<T>(read: Promise<T>): Promise<T> {
  void read.catch(() => undefined);
  return read;
}

/** A row that may stand in for its source's index under `generation`, before the source itself is read. */
function isUsable(row: StoredIndex, generation: string | null): boolean {
  return (
    generation !== null &&
    row.version === SOURCE_INDEX_VERSION &&
    row.data.version === SOURCE_INDEX_VERSION &&
    row.data.id === row.id &&
    row.data.lexicon === generation
  );
}

/** The format of the stored snapshot; one of another format is not read (and is replaced by the next load). */
export const SNAPSHOT_FORMAT = 1;

/**
 * The snapshot's rows when it is of this format and lexicon, else none (those sources then have
 * their separate rows or are built). Entries that are not rows at all are left out; each row left
 * is still checked like a separate one.
 */
function snapshotRows(snapshot: StoredSnapshot | undefined, generation: string | null): StoredIndex[] {
  if (!snapshot || generation === null || snapshot.format !== SNAPSHOT_FORMAT || snapshot.generation !== generation) return [];
  if (!Array.isArray(snapshot.rows)) return [];
  return snapshot.rows.filter((row) => !!row && typeof row === 'object' && typeof row.id === 'string' && !!row.data);
}

/** Ids in IndexedDB's key order (code unit by code unit), the order `toArray` gives the sources in. */
function inKeyOrder(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Each source's row in id order (the order the sources are read in): its separate row when it has
 * one (written since the snapshot: an import, an edit, a rebuilt row), else the snapshot's.
 */
function mergeRows(fromSnapshot: readonly StoredIndex[], separate: readonly StoredIndex[]): { rows: StoredIndex[]; separateIds: Set<string> } {
  const byId = new Map<string, StoredIndex>();
  for (const row of fromSnapshot) byId.set(row.id, row);
  const separateIds = new Set<string>();
  for (const row of separate) {
    byId.set(row.id, row);
    separateIds.add(row.id);
  }
  const ids = [...byId.keys()].sort(inKeyOrder);
  return { rows: ids.map((id) => byId.get(id)!), separateIds };
}

/** The same row as far as the snapshot is concerned: same source, text, engine version and lexicon. */
function sameRow(a: StoredIndex, b: StoredIndex): boolean {
  return a.id === b.id && a.contentHash === b.contentHash && a.version === b.version && a.data?.lexicon === b.data?.lexicon;
}

/**
 * Rewrites the lexicon row of `generation` with its words' stems and facts when it lacks usable
 * ones (a row written before they were stored, or with them damaged): the same words, byte for
 * byte, under the same generation, so every row stays valid. Another generation's row is left alone.
 */
async function completeLexicon(db: LibraryDb, generation: string): Promise<void> {
  const row = await db.lexicon.get(LEXICON_ROW);
  const stored = readLexicon(row);
  if (!stored || stored.generation !== generation) return;
  let taken: TakenLexicon;
  try {
    taken = lexiconOf(stored.keys, stored.stems, stored.facts);
  } catch {
    return; // damaged words: the next write replaces the lexicon
  }
  if (!isComplete(taken)) await putLexicon(db, taken.lexicon, generation);
}

/** What storeSnapshot did: the rows the snapshot now holds, and the separate rows folded into it (deleted). */
export interface SnapshotWrite {
  held: number;
  folded: string[];
}

/**
 * Folds a load's rows (LoadReport.snapshot) into the stored snapshot, so each row is stored in one
 * place (and completes the lexicon row, see completeLexicon): in one read-write transaction, every offered row whose source is still stored with the
 * same hash goes into the snapshot, and a separate row identical to it (same id, hash, version and
 * generation) is deleted. A separate row that changed since the load stays, and the snapshot
 * leaves that source out. The snapshot is replaced whole: a row it held that the load did not
 * offer (a source changed meanwhile) is not carried over, and is rebuilt if ever needed.
 */
export async function storeSnapshot(db: LibraryDb, offered: StoredSnapshot): Promise<SnapshotWrite> {
  return db.transaction('rw', db.snapshot, db.indexes, db.sources, db.lexicon, async () => {
    // Each stored source's hash, from the hash index: the texts themselves are not read.
    const hashes = new Map<string, string>();
    await db.sources.orderBy('contentHash').eachKey((hash, cursor) => {
      hashes.set(String(cursor.primaryKey), String(hash));
    });
    const separate = new Map((await db.indexes.toArray()).map((row) => [row.id, row]));
    const held: StoredIndex[] = [];
    const folded: string[] = [];
    for (const row of offered.rows) {
      if (hashes.get(row.id) !== row.contentHash || row.data.lexicon !== offered.generation) continue; // removed or changed since
      const own = separate.get(row.id);
      if (own) {
        if (!sameRow(own, row)) continue; // rewritten since the load: stays a separate row
        folded.push(row.id);
      }
      held.push(row);
    }
    if (held.length > 0) await db.snapshot.put({ id: SNAPSHOT_ROW, format: SNAPSHOT_FORMAT, generation: offered.generation, rows: held });
    else await db.snapshot.delete(SNAPSHOT_ROW);
    await db.indexes.bulkDelete(folded);
    await completeLexicon(db, offered.generation);
    return { held: held.length, folded };
  });
}

/** A row unpacked (its offsets checked whole only later, by OffsetChecks). */
interface UnpackedRow {
  row: StoredIndex;
  data: StoredSourceIndexData;
}

/**
 * The rows that may be current, unpacked against the stored lexicon; damaged ones are left out (and
 * rebuilt). Their offsets are not walked here but by OffsetChecks, in pieces while the texts are
 * read.
 */
function unpackRows(rows: readonly StoredIndex[], generation: string | null, lexicon: Lexicon): Map<string, UnpackedRow> {
  const unpacked = new Map<string, UnpackedRow>();
  for (const row of rows) {
    if (!isUsable(row, generation)) continue;
    try {
      unpacked.set(row.id, { row, data: unpackSourceIndex(row.data, lexicon, { offsetsChecked: false }) });
    } catch {
      // a damaged row is rebuilt like a stale one
    }
  }
  return unpacked;
}

/** Sources whose distinct words are worked out in one piece while the texts are read (a few ms of cold code). */
const SOURCES_SORTED_AT_A_TIME = 24;

/** Rows whose offsets are checked in one piece while the texts are read (a few ms of cold code). */
const ROWS_CHECKED_AT_A_TIME = 24;

/**
 * Checks the unpacked rows' offsets whole (a walk over every token's bytes) after the index is
 * built from the rows rather than before, in pieces while the texts are read, so the walk no
 * longer holds up the index. A row that fails is dropped from `unpacked` (and so rebuilt), and the
 * index built with it is not used: nothing is answered from a row before every row is checked.
 */
class OffsetChecks {
  private readonly pending: UnpackedRow[];
  private at = 0;
  damaged = false; // a row failed, and was dropped

  constructor(private readonly unpacked: Map<string, UnpackedRow>) {
    this.pending = [...unpacked.values()];
  }

  /** Checks a few more rows; false when none is left. */
  more(count = ROWS_CHECKED_AT_A_TIME): boolean {
    const end = Math.min(this.pending.length, this.at + count);
    for (; this.at < end; this.at++) {
      const u = this.pending[this.at];
      if (!u.data.offsetsWhole()) {
        this.unpacked.delete(u.row.id);
        this.damaged = true;
      }
    }
    return this.at < this.pending.length;
  }

  /** Checks every row left; true when every row was whole. */
  finish(): boolean {
    this.more(this.pending.length);
    return !this.damaged;
  }
}

/** The rows to offer as the snapshot: one per source, all numbering their words into `generation`, in id order. */
function offerSnapshot(rows: readonly StoredIndex[], generation: string): StoredSnapshot {
  const held = rows.filter((row) => row.data.lexicon === generation).sort((x, y) => inKeyOrder(x.id, y.id));
  return { id: SNAPSHOT_ROW, format: SNAPSHOT_FORMAT, generation, rows: held };
}

/**
 * The in-memory index of every stored source, from stored index rows where they are current.
 * The index starts from the stored lexicon, so current rows' word numbers are used as they are.
 * Rows that had to be built are written back as separate rows, each only if its source is still
 * the same text.
 *
 * Each row is stored in one place: in the snapshot (most of them, read as one value) or as a
 * separate row written since. Both are read together and a source's separate row, when it has
 * one, wins. The sources (their texts: most of the bytes read) are asked for last, and the
 * lexicon and rows are decoded, and the index built from the rows, while the browser is still
 * reading them; a row's source hash is checked once they come, and an index built from a row that
 * turns out stale is dropped for one built the ordinary way.
 *
 * A folded text is decoded when first read (late-text.ts): a text found damaged then throws
 * UnreadableText from whatever read it, and the caller drops that source (see LibraryService).
 */
export async function loadLibraryIndex(
  db: LibraryDb,
  onPhase?: (phase: LoadPhase) => void,
  upcoming: readonly string[] = [], // texts of quotes waiting for this load, appended to as they come
): Promise<{ index: LibraryIndex; sources: StoredSource[]; report: LoadReport }> {
  // Each read asked for only once the one before is answered. In Chrome's IndexedDB a small read
  // asked for beside large ones is answered with them, not before: the lexicon row took 160–420 ms
  // to come with the rows and texts asked for together, 25–60 ms alone, and the rows 100–200 ms
  // longer with the texts asked for beside them. Separate transactions may see the library in
  // different states if it is written meanwhile; the checks below catch that as they catch any
  // stale row (generation, words within the lexicon, hashes).
  const lexiconRow = await db.transaction('r', db.lexicon, () => {
    onPhase?.('opened'); // the database open, the first read's transaction started
    return db.lexicon.get(LEXICON_ROW);
  });
  onPhase?.('lexicon-read');
  // The snapshot and the separate rows in one transaction: a snapshot write that folds rows in
  // between two reads would otherwise hide those rows from both.
  const rowsRead = asked(db.transaction('r', db.snapshot, db.indexes, () => Promise.all([db.snapshot.get(SNAPSHOT_ROW), db.indexes.toArray()])));
  // Decoded while the rows are being read (after a worker restart the worker would otherwise sit
  // idle here), with its stored stems; a lexicon without usable ones has its words stemmed in
  // pieces for as long as the reads keep it waiting.
  const decoded = decodeLexicon(lexiconRow);
  const lexicon = decoded?.lexicon;
  const generation = decoded ? decoded.generation : null;
  onPhase?.('lexicon');
  const stemming = () => lexicon?.stemMore(STEMS_AT_A_TIME) ?? false;
  const preparer = new LookupPreparer(upcoming);
  const [storedSnapshot, separate] = await whileWaiting(rowsRead, () => stemming() || preparer.hashMore());
  // The texts (the fold and the rows written since, in one transaction), read while the rows are
  // unpacked. Dexie makes a read's requests in microtasks, so without a task boundary here they
  // would leave only after the unpacking and addAll below; and Chrome loads a large value from its
  // file only once the worker has taken the backend's reply, hence a second boundary before addAll.
  const sourcesRead = asked(readSources(db, { late: true }));
  await pauseBehindTasks();
  const { rows, separateIds } = mergeRows(snapshotRows(storedSnapshot, generation), separate);
  onPhase?.('rows-read');
  const base = lexicon ?? new Lexicon();
  const unpacked = unpackRows(rows, generation, base);
  await pauseBehindTasks();
  onPhase?.('unpacked');
  // Every row usable: the index is built from them now, while the sources are still being read,
  // on source records that are filled in when they come (placing a source with its data reads
  // only its id). Should a row turn out stale, this index is dropped below.
  let early: { index: LibraryIndex; records: Source[] } | null = null;
  if (rows.length > 0 && unpacked.size === rows.length) {
    const records = rows.map((row) => ({ id: row.id }) as Source); // the rest of each record follows
    const index = new LibraryIndex(base);
    index.addAll(records.map((source, i) => ({ source, data: unpacked.get(rows[i].id)!.data })));
    early = { index, records };
    onPhase?.('added');
  }
  // While the texts are read: the rows' offsets are checked whole; every source's distinct words
  // are worked out (a first batch's checks ask for all of them, through the stem lists); then the
  // waiting quotes' first lookups are readied (see LookupPreparer). What the wait leaves of the
  // checks is done after it, and of the distinct words on first use.
  const checks = new OffsetChecks(unpacked);
  const sortWords = () => early !== null && early.index.sortMoreWords(SOURCES_SORTED_AT_A_TIME);
  const texts = await whileWaiting(sourcesRead, () => stemming() || checks.more() || sortWords() || (early !== null && preparer.readyMore(early.index)));
  const sources = texts.sources;
  if (!checks.finish()) early = null; // built with a damaged row: dropped, and that row rebuilt below
  onPhase?.('sources-read');
  const report: LoadReport = {
    loaded: [],
    built: [],
    fromSnapshot: [],
    fromRows: [],
    snapshot: null,
    unreadable: texts.unreadable.map((row) => row.id),
    textsToFold: texts.separate > 0 || texts.stale > 0 || texts.outdated,
  };
  const taken = (id: string) => {
    report.loaded.push(id);
    (separateIds.has(id) ? report.fromRows : report.fromSnapshot).push(id);
  };
  if (early && sources.length === rows.length && sources.every((s, i) => rows[i].id === s.id && isCurrent(rows[i], s, generation))) {
    sources.forEach((s, i) => fillSource(early.records[i], s));
    for (const s of sources) taken(s.id);
    // Separate rows taken: folded into the snapshot next (which also completes a lexicon row stored without stems or facts).
    if ((report.fromRows.length > 0 || !decoded?.complete) && generation !== null) report.snapshot = offerSnapshot(rows, generation);
    onPhase?.('built');
    return { index: early.index, sources, report };
  }
  const index = new LibraryIndex(base);
  const fresh: PendingIndex[] = [];
  const items: { source: Source; data: SourceIndexData }[] = [];
  const used: StoredIndex[] = [];
  for (const s of sources) {
    const source = toSource(s);
    const found = unpacked.get(s.id);
    let data: SourceIndexData;
    if (found && isCurrent(found.row, s, generation)) {
      data = found.data;
      taken(s.id);
      used.push(found.row);
    } else {
      data = buildSourceIndex(source);
      fresh.push({ id: s.id, contentHash: s.contentHash, data });
      report.built.push(s.id);
    }
    items.push({ source, data });
  }
  onPhase?.('built');
  index.addAll(items);
  onPhase?.('added');
  let written: StoredIndex[] = [];
  if (fresh.length) {
    written = await db.transaction('rw', db.sources, db.indexes, db.lexicon, async () => {
      const same: PendingIndex[] = [];
      for (const p of fresh) {
        const now = await db.sources.get(p.id);
        if (now && now.contentHash === p.contentHash) same.push(p);
      }
      return writeIndexRows(db, same);
    });
  }
  // Rows built, separate rows taken, or rows stored for sources no longer there (or stale): the
  // snapshot is rewritten to hold what this load used. (Also offered when the lexicon row lacked
  // usable stems or facts: the fold completes it.)
  const snapshotGeneration = written.length > 0 ? written[0].data.lexicon : generation;
  const incomplete = !!decoded && !decoded.complete;
  if (snapshotGeneration !== null && (written.length > 0 || report.fromRows.length > 0 || rows.length !== used.length || incomplete)) {
    report.snapshot = offerSnapshot([...used, ...written], snapshotGeneration);
  }
  return { index, sources, report };
}
