// Each source's match index kept in the database beside the source, so a fresh service worker
// unpacks it instead of re-tokenising every text. A row is trusted only while its
// version is the engine's and its hash is the source's; anything else is rebuilt and rewritten.
import { LibraryIndex, SOURCE_INDEX_VERSION, buildSourceIndex } from '../match/library-index';
import type { SourceIndexData } from '../match/library-index';
import { packSourceIndex, unpackSourceIndex } from '../match/packed-index';
import type { Source } from '../types';
import { type LibraryDb, type StoredIndex, type StoredSource, toSource } from './db';

/** The index row for a stored source, built now. */
export function indexRow(source: StoredSource): StoredIndex {
  return { id: source.id, version: SOURCE_INDEX_VERSION, contentHash: source.contentHash, data: packSourceIndex(buildSourceIndex(toSource(source))) };
}

/** True when a stored row may stand in for building the source's index. */
export function isCurrent(row: StoredIndex | undefined, source: StoredSource): row is StoredIndex {
  return (
    !!row &&
    row.version === SOURCE_INDEX_VERSION &&
    row.data.version === SOURCE_INDEX_VERSION &&
    row.data.id === source.id &&
    row.contentHash === source.contentHash
  );
}

/** Adds or replaces a source and its index row in one transaction. */
export async function putSource(db: LibraryDb, source: StoredSource): Promise<void> {
  const row = indexRow(source);
  await db.transaction('rw', db.sources, db.indexes, async () => {
    await db.sources.put(source);
    await db.indexes.put(row);
  });
}

/** Removes a source and its index row in one transaction. */
export async function removeSource(db: LibraryDb, id: string): Promise<void> {
  await db.transaction('rw', db.sources, db.indexes, async () => {
    await db.sources.delete(id);
    await db.indexes.delete(id);
  });
}

export interface LoadReport {
  loaded: string[]; // ids whose stored index was used
  built: string[]; // ids built now (missing, stale version or changed text) and written back
}

/**
 * The in-memory index of every stored source, from stored index rows where they are current.
 * Rows that had to be built are written back, each only if its source is still the same text.
 */
export async function loadLibraryIndex(
  db: LibraryDb,
): Promise<{ index: LibraryIndex; sources: StoredSource[]; report: LoadReport }> {
  const [sources, rows] = await db.transaction('r', db.sources, db.indexes, () =>
    Promise.all([db.sources.toArray(), db.indexes.toArray()]),
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const index = new LibraryIndex();
  const report: LoadReport = { loaded: [], built: [] };
  const fresh: StoredIndex[] = [];
  const items: { source: Source; data: SourceIndexData }[] = [];
  for (const s of sources) {
    const row = byId.get(s.id);
    let data: SourceIndexData | null = null;
    if (isCurrent(row, s)) {
      try {
        data = unpackSourceIndex(row.data);
        report.loaded.push(s.id);
      } catch {
        data = null; // a damaged row is rebuilt like a stale one
      }
    }
    if (!data) {
      data = buildSourceIndex(toSource(s));
      fresh.push({ id: s.id, version: SOURCE_INDEX_VERSION, contentHash: s.contentHash, data: packSourceIndex(data) });
      report.built.push(s.id);
    }
    items.push({ source: toSource(s), data });
  }
  index.addAll(items);
  if (fresh.length) {
    await db.transaction('rw', db.sources, db.indexes, async () => {
      for (const row of fresh) {
        const now = await db.sources.get(row.id);
        if (now && now.contentHash === row.contentHash) await db.indexes.put(row);
      }
    });
  }
  return { index, sources, report };
}
