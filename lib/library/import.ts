// Adding sources to the library, all or nothing: every source of one import, its index row and
// the lexicon words the rows add are written in a single transaction, so a failure partway (a full disk, a closed database)
// leaves the library exactly as it was. The same text twice is recognised by its content hash
// and stored once.
import type { Source } from '../types';
import { type LibraryDb, type StoredSource, toStored } from './db';
import { type PendingIndex, prepareIndex, writeIndexRows } from './stored-index';

export interface ImportReport {
  added: StoredSource[];
  /** Sources whose text the library already held (or that appeared twice in this import). */
  duplicates: { title: string; existingId: string }[];
}

/** A source as an import brings it: the text, its metadata, and for PDFs the page starts. */
export type IncomingSource = Source & { pageStarts?: number[]; addedAt?: number };

/** A readable id for a new source: its title's words, then a short random tail so ids never collide. */
export function newSourceId(title: string): string {
  const slug = title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  const tail = Math.random().toString(36).slice(2, 8).padEnd(6, '0');
  return `${slug || 'source'}-${tail}`;
}

/** Puts the sources into the library in one transaction; returns what was added and what was already there. */
export async function importSources(db: LibraryDb, incoming: IncomingSource[], now: number = Date.now()): Promise<ImportReport> {
  // Hashes and index rows are computed before the transaction opens: IndexedDB commits a transaction left idle.
  const prepared: { stored: StoredSource; index: PendingIndex }[] = [];
  for (const source of incoming) {
    const { pageStarts, addedAt, ...plain } = source;
    const stored = await toStored(plain, addedAt ?? now);
    if (pageStarts) stored.pageStarts = [...pageStarts];
    prepared.push({ stored, index: prepareIndex(stored) });
  }
  const report: ImportReport = { added: [], duplicates: [] };
  await db.transaction('rw', db.sources, db.indexes, db.lexicon, async () => {
    const seen = new Map<string, string>();
    const rows: PendingIndex[] = [];
    for (const item of prepared) {
      const { stored } = item;
      const existing = seen.get(stored.contentHash) ?? (await db.sources.where('contentHash').equals(stored.contentHash).first())?.id;
      if (existing !== undefined) {
        report.duplicates.push({ title: stored.title, existingId: existing });
        continue;
      }
      // An id already taken by another text gets a fresh one: an import never replaces a source.
      if (await db.sources.get(stored.id)) {
        stored.id = newSourceId(stored.title);
        item.index = { ...item.index, id: stored.id, data: { ...item.index.data, id: stored.id } };
      }
      await db.sources.add(stored);
      rows.push(item.index);
      seen.set(stored.contentHash, stored.id);
      report.added.push(stored);
    }
    await writeIndexRows(db, rows);
  });
  return report;
}
