// The built-in catalogue: the source documents that ship inside the extension (public/sources/).
// `catalogue.json` lists their ids; each id has `<id>.txt` (the text) and `<id>.json` (metadata).
// Reading the files is left to the caller (fetch in the extension, fs in tests), so this module
// stays free of any browser or Node API.
import type { Source } from '../types';
import { type LibraryDb, toStored } from './db';
import { type PendingIndex, prepareIndex, writeIndexRows } from './stored-index';

/** Reads a file of the catalogue folder by its name, e.g. `catalogue.json`. */
export type ReadCatalogueFile = (name: string) => Promise<string>;

const ID = /^[a-z0-9][a-z0-9._-]{0,99}$/;

function str(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/** The ids listed in `catalogue.json`; throws on a malformed catalogue rather than loading half of it. */
export function parseCatalogue(json: string): string[] {
  const data: unknown = JSON.parse(json);
  const ids = (data as { sources?: unknown } | null)?.sources;
  if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string' && ID.test(id))) {
    throw new Error('catalogue.json: "sources" must be a list of ids');
  }
  return ids as string[];
}

/** One built-in source from its text and its `<id>.json`: always an excerpt-or-not as stated, origin builtin. */
export function builtinSource(id: string, text: string, metaJson: string): Source {
  const meta = JSON.parse(metaJson) as Record<string, unknown>;
  if (meta.id !== undefined && meta.id !== id) throw new Error(`${id}.json names another id: ${String(meta.id)}`);
  const title = str(meta.title);
  if (!title) throw new Error(`${id}.json has no title`);
  return {
    id,
    type: str(meta.type) ?? 'other',
    title,
    publisher: str(meta.publisher),
    author: str(meta.author),
    speaker: str(meta.speaker),
    published: str(meta.published),
    url: str(meta.url),
    licence: str(meta.licence),
    coverage: str(meta.coverage),
    // The shipped documents are excerpts of longer originals; a catalogue entry may say otherwise.
    excerpt: typeof meta.excerpt === 'boolean' ? meta.excerpt : true,
    origin: 'builtin',
    text: text.replace(/\r\n?/g, '\n'),
  };
}

export async function loadCatalogue(read: ReadCatalogueFile): Promise<Source[]> {
  const ids = parseCatalogue(await read('catalogue.json'));
  return Promise.all(
    ids.map(async (id) => builtinSource(id, await read(`${id}.txt`), await read(`${id}.json`))),
  );
}

export interface InstallReport {
  added: string[];
  updated: string[]; // built-in copies whose text or metadata changed with an update
  kept: string[]; // already current, or replaced by the user: left alone
  skipped: string[]; // removed by the user earlier (a tombstone): not brought back
}

/**
 * Puts the catalogue into the library, keyed by id, in one transaction: installing twice adds
 * nothing, a source the user replaced (any origin other than 'builtin') is never overwritten, and
 * one the user removed (see removal.ts) stays removed.
 */
export async function installBuiltins(db: LibraryDb, sources: Source[], now: number = Date.now()): Promise<InstallReport> {
  const stored = await Promise.all(sources.map((s) => toStored(s, now)));
  const report: InstallReport = { added: [], updated: [], kept: [], skipped: [] };
  // Index rows are built before the transaction opens: IndexedDB commits a transaction left idle.
  const built = new Map(stored.map((s) => [s.id, prepareIndex(s)]));
  await db.transaction('rw', db.sources, db.indexes, db.removed, db.lexicon, async () => {
    const rows: PendingIndex[] = [];
    for (const next of stored) {
      if (await db.removed.get(next.id)) {
        report.skipped.push(next.id);
        continue;
      }
      const current = await db.sources.get(next.id);
      if (!current) {
        await db.sources.put(next);
        rows.push(built.get(next.id)!);
        report.added.push(next.id);
      } else if (current.origin !== 'builtin' || sameBuiltin(current, next)) {
        report.kept.push(next.id);
      } else {
        await db.sources.put({ ...next, addedAt: current.addedAt });
        rows.push(built.get(next.id)!);
        report.updated.push(next.id);
      }
    }
    await writeIndexRows(db, rows);
  });
  return report;
}

function sameBuiltin(a: Omit<Source, 'text'> & { contentHash: string }, b: Omit<Source, 'text'> & { contentHash: string }): boolean {
  return (
    a.contentHash === b.contentHash &&
    a.title === b.title &&
    a.publisher === b.publisher &&
    a.author === b.author &&
    a.speaker === b.speaker &&
    a.published === b.published &&
    a.url === b.url &&
    a.excerpt === b.excerpt &&
    a.coverage === b.coverage &&
    a.licence === b.licence &&
    a.type === b.type
  );
}
