// The snapshot holding the index rows: one stored value a cold start reads in place of a row per
// source. Each row is stored once, in the snapshot or as a separate row written since (which wins
// for its source). Loads must give the very index the rows give, whatever the snapshot holds.
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { LibraryDb, SNAPSHOT_ROW, type StoredIndex, type StoredSnapshot, toSource, toStored } from '../../../lib/library/db';
import { readSources } from '../../../lib/library/stored-texts';
import { installBuiltins } from '../../../lib/library/builtin';
import { removeSources, restoreRemoval } from '../../../lib/library/removal';
import { serialize } from 'node:v8';
import { SNAPSHOT_FORMAT, loadLibraryIndex, putSource, storeSnapshot } from '../../../lib/library/stored-index';
import { LibraryIndex, checkQuote } from '../../../lib/match/index';
import { LibraryService } from '../../../entrypoints/background/library-service';
import { loadGold, loadSources } from '../match/corpus';
import { expectSameData } from './index-data';
import { quoteContext } from '../../../lib/quotes/index';
import { generatePages } from '../../../scripts/eval/generate';
import { loadSotuLibrary } from '../../../scripts/eval/library';
import { LEXICON_ROW } from '../../../lib/library/db';
import { unpackLexiconFacts, unpackLexiconStems } from '../../../lib/match/packed-lexicon';
import { hashKey } from '../../../lib/match/fingerprints';
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

/** The built-in sources stored, loaded once, and the rows that load offered folded into the snapshot. */
async function withSnapshot(): Promise<{ db: LibraryDb; snapshot: StoredSnapshot }> {
  const db = freshDb();
  await installBuiltins(db, sources);
  const first = await loadLibraryIndex(db);
  expect(first.report.fromRows).toHaveLength(sources.length);
  expect(first.report.snapshot).not.toBeNull();
  const wrote = await storeSnapshot(db, first.report.snapshot!);
  expect(wrote.held).toBe(sources.length);
  expect(await db.indexes.count()).toBe(0);
  return { db, snapshot: (await db.snapshot.get(SNAPSHOT_ROW))! };
}

/** Every gold quote answers as from an index built afresh from these sources. */
function expectAnswersOf(index: LibraryIndex, library: typeof sources): void {
  const fresh = LibraryIndex.fromSources(library);
  for (const q of gold.quotes) expect(checkQuote(index, q.query)).toEqual(checkQuote(fresh, q.query));
}

/** The bytes of these rows as IndexedDB keeps them (structured-cloned). */
function bytesOf(rows: readonly StoredIndex[]): number {
  return rows.reduce((sum, row) => sum + serialize(row).byteLength, 0);
}

describe('the snapshot holding the index rows', () => {
  it('takes the rows out of the indexes table over the whole State of the Union library: stored once, same records, same data, same answers', async () => {
    const sotu = loadSotuLibrary();
    const plain = LibraryIndex.fromSources(sotu);
    const { name } = await storeLibrary(sotu, plain);
    const db = new LibraryDb(name);
    open.push(db);
    const rowsBytes = bytesOf(await db.indexes.toArray());
    const first = await loadLibraryIndex(db);
    expect(first.report.fromRows).toHaveLength(sotu.length);
    const offered = first.report.snapshot!;
    expect(offered.format).toBe(SNAPSHOT_FORMAT);
    expect(offered.rows.map((r) => r.id)).toEqual((await db.indexes.toArray()).map((r) => r.id));
    const wrote = await storeSnapshot(db, offered);
    expect(wrote.held).toBe(sotu.length);
    expect(wrote.folded).toHaveLength(sotu.length);

    // Each row stored once: none left in the indexes table, and the snapshot's rows weigh what the rows did.
    expect(await db.indexes.count()).toBe(0);
    const stored = (await db.snapshot.get(SNAPSHOT_ROW))!;
    expect(bytesOf(stored.rows)).toBe(rowsBytes);
    const snapshotBytes = serialize(stored).byteLength;
    expect(snapshotBytes).toBeGreaterThanOrEqual(rowsBytes * 0.99);
    expect(snapshotBytes).toBeLessThan(rowsBytes * 1.01);

    const seen: string[] = [];
    const { index, report, sources: records } = await loadLibraryIndex(db, (phase) => seen.push(phase));
    expect(report.fromSnapshot).toHaveLength(sotu.length);
    expect(report.fromRows).toEqual([]);
    expect(report.snapshot).toBeNull(); // everything came from the snapshot unchanged: nothing to write
    expect(report.built).toEqual([]);
    expect(seen).toEqual(['opened', 'lexicon-read', 'lexicon', 'rows-read', 'unpacked', 'added', 'sources-read', 'built']);
    for (const s of records) expect(index.source(s.id)).toEqual(toSource(s));
    for (const s of sotu) expectSameData(index.sourceData(s.id), plain.sourceData(s.id)!);
    const queries = generatePages(sotu, { seed: 5, pages: 2, quotesPerPage: 40 }).flatMap((page) =>
      page.quotes.map((q) => ({ text: q.text, attribution: q.attribution, ...quoteContext(page.text, q) })),
    );
    for (const q of queries) expect(checkQuote(index, q)).toEqual(checkQuote(plain, q));
  }, 240_000);

  it('an import after the snapshot is a separate row: the next load takes it, and the following snapshot folds it in', async () => {
    const { db } = await withSnapshot();
    const own = { ...sources[0], id: 'own-copy', title: 'An own copy' };
    await putSource(db, await toStored(own, 3000));
    expect((await db.indexes.toArray()).map((r) => r.id)).toEqual(['own-copy']);
    const loaded = await loadLibraryIndex(db);
    expect(loaded.report.fromRows).toEqual(['own-copy']);
    expect(loaded.report.fromSnapshot).toHaveLength(sources.length);
    expect(loaded.report.built).toEqual([]);
    expectAnswersOf(loaded.index, [...sources, own]);
    const wrote = await storeSnapshot(db, loaded.report.snapshot!);
    expect(wrote).toEqual({ held: sources.length + 1, folded: ['own-copy'] });
    expect(await db.indexes.count()).toBe(0);
    const again = await loadLibraryIndex(db);
    expect(again.report.fromSnapshot).toHaveLength(sources.length + 1);
    expect(again.report.snapshot).toBeNull();
    expectAnswersOf(again.index, [...sources, own]);
  });

  it('a source changed after the snapshot: its newer separate row wins, and is not folded over by a load older than it', async () => {
    const { db } = await withSnapshot();
    const changed = { ...sources[1], text: `${sources[1].text}\n\nA closing line added later.` };
    const library = sources.map((s) => (s.id === changed.id ? changed : s));
    await putSource(db, await toStored(changed, 2000));
    const loaded = await loadLibraryIndex(db);
    expect(loaded.report.fromRows).toEqual([changed.id]);
    expect(loaded.report.built).toEqual([]);
    expectAnswersOf(loaded.index, library);

    // Changed once more between that load and its snapshot write: the newer row stays separate.
    const twice = { ...changed, text: `${changed.text}\n\nAnd one more.` };
    await putSource(db, await toStored(twice, 2500));
    const wrote = await storeSnapshot(db, loaded.report.snapshot!);
    expect(wrote.folded).toEqual([]);
    expect(wrote.held).toBe(sources.length - 1);
    expect((await db.indexes.toArray()).map((r) => r.id)).toEqual([twice.id]);
    const after = await loadLibraryIndex(db);
    expect(after.report.fromRows).toEqual([twice.id]);
    expect(after.report.built).toEqual([]);
    expectAnswersOf(after.index, sources.map((s) => (s.id === twice.id ? twice : s)));
  });

  it('remove and undo: the same answers, whether the snapshot still holds the row or was rewritten meanwhile', async () => {
    const { db } = await withSnapshot();
    const gone = sources[0].id;
    // Undone at once: the row is still in the snapshot, and the source's hash is the same.
    let removal = await removeSources(db, [gone]);
    expect(removal.indexes).toEqual([]); // no separate row to keep: it lives in the snapshot
    await restoreRemoval(db, removal);
    let loaded = await loadLibraryIndex(db);
    expect(loaded.report.built).toEqual([]);
    expect(loaded.report.snapshot).toBeNull();
    expectAnswersOf(loaded.index, sources);

    // A load between removal and undo rewrites the snapshot without the removed source's row.
    removal = await removeSources(db, [gone]);
    loaded = await loadLibraryIndex(db);
    expect(loaded.index.has(gone)).toBe(false);
    expectAnswersOf(loaded.index, sources.slice(1));
    expect(loaded.report.snapshot).not.toBeNull(); // the snapshot held a row for a source no longer stored
    await storeSnapshot(db, loaded.report.snapshot!);
    expect((await db.snapshot.get(SNAPSHOT_ROW))!.rows.map((r) => r.id)).not.toContain(gone);
    await restoreRemoval(db, removal);
    loaded = await loadLibraryIndex(db);
    expect(loaded.report.built).toEqual([gone]); // no row anywhere: built and written back
    expectAnswersOf(loaded.index, sources);
    expect((await db.indexes.toArray()).map((r) => r.id)).toEqual([gone]);
    await storeSnapshot(db, loaded.report.snapshot!);
    expect(await db.indexes.count()).toBe(0);
    loaded = await loadLibraryIndex(db);
    expect(loaded.report.fromSnapshot).toHaveLength(sources.length);
    expectAnswersOf(loaded.index, sources);
  });

  it('damaged, of another format or of another lexicon: its rows are rebuilt, the answers are the same, and the next snapshot replaces it', async () => {
    const { db, snapshot } = await withSnapshot();
    const [a] = snapshot.rows;
    const all = sources.map((s) => s.id).sort();
    const damaged: Array<{ bad: StoredSnapshot; built: string[] }> = [
      { bad: { ...snapshot, format: SNAPSHOT_FORMAT + 1 }, built: all },
      { bad: { ...snapshot, generation: 'another-lexicon' }, built: all },
      { bad: { ...snapshot, rows: [] }, built: all },
      { bad: { ...snapshot, rows: 'not rows' as unknown as StoredSnapshot['rows'] }, built: all },
      { bad: { ...snapshot, rows: [{ ...a, data: { ...a.data, words: a.data.words.slice(1) } }, ...snapshot.rows.slice(1)] }, built: [a.id] },
      { bad: { ...snapshot, rows: [{ ...a, data: { ...a.data, lexicon: 'another-lexicon' } }, ...snapshot.rows.slice(1)] }, built: [a.id] },
      { bad: { ...snapshot, rows: [{ ...a, contentHash: 'another-text' }, ...snapshot.rows.slice(1)] }, built: [a.id] },
      { bad: { ...snapshot, rows: [null as unknown as StoredSnapshot['rows'][number], ...snapshot.rows.slice(1)] }, built: [a.id] },
      { bad: { ...snapshot, rows: [...snapshot.rows].reverse() }, built: [] }, // out of order, yet whole: each row still taken
    ];
    for (const { bad, built } of damaged) {
      await db.snapshot.put(bad);
      const { index, report } = await loadLibraryIndex(db);
      expect([...report.built].sort()).toEqual(built);
      expect(index.size).toBe(sources.length);
      expectAnswersOf(index, sources);
      if (built.length === 0) continue;
      expect(report.snapshot).not.toBeNull(); // offered afresh, to replace the bad one
      await storeSnapshot(db, report.snapshot!);
      expect(await db.indexes.count()).toBe(0);
      const again = await loadLibraryIndex(db);
      expect(again.report.fromSnapshot).toHaveLength(sources.length);
      expectAnswersOf(again.index, sources);
    }
  });

  it('a load that had to build a row offers it at once with the rest', async () => {
    const db = freshDb();
    await installBuiltins(db, sources);
    await db.indexes.delete(sources[2].id);
    const first = await loadLibraryIndex(db);
    expect(first.report.built).toEqual([sources[2].id]);
    expect(first.report.snapshot!.rows.map((r) => r.id)).toEqual(sources.map((s) => s.id).sort());
    await storeSnapshot(db, first.report.snapshot!);
    expect(await db.indexes.count()).toBe(0);
    const next = await loadLibraryIndex(db);
    expect(next.report.fromSnapshot).toHaveLength(sources.length);
    expect(next.report.snapshot).toBeNull();
  });
});

describe('schema upgrade from version 6 (before the snapshot)', () => {
  it('keeps every source, row, tombstone and the lexicon; the next load takes the rows and its snapshot moves them in', async () => {
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
    expect(report.fromRows).toHaveLength(sources.length);
    expect(report.built).toEqual([]);
    expectAnswersOf(index, sources);
    await storeSnapshot(db, report.snapshot!);
    expect(await db.indexes.count()).toBe(0);
    expect((await db.snapshot.get(SNAPSHOT_ROW))!.rows).toEqual(before.indexes); // the very rows, moved
    const again = await loadLibraryIndex(db);
    expect(again.report.fromSnapshot).toHaveLength(sources.length);
    expectAnswersOf(again.index, sources);
  });
});

describe('a lexicon row stored before the word facts were (the sixth pass\'s form)', () => {
  it('loads to the same index, and the fold completes the row: the same words, stems and generation byte for byte, rows and sources untouched', async () => {
    const { db, snapshot } = await withSnapshot();
    const current = (await db.lexicon.get(LEXICON_ROW))!;
    expect(unpackLexiconFacts(current)).not.toBeNull();
    const { facts: _f, hashes: _h, stopWords: _s, stemHashes: _sh, factsChecksum: _c, ...older } = current;
    await db.lexicon.put(older);
    const storedSources = await db.sources.toArray();

    const { index, report } = await loadLibraryIndex(db);
    expect(report.built).toEqual([]);
    expect(report.fromSnapshot).toHaveLength(sources.length);
    expectAnswersOf(index, sources);
    expect([...index.lexicon.hashes]).toEqual(index.lexicon.keys.map(hashKey));
    expect(report.snapshot).not.toBeNull(); // offered so that the fold completes the lexicon row
    await storeSnapshot(db, report.snapshot!);

    const completed = (await db.lexicon.get(LEXICON_ROW))!;
    expect(completed.generation).toBe(older.generation);
    expect(completed.words).toEqual(older.words);
    expect(completed.checksum).toBe(older.checksum);
    expect(unpackLexiconStems(completed)).toEqual(unpackLexiconStems(older));
    expect(unpackLexiconFacts(completed)).toEqual(unpackLexiconFacts(current));
    const after = (await db.snapshot.get(SNAPSHOT_ROW))!;
    expect(after.rows).toEqual(snapshot.rows);
    expect(bytesOf(after.rows)).toBe(bytesOf(snapshot.rows));
    expect(await db.sources.toArray()).toEqual(storedSources);

    const again = await loadLibraryIndex(db);
    expect(again.report.snapshot).toBeNull(); // complete now: nothing to fold
    expectAnswersOf(again.index, sources);
  });

  it('a fold leaves a lexicon row of another generation alone', async () => {
    const { db } = await withSnapshot();
    const current = (await db.lexicon.get(LEXICON_ROW))!;
    const { facts: _f, hashes: _h, stopWords: _s, stemHashes: _sh, factsChecksum: _c, ...older } = current;
    await db.lexicon.put(older);
    const { report } = await loadLibraryIndex(db);
    await db.lexicon.put({ ...older, generation: 'another' });
    await storeSnapshot(db, report.snapshot!);
    expect(await db.lexicon.get(LEXICON_ROW)).toEqual({ ...older, generation: 'another' });
  });
});

describe('LibraryService and the snapshot', () => {
  it('moves the rows into the snapshot a while after a load that took them one by one; the next worker reads it', async () => {
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
    expect(await db.indexes.count()).toBe(0);
    const again = await loadLibraryIndex(db);
    expect(again.report.fromSnapshot).toHaveLength(await db.sources.count());
    const q = gold.quotes.find((g) => g.id === 'q25')!;
    const plain = LibraryIndex.fromSources((await readSources(db)).sources.map(toSource));
    const answer = (await new LibraryService(db).check([q.query])).checks[0];
    expect(answer.verdict).toBe('verbatim');
    expect(answer).toEqual(checkQuote(plain, q.query));
  }, 30_000);
});
