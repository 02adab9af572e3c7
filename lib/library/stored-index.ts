// Each source's match index kept in the database beside the source, so a fresh service worker
// unpacks it instead of re-tokenising every text. The rows number their words into one library
// lexicon, stored once (see lib/match/packed-lexicon.ts): a cold start decodes that lexicon and
// takes every row's word numbers as they are. A row is trusted only while its version is the
// engine's, its hash is the source's and its lexicon generation is the stored lexicon's; anything
// else (a missing or damaged lexicon included) is rebuilt and rewritten.
import Dexie from 'dexie';
import { Lexicon } from '../match/lexicon';
import { LibraryIndex, SOURCE_INDEX_VERSION, buildSourceIndex } from '../match/library-index';
import type { SourceIndexData } from '../match/library-index';
import { packSourceIndex, unpackSourceIndex } from '../match/packed-index';
import { type LexiconStems, newLexiconGeneration, packLexicon, unpackLexicon, unpackLexiconStems } from '../match/packed-lexicon';
import type { Source } from '../types';
import { LEXICON_ROW, type LibraryDb, SNAPSHOT_ROW, type StoredIndex, type StoredLexicon, type StoredSnapshot, type StoredSource, toSource } from './db';
import { pauseBehindTasks } from '../page/slices';

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

/** The stored lexicon's words, generation and usable stems (null when absent, stale or damaged), or null when the words are missing or damaged. */
function readLexicon(row: StoredLexicon | undefined): { keys: string[]; generation: string; stems: LexiconStems | null } | null {
  if (!row) return null;
  try {
    return { keys: unpackLexicon(row), generation: row.generation, stems: unpackLexiconStems(row) };
  } catch {
    return null;
  }
}

/** The in-memory lexicon of stored words, taking their stored stems when those are whole and consistent. */
function lexiconOf(keys: readonly string[], stems: LexiconStems | null): { lexicon: Lexicon; stemsTaken: boolean } {
  if (stems) {
    try {
      return { lexicon: Lexicon.withStems(keys, stems.stemOf, stems.texts), stemsTaken: true };
    } catch {
      // inconsistent stems: worked out from the words instead
    }
  }
  return { lexicon: Lexicon.fromKeys(keys), stemsTaken: false };
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
  let taken: { lexicon: Lexicon; stemsTaken: boolean };
  try {
    taken = stored ? lexiconOf(stored.keys, stored.stems) : { lexicon: new Lexicon(), stemsTaken: false };
  } catch {
    stored = null; // a stored lexicon listing a word twice is damaged: replaced like a missing one
    taken = { lexicon: new Lexicon(), stemsTaken: false };
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
  // Written when new, grown, or without usable stems; the Lexicon stems any word not stemmed yet.
  if (!stored || lexicon.size !== before || !taken.stemsTaken) {
    const packed = packLexicon(lexicon.keys, generation, { stemOf: lexicon.stemOf, texts: lexicon.stems });
    await db.lexicon.put({ id: LEXICON_ROW, ...packed });
  }
  for (const row of rows) await db.indexes.put(row);
  return rows;
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
  // Where the rows came from: the snapshot, or the rows one by one (none stored, or not the
  // library read: stale, damaged or of another lexicon).
  rowsFrom: 'snapshot' | 'rows';
  // Rows worth storing as the snapshot (storeSnapshot), when they were read one by one and every
  // source had its current row; null otherwise.
  snapshot: StoredSnapshot | null;
}

/**
 * The steps of a load, each reported as it ends, so that a timed build can say where a cold start
 * goes. The reads are asked for one after another, each as soon as the one before is answered
 * (the lexicon, the snapshot of the rows or else the rows themselves, the sources); the lexicon
 * is decoded while the rows are being read, and the rows unpacked while the sources are.
 */
export type LoadPhase =
  | 'opened' // the database open and the first read's transaction started
  | 'lexicon-read' // the lexicon row
  | 'lexicon' // the lexicon decoded, with its stored stems when usable (else its words are stemmed in pieces while reads are awaited)
  | 'rows-read' // every index row, from the snapshot or read one by one (reported once the lexicon is decoded)
  | 'unpacked' // every row that may be current unpacked
  | 'sources-read' // every source row, texts included (reported once the rows are unpacked, and added if they were)
  | 'built' // the sources checked against their rows; those without a current one indexed now
  | 'added'; // every source added to the in-memory index: straight after 'unpacked' when every row was usable, else after 'built'

/** The in-memory lexicon of a stored lexicon row (with its stored stems when usable) and its generation; null when missing or damaged. */
function decodeLexicon(row: StoredLexicon | undefined): { lexicon: Lexicon; generation: string } | null {
  const stored = readLexicon(row);
  if (!stored) return null;
  try {
    return { lexicon: lexiconOf(stored.keys, stored.stems).lexicon, generation: stored.generation };
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

/** The snapshot's rows, when it is whole and of this format and lexicon; null otherwise (the rows are then read one by one). */
function snapshotRows(snapshot: StoredSnapshot | undefined, generation: string | null): StoredIndex[] | null {
  if (!snapshot || generation === null || snapshot.format !== SNAPSHOT_FORMAT || snapshot.generation !== generation) return null;
  const rows = snapshot.rows;
  if (!Array.isArray(rows) || rows.length === 0) return null;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (!row || typeof row.id !== 'string' || !row.data || !isUsable(row, generation)) return null;
    if (i > 0 && !(rows[i - 1].id < row.id)) return null; // in id order, each once, as the sources are read
  }
  return rows;
}

/**
 * Stores the rows of a load (LoadReport.snapshot) as the snapshot a cold start reads next. It is
 * checked when read, never assumed current: a library changed since is read row by row again.
 */
export async function storeSnapshot(db: LibraryDb, snapshot: StoredSnapshot): Promise<void> {
  await db.snapshot.put(snapshot);
}

/** The rows that may be current, unpacked against the stored lexicon; damaged ones are left out (and rebuilt). */
function unpackRows(rows: readonly StoredIndex[], generation: string | null, lexicon: Lexicon): Map<string, { row: StoredIndex; data: SourceIndexData }> {
  const unpacked = new Map<string, { row: StoredIndex; data: SourceIndexData }>();
  for (const row of rows) {
    if (!isUsable(row, generation)) continue;
    try {
      unpacked.set(row.id, { row, data: unpackSourceIndex(row.data, lexicon) });
    } catch {
      // a damaged row is rebuilt like a stale one
    }
  }
  return unpacked;
}

/**
 * The in-memory index of every stored source, from stored index rows where they are current.
 * The index starts from the stored lexicon, so current rows' word numbers are used as they are.
 * Rows that had to be built are written back, each only if its source is still the same text.
 *
 * The rows come from the stored snapshot when it is whole and of this lexicon, else one by one.
 * The sources (their texts: most of the bytes read) are asked for last, and the lexicon and rows are
 * decoded, and the index built from the rows, while the browser is still reading them; a row's
 * source hash is checked once they come, and an index built from a row that turns out stale is
 * dropped for one built the ordinary way (from the rows read one by one, if the snapshot's were stale).
 */
export async function loadLibraryIndex(
  db: LibraryDb,
  onPhase?: (phase: LoadPhase) => void,
): Promise<{ index: LibraryIndex; sources: StoredSource[]; report: LoadReport }> {
  // Each read in a transaction of its own, asked for only once the one before is answered. In
  // Chrome's IndexedDB a small read asked for beside large ones is answered with them, not before:
  // the lexicon row took 160–420 ms to come with the rows and texts asked for together, 25–60 ms
  // alone, and the rows 100–200 ms longer with the texts asked for beside them. Separate
  // transactions may see the library in different states if it is written meanwhile; the checks
  // below catch that as they catch any stale row (generation, words within the lexicon, hashes).
  const lexiconRow = await db.transaction('r', db.lexicon, () => {
    onPhase?.('opened'); // the database open, the first read's transaction started
    return db.lexicon.get(LEXICON_ROW);
  });
  onPhase?.('lexicon-read');
  const snapshotRead = asked(db.snapshot.get(SNAPSHOT_ROW));
  // Decoded while the rows are being read (after a worker restart the worker would otherwise sit
  // idle here), with its stored stems; a lexicon without usable ones has its words stemmed in
  // pieces for as long as the reads keep it waiting.
  const decoded = decodeLexicon(lexiconRow);
  const lexicon = decoded?.lexicon;
  const generation = decoded ? decoded.generation : null;
  onPhase?.('lexicon');
  const stemming = () => lexicon?.stemMore(STEMS_AT_A_TIME) ?? false;
  const readRows = () => whileWaiting(asked(db.indexes.toArray()), stemming);
  let rowsFrom: LoadReport['rowsFrom'] = 'snapshot';
  let rows = snapshotRows(await whileWaiting(snapshotRead, stemming), generation);
  if (!rows) {
    rowsFrom = 'rows';
    rows = await readRows();
  }
  const sourcesRead = asked(db.sources.toArray()); // the texts, read while the rows are unpacked
  onPhase?.('rows-read');
  const base = lexicon ?? new Lexicon();
  let unpacked = unpackRows(rows, generation, base);
  onPhase?.('unpacked');
  // Every row usable: the index is built from them now, while the sources are still being read,
  // on source records that are filled in when they come (placing a source with its data reads
  // only its id). It stands only if every source then has its current row, in the same order.
  let early: { index: LibraryIndex; records: Source[] } | null = null;
  if (rows.length > 0 && unpacked.size === rows.length) {
    const records = rows.map((row) => ({ id: row.id }) as Source); // the rest of each record follows
    const index = new LibraryIndex(base);
    const byRow = rows.map((row) => unpacked.get(row.id)!.data);
    index.addAll(records.map((source, i) => ({ source, data: byRow[i] })));
    early = { index, records };
    onPhase?.('added');
  }
  const sources = await whileWaiting(sourcesRead, stemming);
  onPhase?.('sources-read');
  const current = (list: readonly StoredIndex[]) =>
    sources.length === list.length && sources.every((s, i) => list[i].id === s.id && isCurrent(list[i], s, generation));
  if (early && current(rows)) {
    sources.forEach((s, i) => Object.assign(early.records[i], toSource(s)));
    const snapshot = rowsFrom === 'rows' && generation !== null ? { id: SNAPSHOT_ROW, format: SNAPSHOT_FORMAT, generation, rows } : null;
    onPhase?.('built');
    return { index: early.index, sources, report: { loaded: sources.map((s) => s.id), built: [], rowsFrom, snapshot } };
  }
  if (rowsFrom === 'snapshot') {
    // The snapshot is not of this library (changed since it was stored): the rows, one by one.
    rowsFrom = 'rows';
    rows = await readRows();
    unpacked = unpackRows(rows, generation, base);
  }
  const report: LoadReport = { loaded: [], built: [], rowsFrom, snapshot: null };
  const index = new LibraryIndex(base);
  const fresh: PendingIndex[] = [];
  const items: { source: Source; data: SourceIndexData }[] = [];
  for (const s of sources) {
    const source = toSource(s);
    const found = unpacked.get(s.id);
    let data: SourceIndexData;
    if (found && isCurrent(found.row, s, generation)) {
      data = found.data;
      report.loaded.push(s.id);
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
  // A stale snapshot, the rows read one by one instead, each current: they make the next snapshot.
  if (fresh.length === 0 && generation !== null && current(rows)) {
    report.snapshot = { id: SNAPSHOT_ROW, format: SNAPSHOT_FORMAT, generation, rows };
  }
  if (fresh.length) {
    await db.transaction('rw', db.sources, db.indexes, db.lexicon, async () => {
      const same: PendingIndex[] = [];
      for (const p of fresh) {
        const now = await db.sources.get(p.id);
        if (now && now.contentHash === p.contentHash) same.push(p);
      }
      await writeIndexRows(db, same);
    });
  }
  return { index, sources, report };
}
