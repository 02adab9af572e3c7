// Where a stored source's text lives: in its own row (written by an import, an edit, a refresh or
// an update) or in the texts fold, one value holding the texts of the rows folded into it after a
// load (see StoredTexts in db.ts). Every reader of a stored source's text goes through here.
//
// What is checked, and when:
// - On every read, for each folded row: the fold is of a format read, with lists of one length and
//   byte ends that fit its bytes; it holds an entry for the row's id, the entry's hash is the row's
//   contentHash, and its text, decoded, is a string of the row's textLength. A row failing any of
//   these has no text: it is left out of the sources read (reported as unreadable), never answered
//   from, and never deleted.
// - The worker's load (readSources with `late`) decodes no text: it checks that each folded text's
//   bytes could hold a text of its row's length, and the decoded length is checked when the text is
//   first read (late-text.ts). A text that fails then throws UnreadableText, and the worker takes
//   its source out of the library it holds (LibraryService); the library page reads every text
//   whole, and names it.
// - When a fold is written (foldTexts, after a load that read texts in their own rows or a fold of
//   the format before): every text going into it, the fold's own included, is hashed with SHA-256
//   and must match its row's contentHash. A row's own text that does not stays in its row; a
//   folded one that does not is kept under a DAMAGED hash (unreadable from then on, but not
//   dropped). A text damaged on disk to the same length is therefore found at the next fold, not
//   at every load: a load checks lengths and names, as the rows' own texts were never hashed on
//   load either.
import { type LibraryDb, type SourceRow, type StoredSource, type StoredTexts, TEXTS_ROW, contentHash } from './db';
import { FoldedBytes, setLateText } from './late-text';

/**
 * The format the texts fold is written in: its texts' UTF-8 bytes in one Blob. A fold of format 1
 * (an array of strings, written before) is read as well, and rewritten at the next fold; one of
 * another format is not read (its rows are unreadable) and not rewritten.
 */
export const TEXTS_FORMAT = 2;
const STRINGS_FORMAT = 1;

/** A fold's entries by source id, or null when the fold is absent, of another format or damaged as a whole. */
export type FoldEntries = Map<string, { hash: string; text: unknown }>;

/** Whether the fold is of a format that is read but no longer written. */
export function outdatedFold(fold: StoredTexts | undefined): boolean {
  return fold?.format === STRINGS_FORMAT;
}

/**
 * The fold's entries, its texts decoded from its bytes: null when it is absent, of another format
 * or damaged as a whole (lists of different lengths, byte ends out of order or past the bytes, the
 * bytes unreadable). With `late`, a text of the current format is left as its bytes (a
 * Uint8Array), for joinTexts to decode when first read.
 */
export async function foldEntries(fold: StoredTexts | undefined, late = false): Promise<FoldEntries | null> {
  if (!fold || (fold.format !== TEXTS_FORMAT && fold.format !== STRINGS_FORMAT)) return null;
  const { ids, hashes } = fold;
  if (!Array.isArray(ids) || !Array.isArray(hashes) || ids.length !== hashes.length) return null;
  let texts: unknown[];
  if (fold.format === STRINGS_FORMAT) {
    if (!Array.isArray(fold.texts) || fold.texts.length !== ids.length) return null;
    texts = fold.texts;
  } else {
    const spans = await foldSpans(fold.bytes, fold.ends, ids.length);
    if (!spans) return null;
    if (late) texts = spans;
    else {
      const decoder = new TextDecoder();
      texts = spans.map((span) => decoder.decode(span));
    }
  }
  const entries: FoldEntries = new Map();
  for (let i = 0; i < ids.length; i++) entries.set(ids[i], { hash: hashes[i], text: texts[i] });
  return entries;
}

/** Each text's bytes in a fold's Blob, or null when the Blob cannot be read or its ends do not fit it. */
async function foldSpans(bytes: unknown, ends: unknown, count: number): Promise<Uint8Array[] | null> {
  if (!(bytes instanceof Blob) || !Array.isArray(ends) || ends.length !== count) return null;
  let start = 0;
  for (const end of ends) {
    if (!Number.isInteger(end) || end < start) return null;
    start = end;
  }
  if (start !== bytes.size) return null;
  let all: Uint8Array;
  try {
    all = new Uint8Array(await bytes.arrayBuffer());
  } catch {
    return null; // its file is gone or unreadable
  }
  if (all.length !== start) return null;
  return ends.map((end: number, i) => all.subarray(i === 0 ? 0 : ends[i - 1], end));
}

/**
 * A fold of the current format holding these texts under these ids and hashes. A lone surrogate
 * (half a pair, no character) is written as U+FFFD and read back so: the same length, and the same
 * text by its contentHash, which hashes the UTF-8 bytes too.
 */
export function foldOf(entries: ReadonlyArray<{ id: string; hash: string; text: string }>): StoredTexts {
  const encoder = new TextEncoder();
  const parts = entries.map((e) => encoder.encode(e.text));
  const ends: number[] = [];
  let at = 0;
  for (const part of parts) ends.push((at += part.length));
  return { id: TEXTS_ROW, format: TEXTS_FORMAT, ids: entries.map((e) => e.id), hashes: entries.map((e) => e.hash), bytes: new Blob(parts), ends };
}

/** The row's text: its own, or its fold entry's when that passes the read checks; null when it has none. */
export function textOf(row: SourceRow, entries: FoldEntries | null): string | null {
  if (typeof row.text === 'string') return row.text;
  const entry = entries?.get(row.id);
  if (!entry || entry.hash !== row.contentHash || typeof entry.text !== 'string' || entry.text.length !== row.textLength) return null;
  return entry.text;
}

/** The row as a StoredSource with `text` (a string, or the fold's bytes decoded when first read), without the fold's bookkeeping. */
function withText(row: SourceRow, text: string | FoldedBytes): StoredSource {
  const { textLength: _length, text: _own, ...rest } = row;
  return typeof text === 'string' ? { ...rest, text } : setLateText(rest, text);
}

/**
 * The row's text left as its bytes in the fold (an entry read with `late`), when that passes the
 * read checks a load can make without decoding it: the entry's hash is the row's, and its bytes
 * could hold a text of the row's length. Its length is checked when it is decoded.
 */
function lateTextOf(row: SourceRow, entries: FoldEntries | null): FoldedBytes | null {
  if (typeof row.text === 'string') return null;
  const entry = entries?.get(row.id);
  if (!entry || !(entry.text instanceof Uint8Array) || entry.hash !== row.contentHash) return null;
  const length = row.textLength ?? -1;
  return FoldedBytes.fits(entry.text.length, length) ? new FoldedBytes(row.id, entry.text, length) : null;
}

/** Stored sources joined with their texts; rows whose text cannot be found are listed apart. */
export interface SourcesRead {
  sources: StoredSource[]; // in the rows' (id) order
  unreadable: SourceRow[]; // folded rows whose fold entry is missing or fails its checks
  separate: number; // rows still holding their own text (written since the fold): a fold would take them
  stale: number; // fold entries for no row folded into it (removed or rewritten since): a fold would drop them
  outdated: boolean; // the fold is of the format before: a fold would rewrite it
}

/** Joins rows with the entries of the fold read beside them (pure: no database). */
export function joinTexts(rows: readonly SourceRow[], entries: FoldEntries | null, outdated = false): SourcesRead {
  const sources: StoredSource[] = [];
  const unreadable: SourceRow[] = [];
  let separate = 0;
  let used = 0;
  for (const row of rows) {
    if (typeof row.text === 'string') {
      sources.push(row as StoredSource);
      separate++;
      continue;
    }
    const text = lateTextOf(row, entries) ?? textOf(row, entries);
    if (text === null) unreadable.push(row);
    else {
      sources.push(withText(row, text));
      used++;
    }
  }
  return { sources, unreadable, separate, stale: entries ? entries.size - used : 0, outdated };
}

/**
 * Every stored source with its text, rows and fold read in one transaction (so a fold written in
 * between cannot hide a text from both). The fold's bytes are read after it: a Blob taken from
 * IndexedDB stays readable. With `late`, each folded text is decoded when first read, and a text
 * whose decoded length turns out not to be its row's throws UnreadableText there (late-text.ts).
 */
export async function readSources(db: LibraryDb, options: { late?: boolean } = {}): Promise<SourcesRead> {
  const [rows, fold] = await db.transaction('r', db.sources, db.texts, () => Promise.all([db.sources.toArray(), db.texts.get(TEXTS_ROW)]));
  return joinTexts(rows, await foldEntries(fold, options.late), outdatedFold(fold));
}

/** Source rows as read, and the fold when one of them needs it: what withTexts turns into sources. */
export interface RowsRead {
  rows: SourceRow[];
  fold: StoredTexts | undefined;
}

/**
 * The rows of these ids (unknown ids left out) in the order asked, and the fold only when one of
 * them is folded. IndexedDB reads only, so a caller's transaction over both tables can hold it.
 */
export async function readRowsById(db: LibraryDb, ids: readonly string[]): Promise<RowsRead> {
  const rows = (await db.sources.bulkGet([...ids])).filter((r): r is SourceRow => r !== undefined);
  const fold = rows.some((r) => typeof r.text !== 'string') ? await db.texts.get(TEXTS_ROW) : undefined;
  return { rows, fold };
}

/** The rows read joined with their texts; unreadable rows are left out. */
export async function withTexts({ rows, fold }: RowsRead): Promise<StoredSource[]> {
  const entries = await foldEntries(fold);
  return rows.flatMap((row) => {
    const text = textOf(row, entries);
    return text === null ? [] : [withText(row, text)];
  });
}

/** These sources with their texts (unknown ids and unreadable rows left out), in the order asked. */
export async function readSourcesById(db: LibraryDb, ids: readonly string[]): Promise<StoredSource[]> {
  return withTexts(await db.transaction('r', db.sources, db.texts, () => readRowsById(db, ids)));
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
  text: string;
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
  const entries = await foldEntries(fold);
  if (fold && !entries) return null; // damaged as a whole: left as it is
  const read = joinTexts(rows, entries, outdatedFold(fold));
  const planned: Planned[] = [];
  const carried: Planned[] = [];
  for (const row of rows) {
    const own = typeof row.text === 'string';
    const text = textOf(row, entries);
    if (text !== null) planned.push({ id: row.id, hash: row.contentHash, text, own });
    else {
      const entry = entries?.get(row.id);
      // A text of the wrong length goes over as it is; anything else in its place is no text to
      // keep, and goes over empty under a DAMAGED hash (its row stays unreadable).
      if (typeof entry?.text === 'string') carried.push({ id: row.id, hash: entry.hash, text: entry.text, own: false });
      else if (entry) carried.push({ id: row.id, hash: String(entry.hash).startsWith(DAMAGED) ? entry.hash : `${DAMAGED}${entry.hash}`, text: '', own: false });
    }
  }
  const hashes = await Promise.all(planned.map((p) => contentHash(p.text)));
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
  if (read.separate === 0 && read.stale === 0 && damaged === 0 && !read.outdated) return null;
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
      given.push({ ...rest, textLength: p.text.length });
      folded.push(p.id);
    }
    if (held.length > 0) {
      await db.texts.put(foldOf(held.map((p) => ({ id: p.id, hash: p.hash, text: p.text }))));
    } else {
      await db.texts.delete(TEXTS_ROW);
    }
    await db.sources.bulkPut(given);
    return { held: held.length, folded, damaged: held.filter((p) => p.hash.startsWith(DAMAGED) && !p.own).map((p) => p.id) };
  });
}
