// The snapshot of the index rows: one stored value a cold start reads in place of a row per
// source. It must give the very index the rows give, and never be trusted when it is not the
// library that is read with it (damaged, of another format or lexicon, or the library changed).
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { LibraryDb, SNAPSHOT_ROW, type StoredSnapshot, toSource, toStored } from '../../../lib/library/db';
import { installBuiltins } from '../../../lib/library/builtin';
import { removeSources } from '../../../lib/library/removal';
import { SNAPSHOT_FORMAT, loadLibraryIndex, putSource, storeSnapshot } from '../../../lib/library/stored-index';
import { LibraryIndex, checkQuote } from '../../../lib/match/index';
import type { SourceIndexData } from '../../../lib/match/library-index';
import { LibraryService } from '../../../entrypoints/background/library-service';
import { loadGold, loadSources } from '../match/corpus';
import { quoteContext } from '../../../lib/quotes/index';
import { generatePages } from '../../../scripts/eval/generate';
import { loadSotuLibrary } from '../../../scripts/eval/library';
import { storeLibrary } from '../../../scripts/bench/cold-start';

const sources = loadSources();
const gold = loadGold();
let n = 0;
const open: Dexie[] = [];
function freshDb(): LibraryDb {
  const db = new LibraryDb(`verbatim-snapshot-${++n}`);
  open.push(db);
  return db;
}
afterEach(async () => {
  for (const d of open.splice(0)) await d.delete();
});

/** The same index data, token for token. */
function expectSameData(a: SourceIndexData | undefined, b: SourceIndexData): void {
  expect(a).toBeDefined();
  const keys = (d: SourceIndexData) => Array.from(d.tokenWords, (w) => d.vocabulary[w]);
  expect(keys(a!)).toEqual(keys(b));
  expect(a!.tokenStarts).toEqual(b.tokenStarts);
  expect(a!.tokenEnds).toEqual(b.tokenEnds);
  expect(a!.fingerprints).toEqual(b.fingerprints);
  expect(a!.fingerprintPositions).toEqual(b.fingerprintPositions);
  expect(a!.passages).toEqual(b.passages);
}

/** The built-in sources stored, loaded once, and the snapshot that load offered stored. */
async function withSnapshot(): Promise<{ db: LibraryDb; snapshot: StoredSnapshot }> {
  const db = freshDb();
  await installBuiltins(db, sources);
  const first = await loadLibraryIndex(db);
  expect(first.report.rowsFrom).toBe('rows');
  expect(first.report.snapshot).not.toBeNull();
  await storeSnapshot(db, first.report.snapshot!);
  return { db, snapshot: (await db.snapshot.get(SNAPSHOT_ROW))! };
}

/** Every gold quote answers as from an index built afresh from these sources. */
function expectAnswersOf(index: LibraryIndex, library: typeof sources): void {
  const fresh = LibraryIndex.fromSources(library);
  for (const q of gold.quotes) expect(checkQuote(index, q.query)).toEqual(checkQuote(fresh, q.query));
}

describe('the snapshot of the index rows', () => {
  it('read back stands in for the rows over the whole State of the Union library: same records, same data, same answers', async () => {
    const sotu = loadSotuLibrary();
    const plain = LibraryIndex.fromSources(sotu);
    const { name } = await storeLibrary(sotu, plain);
    const db = new LibraryDb(name);
    open.push(db);
    const first = await loadLibraryIndex(db);
    expect(first.report.rowsFrom).toBe('rows');
    const offered = first.report.snapshot!;
    expect(offered.format).toBe(SNAPSHOT_FORMAT);
    expect(offered.rows.map((r) => r.id)).toEqual((await db.indexes.toArray()).map((r) => r.id));
    await storeSnapshot(db, offered);

    const seen: string[] = [];
    const { index, report, sources: stored } = await loadLibraryIndex(db, (phase) => seen.push(phase));
    expect(report.rowsFrom).toBe('snapshot');
    expect(report.snapshot).toBeNull(); // nothing to store again
    expect(report.built).toEqual([]);
    expect(report.loaded).toHaveLength(sotu.length);
    expect(seen).toEqual(['opened', 'lexicon-read', 'lexicon', 'rows-read', 'unpacked', 'added', 'sources-read', 'built']);
    for (const s of stored) expect(index.source(s.id)).toEqual(toSource(s));
    for (const s of sotu) expectSameData(index.sourceData(s.id), plain.sourceData(s.id)!);
    const queries = generatePages(sotu, { seed: 5, pages: 2, quotesPerPage: 40 }).flatMap((page) =>
      page.quotes.map((q) => ({ text: q.text, attribution: q.attribution, ...quoteContext(page.text, q) })),
    );
    for (const q of queries) expect(checkQuote(index, q)).toEqual(checkQuote(plain, q));
  }, 240_000);

  it('damaged, of another format or of another lexicon: not trusted, the rows are read instead and the answers are the same', async () => {
    const { db, snapshot } = await withSnapshot();
    const [a] = snapshot.rows;
    const damaged: StoredSnapshot[] = [
      { ...snapshot, format: SNAPSHOT_FORMAT + 1 },
      { ...snapshot, generation: 'another-lexicon' },
      { ...snapshot, rows: [] },
      { ...snapshot, rows: 'not rows' as unknown as StoredSnapshot['rows'] },
      { ...snapshot, rows: [...snapshot.rows].reverse() },
      { ...snapshot, rows: [{ ...a, data: { ...a.data, words: a.data.words.slice(1) } }, ...snapshot.rows.slice(1)] },
      { ...snapshot, rows: [{ ...a, data: { ...a.data, lexicon: 'another-lexicon' } }, ...snapshot.rows.slice(1)] },
      { ...snapshot, rows: [{ ...a, contentHash: 'another-text' }, ...snapshot.rows.slice(1)] },
      { ...snapshot, rows: [null as unknown as StoredSnapshot['rows'][number], ...snapshot.rows.slice(1)] },
    ];
    for (const bad of damaged) {
      await db.snapshot.put(bad);
      const { index, report } = await loadLibraryIndex(db);
      expect(report.rowsFrom).toBe('rows');
      expect(report.built).toEqual([]); // the rows themselves are whole
      expect(report.snapshot).not.toBeNull(); // offered afresh, to replace the bad one
      expect(index.size).toBe(sources.length);
      expectAnswersOf(index, sources);
    }
  });

  it('of a library changed since (a text, a removal, an addition): not trusted, and the next snapshot is of the library as it is', async () => {
    const { db } = await withSnapshot();
    // A text changed, its row rewritten with it: the snapshot still holds the old row.
    const changed = { ...sources[1], text: `${sources[1].text}\n\nA closing line added later.` };
    await putSource(db, await toStored(changed, 2000));
    let loaded = await loadLibraryIndex(db);
    expect(loaded.report.rowsFrom).toBe('rows');
    expect(loaded.report.built).toEqual([]);
    const library = sources.map((s) => (s.id === changed.id ? changed : s));
    expectAnswersOf(loaded.index, library);
    await storeSnapshot(db, loaded.report.snapshot!);
    expect((await loadLibraryIndex(db)).report.rowsFrom).toBe('snapshot');

    // A source removed (its row goes with it), then an own source added.
    await removeSources(db, [sources[0].id]);
    loaded = await loadLibraryIndex(db);
    expect(loaded.report.rowsFrom).toBe('rows');
    expect(loaded.index.has(sources[0].id)).toBe(false);
    expectAnswersOf(loaded.index, library.slice(1));
    await storeSnapshot(db, loaded.report.snapshot!);
    const own = { ...sources[0], id: 'own-copy', title: 'An own copy' };
    await putSource(db, await toStored(own, 3000));
    loaded = await loadLibraryIndex(db);
    expect(loaded.report.rowsFrom).toBe('rows');
    expect(loaded.index.has('own-copy')).toBe(true);
    expectAnswersOf(loaded.index, [own, ...library.slice(1)]);
  });

  it('is not offered when a row had to be built: the next load, with every row current, offers it', async () => {
    const db = freshDb();
    await installBuiltins(db, sources);
    await db.indexes.delete(sources[2].id);
    const first = await loadLibraryIndex(db);
    expect(first.report.built).toEqual([sources[2].id]);
    expect(first.report.snapshot).toBeNull();
    expect((await loadLibraryIndex(db)).report.snapshot).not.toBeNull();
  });
});

describe('schema upgrade from version 6 (before the snapshot)', () => {
  it('keeps every source, row, tombstone and the lexicon; the next load reads the rows and offers the first snapshot', async () => {
    // A version-6 profile, filled by the current code and then taken back to its version-6 form.
    const name = `verbatim-snapshot-${++n}`;
    const filled = new LibraryDb(name);
    await installBuiltins(filled, sources);
    await filled.removed.put({ id: 'gone-builtin', removedAt: 5 });
    const before = {
      sources: await filled.sources.toArray(),
      indexes: await filled.indexes.toArray(),
      lexicon: await filled.lexicon.toArray(),
    };
    await filled.delete();
    const v6 = new Dexie(name);
    v6.version(6).stores({ sources: 'id, origin, contentHash', indexes: 'id, version', removed: 'id', lexicon: 'id' });
    await v6.table('sources').bulkPut(before.sources);
    await v6.table('indexes').bulkPut(before.indexes);
    await v6.table('lexicon').bulkPut(before.lexicon);
    await v6.table('removed').put({ id: 'gone-builtin', removedAt: 5 });
    v6.close();

    const db = new LibraryDb(name);
    open.push(db);
    expect(await db.sources.toArray()).toEqual(before.sources);
    expect(await db.indexes.toArray()).toEqual(before.indexes);
    expect(await db.lexicon.toArray()).toEqual(before.lexicon);
    expect(await db.removed.toArray()).toEqual([{ id: 'gone-builtin', removedAt: 5 }]);
    expect(await db.snapshot.count()).toBe(0);
    const { index, report } = await loadLibraryIndex(db);
    expect(report.rowsFrom).toBe('rows');
    expect(report.loaded).toHaveLength(sources.length);
    expect(report.snapshot).not.toBeNull();
    expectAnswersOf(index, sources);
  });
});

describe('LibraryService and the snapshot', () => {
  it('stores the snapshot a while after a load that read the rows one by one; the next worker reads it', async () => {
    const db = freshDb();
    await new LibraryService(db).installBuiltins(async (file) => {
      const { readFile } = await import('node:fs/promises');
      const { join } = await import('node:path');
      return readFile(join(__dirname, '../../../public/sources', file), 'utf8');
    });
    const worker = new LibraryService(db);
    await worker.warmUp();
    expect(await db.snapshot.count()).toBe(0); // not yet: the first answers come first
    for (let i = 0; i < 100 && (await db.snapshot.count()) === 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(await db.snapshot.count()).toBe(1);
    const again = await loadLibraryIndex(db);
    expect(again.report.rowsFrom).toBe('snapshot');
    const q = gold.quotes.find((g) => g.id === 'q25')!;
    const plain = LibraryIndex.fromSources((await db.sources.toArray()).map(toSource));
    const answer = (await new LibraryService(db).check([q.query])).checks[0];
    expect(answer.verdict).toBe('verbatim');
    expect(answer).toEqual(checkQuote(plain, q.query));
  }, 30_000);
});
