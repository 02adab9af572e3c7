// The library as it is stored in the browser: one Dexie (IndexedDB) database owned by the
// extension's origin. Only the background and extension pages open it; a content script would
// get the news site's IndexedDB instead.
import Dexie, { type EntityTable } from 'dexie';
import type { Source } from '../types';
import type { PackedSourceIndex } from '../match/packed-index';
import { packStoredList } from './packed-passages';
import type { PackedLexicon } from '../match/packed-lexicon';
import { countWords } from '../text/words';
import { copyText } from './late-text';

/** A source as stored: the document plus what we record when it enters the library. */
export interface StoredSource extends Source {
  contentHash: string; // SHA-256 of the text, hex: tells an unchanged re-import from a new version
  addedAt: number; // ms since the epoch
  words: number;
  pageStarts?: number[]; // PDFs: offset in the text where each page begins (page n at [n - 1])
}

/**
 * A source row as the `sources` table holds it: a StoredSource with its text in the row (written by
 * an import, an edit, a refresh or an update), or, once folded, without it: the text is then in the
 * texts fold (StoredTexts) and `textLength` says how long it is. Read texts through
 * lib/library/stored-texts.ts, which knows where each one lives.
 */
export type SourceRow = Omit<StoredSource, 'text'> & { text?: string; textLength?: number };

/**
 * Most of the library's texts in one value (one row, id TEXTS_ROW), in source-id order. Chrome's
 * IndexedDB reads the 233 addresses' 10.8 MB as one array of strings in about a third of the time
 * of a row per source, and as one Blob of their UTF-8 bytes (TEXTS_FORMAT 2) in about two thirds
 * of that again, decoding included (35 against 51 ms in a fresh page): the Blob comes back as a
 * handle, and its bytes are read as they are, not deserialised. The fold holds the texts, not a
 * copy: a source row folded into it loses its text in the same transaction (see foldTexts in
 * stored-texts.ts), so rows that still carry a text were written since and win over the fold. Each
 * entry names its source's content hash.
 */
export interface StoredTexts {
  id: string;
  format: number; // TEXTS_FORMAT, or 1 until the next fold rewrites it
  ids: string[];
  hashes: string[]; // each text's SHA-256, the source row's contentHash when written
  bytes?: Blob; // format 2: the texts' UTF-8 bytes one after another
  ends?: number[]; // format 2: where each text's bytes end in `bytes`
  texts?: string[]; // format 1: the texts themselves
}

/** The id of the one row of the `texts` table. */
export const TEXTS_ROW = 'library';

/** A built-in source the user removed: the next install or update must not bring it back. */
export interface RemovedBuiltin {
  id: string;
  removedAt: number;
}

/** A source's match index as stored: valid while its version and the source's hash both match. */
export interface StoredIndex {
  id: string; // the source's id
  version: number; // SOURCE_INDEX_VERSION it was built with
  contentHash: string; // hash of the text it was built from
  data: PackedSourceIndex; // a few typed arrays, numbers and strings (see lib/match/packed-index.ts)
}

/**
 * The library lexicon the index rows number their words into (one row, id LEXICON_ROW): it only
 * grows, and is written in the same transaction as every index row that uses it (see
 * writeIndexRows in stored-index.ts). Removing a source leaves its words here: harmless, and
 * rows written earlier keep their numbers.
 */
export interface StoredLexicon extends PackedLexicon {
  id: string;
}

/** The id of the one row of the `lexicon` table. */
export const LEXICON_ROW = 'library';

/**
 * Most of the library's index rows in one value (one row, id SNAPSHOT_ROW), in source-id order, as
 * a cold start reads it: Chrome's IndexedDB gives back one large value in about half the time of
 * a row per source. It holds the rows, not a copy: a row folded into it is deleted from `indexes`
 * in the same transaction (see storeSnapshot in stored-index.ts), so `indexes` keeps only rows
 * written since (imports, edits, rebuilt rows), which win over the snapshot's for their source.
 * Each row in it is checked like a separate one; one of another format or lexicon is not read.
 */
export interface StoredSnapshot {
  id: string;
  format: number; // SNAPSHOT_FORMAT
  generation: string; // of the stored lexicon its rows number their words into
  rows: StoredIndex[];
}

/** The id of the one row of the `snapshot` table. */
export const SNAPSHOT_ROW = 'library';

export const DB_NAME = 'verbatim';

export class LibraryDb extends Dexie {
  sources!: EntityTable<SourceRow, 'id'>;
  indexes!: EntityTable<StoredIndex, 'id'>;
  removed!: EntityTable<RemovedBuiltin, 'id'>;
  lexicon!: EntityTable<StoredLexicon, 'id'>;
  snapshot!: EntityTable<StoredSnapshot, 'id'>;
  texts!: EntityTable<StoredTexts, 'id'>;

  constructor(name: string = DB_NAME) {
    super(name);
    // Version 1: sources keyed by id; origin to list the built-in ones, contentHash to spot duplicates.
    // Never edit a published version, add one.
    this.version(1).stores({ sources: 'id, origin, contentHash' });
    // Version 2: each source's match index, keyed by source id, so a restart loads it instead of rebuilding.
    // Sources are untouched; the table starts empty and fills as indexes are built.
    this.version(2).stores({ sources: 'id, origin, contentHash', indexes: 'id, version' });
    // Version 3: tombstones of removed built-in sources, keyed by id. Other tables are untouched.
    this.version(3).stores({ sources: 'id, origin, contentHash', indexes: 'id, version', removed: 'id' });
    // Version 4: index rows of format 2 (tokens as numbers into a per-source vocabulary instead of
    // one key string per token). Rows of format 1 would be rebuilt on load anyway; dropping them
    // here frees their space at once. Sources and tombstones are untouched.
    this.version(4)
      .stores({ sources: 'id, origin, contentHash', indexes: 'id, version', removed: 'id' })
      .upgrade((tx) => tx.table('indexes').where('version').below(2).delete());
    // Version 5: index rows of format 3 (varint-packed tokens, fingerprints recomputed on load), a
    // third of the size of format 2. Older rows are dropped and rebuilt on the next load; sources
    // and tombstones are untouched.
    this.version(5)
      .stores({ sources: 'id, origin, contentHash', indexes: 'id, version', removed: 'id' })
      .upgrade((tx) => tx.table('indexes').where('version').below(3).delete());
    // Version 6: the library lexicon (one row), and index rows of format 4 that number their words
    // into it instead of carrying a vocabulary each. Older rows are dropped and rebuilt, with a
    // fresh lexicon, on the next load; sources and tombstones are untouched.
    this.version(6)
      .stores({ sources: 'id, origin, contentHash', indexes: 'id, version', removed: 'id', lexicon: 'id' })
      .upgrade((tx) => tx.table('indexes').where('version').below(4).delete());
    // Version 7: the snapshot holding the index rows (one row), read by a cold start with the
    // separate rows. The table starts empty and is filled after the next load, which moves the
    // rows into it; the upgrade itself touches nothing else.
    this.version(7).stores({ sources: 'id, origin, contentHash', indexes: 'id, version', removed: 'id', lexicon: 'id', snapshot: 'id' });
    // Version 8: the texts fold (one row), read by a cold start beside the source rows. The table
    // starts empty and is filled after the next load, which moves the texts into it; until then
    // every source row keeps its own text, so the upgrade itself touches nothing else.
    this.version(8).stores({
      sources: 'id, origin, contentHash',
      indexes: 'id, version',
      removed: 'id',
      lexicon: 'id',
      snapshot: 'id',
      texts: 'id',
    });
    // Version 9: index rows of format 5, whose passages are a few typed arrays instead of an object
    // each. Rows of format 4 differ only there, so they are converted in place, the separate ones
    // and the snapshot's alike, and no source is rebuilt; a row whose passages do not convert
    // stays at format 4 and is rebuilt on the next load. Other tables are untouched.
    this.version(9)
      .stores({ sources: 'id, origin, contentHash', indexes: 'id, version', removed: 'id', lexicon: 'id', snapshot: 'id', texts: 'id' })
      .upgrade(async (tx) => {
        await tx.table('indexes').where('version').equals(4).modify((row: StoredIndex) => packRowPassages(row));
        await tx.table('snapshot').toCollection().modify((snapshot: StoredSnapshot) => {
          if (Array.isArray(snapshot.rows)) for (const row of snapshot.rows) packRowPassages(row);
        });
      });
  }
}

/** A stored index row of format 4 made format 5 by packing its passages, when they are whole. */
function packRowPassages(row: StoredIndex): void {
  if (!row || typeof row !== 'object' || row.version !== 4 || !row.data || row.data.version !== 4) return;
  const passages = packStoredList(row.data.passages);
  if (!passages) return;
  row.version = 5;
  row.data.version = 5;
  row.data.passages = passages;
}

/** SHA-256 of the text as lowercase hex (Web Crypto: present in browsers, workers and Node 20). */
export async function contentHash(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A Source ready to store: adds the hash, the word count and the time it was added. */
export async function toStored(source: Source, addedAt: number = Date.now()): Promise<StoredSource> {
  return { ...source, contentHash: await contentHash(source.text), addedAt, words: countWords(source.text) };
}

/** The fields a StoredSource adds to a Source. */
const STORAGE_FIELDS: ReadonlySet<string> = new Set(['contentHash', 'addedAt', 'words', 'pageStarts']);

/**
 * Fills `target` with the stored record's Source fields, in their order; a text not yet decoded
 * (late-text.ts) stays so.
 */
export function fillSource<T extends object>(target: T, stored: StoredSource): T & Source {
  const to = target as Record<string, unknown>;
  for (const key of Object.keys(stored)) {
    if (key === 'text') copyText(stored, to);
    else if (!STORAGE_FIELDS.has(key)) to[key] = stored[key as keyof StoredSource];
  }
  return target as T & Source;
}

/** The stored record back as the engine's Source (without the storage fields). */
export function toSource(stored: StoredSource): Source {
  return fillSource({}, stored);
}
