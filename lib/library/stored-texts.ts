// Where a stored source's text lives: in its own row (written by an import, an edit, a refresh or
// an update) or in the texts fold, one value holding the texts of the rows folded into it after a
// load (see StoredTexts in db.ts). Every reader of a stored source's text goes through here.
//
// What is checked, and when:
// - On every read, for each folded row: the fold is of this format with lists of one length, it
//   holds an entry for the row's id, the entry's hash is the row's contentHash and its text is a
//   string of the row's textLength. A row failing any of these has no text: it is left out of the
//   sources read (reported as unreadable), never answered from, and never deleted.
// - When a fold is written (foldTexts, after a load that read texts in their own rows): every text
//   going into it, the fold's own included, is hashed with SHA-256 and must match its row's
//   contentHash. A row's own text that does not stays in its row; a folded one that does not is
//   kept under a DAMAGED hash (unreadable from then on, but not dropped). A text damaged on disk
//   to the same length is therefore found at the next fold, not at every load: a load checks
//   lengths and names, as the rows' own texts were never hashed on load either.
import { type LibraryDb, type SourceRow, type StoredSource, type StoredTexts, TEXTS_ROW, contentHash } from './db';

/** The format of the stored texts fold; one of another format is not read (its rows are unreadable) and not rewritten. */
export const TEXTS_FORMAT = 1;

/** A fold's entries by source id, or null when the fold is absent, of another format or damaged as a whole. */
export type FoldEntries = Map<string, { hash: string; text: unknown }>;

export function foldEntries(fold: StoredTexts | undefined): FoldEntries | null {
  if (!fold || fold.format !== TEXTS_FORMAT) return null;
  const { ids, hashes, texts } = fold;
  if (!Array.isArray(ids) || !Array.isArray(hashes) || !Array.isArray(texts)) return null;
  if (ids.length !== hashes.length || ids.length !== texts.length) return null;
  const entries: FoldEntries = new Map();
  for (let i = 0; i < ids.length; i++) entries.set(ids[i], { hash: hashes[i], text: texts[i] });
  return entries;
}

/** The row's text: its own, or its fold entry's when that passes the read checks; null when it has none. */
export function textOf(row: SourceRow, entries: FoldEntries | null): string | null {
  if (typeof row.text === 'string') return row.text;
  const entry = entries?.get(row.id);
  if (!entry || entry.hash !== row.contentHash || typeof entry.text !== 'string' || entry.text.length !== row.textLength) return null;
  return entry.text;
}

/** The row as a StoredSource with `text`, without the fold's bookkeeping. */
function withText(row: SourceRow, text: string): StoredSource {
  const { textLength: _length, ...rest } = row;
  return { ...rest, text };
}

/** Stored sources joined with their texts; rows whose text cannot be found are listed apart. */
export interface SourcesRead {
  sources: StoredSource[]; // in the rows' (id) order
  unreadable: SourceRow[]; // folded rows whose fold entry is missing or fails its checks
  separate: number; // rows still holding their own text (written since the fold): a fold would take them
  stale: number; // fold entries for no row folded into it (removed or rewritten since): a fold would drop them
}

/** Joins rows with the fold read beside them (pure: no database). */
export function joinTexts(rows: readonly SourceRow[], fold: StoredTexts | undefined): SourcesRead {
  const entries = foldEntries(fold);
  const sources: StoredSource[] = [];
  const unreadable: SourceRow[] = [];
  let separate = 0;
  let used = 0;
  for (const row of rows) {
    const text = textOf(row, entries);
    if (text === null) unreadable.push(row);
    else sources.push(typeof row.text === 'string' ? (row as StoredSource) : withText(row, text));
    if (typeof row.text === 'string') separate++;
    else if (text !== null) used++;
  }
  return { sources, unreadable, separate, stale: entries ? entries.size - used : 0 };
}

/**
 * Every stored source with its text, rows and fold read in one transaction (so a fold written in
 * between cannot hide a text from both). Run inside a caller's transaction over both tables, it
 * joins that one.
 */
export function readSources(db: LibraryDb): Promise<SourcesRead> {
  return db.transaction('r', db.sources, db.texts, async () => {
    const [rows, fold] = await Promise.all([db.sources.toArray(), db.texts.get(TEXTS_ROW)]);
    return joinTexts(rows, fold);
  });
}

/**
 * These sources with their texts (unknown ids and unreadable rows left out), in the order asked.
 * The fold is read only when one of them is folded. Joins a caller's transaction over both tables.
 */
export function readSourcesById(db: LibraryDb, ids: readonly string[]): Promise<StoredSource[]> {
  return db.transaction('r', db.sources, db.texts, async () => {
    const rows = (await db.sources.bulkGet([...ids])).filter((r): r is SourceRow => r !== undefined);
    const fold = rows.some((r) => typeof r.text !== 'string') ? await db.texts.get(TEXTS_ROW) : undefined;
    const entries = foldEntries(fold);
    return rows.flatMap((row) => {
      const text = textOf(row, entries);
      return text === null ? [] : [withText(row, text)];
    });
  });
}

/**
 * A text the caller already holds for a folded row (the worker's loaded library), or undefined.
 * It must be the text of the row's contentHash: only then is it taken (and only of the row's length).
 */
export type KnownText = (row: SourceRow) => Promise<string | undefined> | string | undefined;

/**
 * One source with its text, or undefined when it is not stored or its text cannot be found. Its
 * details are always the stored row's; for a folded row, a text `known` holds saves reading the
 * whole fold.
 */
export async function readSource(db: LibraryDb, id: string, known?: KnownText): Promise<StoredSource | undefined> {
  if (known) {
    const row = await db.sources.get(id);
    if (!row) return undefined;
    if (typeof row.text === 'string') return row as StoredSource;
    const text = await known(row);
    if (typeof text === 'string' && text.length === row.textLength) return withText(row, text);
  }
  return (await readSourcesById(db, [id]))[0];
}

/** What foldTexts did: how many texts the fold holds now, and the rows whose own text went into it. */
export interface TextsFold {
  held: number; // entries in the fold now (damaged ones kept included)
  folded: string[]; // rows whose own text went in
  damaged: string[]; // entries kept under a DAMAGED hash (their rows now unreadable)
}

/** An entry planned for the fold, and where it was found. */
interface Planned {
  id: string;
  hash: string;
  text: unknown; // a string, but for an entry carried over damaged as it was
  own: boolean; // the row's own text (its row gives it up), else the fold's
}

/** How a fold entry whose text failed its SHA-256 check is kept: its text stays, and no read takes it. */
export const DAMAGED = 'damaged:';

/** Ids in IndexedDB's key order (code unit by code unit). */
function inKeyOrder(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Whether two folds name the same texts under the same hashes (the texts themselves are not compared). */
function sameFold(a: StoredTexts | undefined, b: StoredTexts | undefined): boolean {
  if (!a || !b) return a === b;
  return a.format === b.format && a.ids.length === b.ids.length && a.ids.every((id, i) => id === b.ids[i] && a.hashes[i] === b.hashes[i]);
}

/**
 * Folds every stored text into the one fold value: the rows' own texts go in and their rows give
 * them up, in one read-write transaction, so the library's stored size does not grow; entries for
 * sources removed or rewritten since are dropped. Every text going in is hashed first (outside the
 * transaction: IndexedDB commits a transaction left idle): a row's own text that does not match
 * its row stays in the row; a folded text that does not match is kept under a DAMAGED hash, so no
 * read takes it again, and an entry that already fails its read checks is carried over as it is:
 * no text is ever dropped for a source still stored. Does nothing (null) when nothing would
 * change, when the fold is damaged as a whole, or when the library changed while the texts were
 * hashed (the next load tries again).
 */
export async function foldTexts(db: LibraryDb): Promise<TextsFold | null> {
  const [rows, fold] = await db.transaction('r', db.sources, db.texts, () => Promise.all([db.sources.toArray(), db.texts.get(TEXTS_ROW)]));
  const entries = foldEntries(fold);
  if (fold && !entries) return null; // damaged as a whole: left as it is
  const read = joinTexts(rows, fold);
  const planned: Planned[] = [];
  const carried: Planned[] = [];
  for (const row of rows) {
    const own = typeof row.text === 'string';
    const text = textOf(row, entries);
    if (text !== null) planned.push({ id: row.id, hash: row.contentHash, text, own });
    else {
      const entry = entries?.get(row.id);
      if (entry) carried.push({ id: row.id, hash: entry.hash, text: entry.text, own: false });
    }
  }
  const hashes = await Promise.all(planned.map((p) => contentHash(p.text as string)));
  const going: Planned[] = [...carried];
  let damaged = 0;
  for (let i = 0; i < planned.length; i++) {
    const p = planned[i];
    if (hashes[i] === p.hash) going.push(p);
    else if (!p.own) {
      going.push({ ...p, hash: `${DAMAGED}${p.hash}` });
      damaged++;
    }
  }
  if (read.separate === 0 && read.stale === 0 && damaged === 0) return null;
  going.sort((x, y) => inKeyOrder(x.id, y.id));
  return db.transaction('rw', db.sources, db.texts, async () => {
    const now = await db.texts.get(TEXTS_ROW);
    if (!sameFold(now, fold)) return null; // folded meanwhile by another load
    const current = new Map((await db.sources.bulkGet(going.map((p) => p.id))).map((r, i) => [going[i].id, r]));
    // Only what is unchanged since it was read: a row rewritten meanwhile carries its own text
    // (its fold entry is no longer needed), one removed needs none, and a row that got its text
    // since stays as it is.
    const held = going.filter((p) => {
      const row = current.get(p.id);
      if (!row || row.contentHash !== (p.own ? p.hash : row.contentHash)) return false;
      return p.own ? row.text === p.text : typeof row.text !== 'string';
    });
    const folded: string[] = [];
    const given: SourceRow[] = [];
    for (const p of held) {
      if (!p.own) continue;
      const { text: _text, ...rest } = current.get(p.id)!;
      given.push({ ...rest, textLength: (p.text as string).length });
      folded.push(p.id);
    }
    if (held.length > 0) {
      await db.texts.put({ id: TEXTS_ROW, format: TEXTS_FORMAT, ids: held.map((p) => p.id), hashes: held.map((p) => p.hash), texts: held.map((p) => p.text as string) });
    } else {
      await db.texts.delete(TEXTS_ROW);
    }
    await db.sources.bulkPut(given);
    return { held: held.length, folded, damaged: held.filter((p) => p.hash.startsWith(DAMAGED) && !p.own).map((p) => p.id) };
  });
}
