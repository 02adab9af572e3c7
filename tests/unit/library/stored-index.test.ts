import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { LibraryDb, toStored } from '../../../lib/library/db';
import { installBuiltins } from '../../../lib/library/builtin';
import { loadLibraryIndex, putSource, removeSource } from '../../../lib/library/stored-index';
import { LibraryIndex, SOURCE_INDEX_VERSION, buildSourceIndex, checkQuote } from '../../../lib/match/index';
import { loadGold, loadSources } from '../match/corpus';

const sources = loadSources();
let n = 0;
const open: Dexie[] = [];
function name(): string {
  return `verbatim-stored-${++n}`;
}
afterEach(async () => {
  for (const d of open.splice(0)) await d.delete();
});

describe('schema upgrade from version 1', () => {
  it('keeps every source and adds a usable index table', async () => {
    const dbName = name();
    const v1 = new Dexie(dbName);
    v1.version(1).stores({ sources: 'id, origin, contentHash' });
    const stored = await Promise.all(sources.map((s) => toStored(s, 1000)));
    await v1.table('sources').bulkPut(stored);
    v1.close();

    const db = new LibraryDb(dbName);
    open.push(db);
    expect(await db.sources.count()).toBe(4);
    for (const s of stored) expect(await db.sources.get(s.id)).toEqual(s);
    expect(await db.indexes.count()).toBe(0);

    const { report } = await loadLibraryIndex(db);
    expect(report.built.sort()).toEqual(sources.map((s) => s.id).sort());
    const row = await db.indexes.get(sources[0].id);
    expect(row?.version).toBe(SOURCE_INDEX_VERSION);
    expect(row?.data.packed).toBeInstanceOf(Uint8Array);
    expect(row?.data.tokens).toBe(buildSourceIndex(sources[0]).tokenWords.length);
    expect(await db.indexes.where('version').equals(SOURCE_INDEX_VERSION).count()).toBe(4);
  });
});

describe('schema upgrade from version 2 (index rows of format 1)', () => {
  it('keeps every source, drops the old-format rows, and the next load rebuilds them in the new format', async () => {
    const dbName = name();
    const v2 = new Dexie(dbName);
    v2.version(2).stores({ sources: 'id, origin, contentHash', indexes: 'id, version' });
    const stored = await Promise.all(sources.map((s) => toStored(s, 1000)));
    await v2.table('sources').bulkPut(stored);
    // A row as format 1 wrote it: one key string per token.
    const old = stored[0];
    await v2.table('indexes').put({
      id: old.id,
      version: 1,
      contentHash: old.contentHash,
      data: { version: 1, id: old.id, tokenStarts: new Int32Array([0]), tokenEnds: new Int32Array([3]), tokenKeys: ['the'], fingerprints: new Uint32Array(0), fingerprintPositions: new Uint32Array(0), passages: [] },
    });
    v2.close();

    const db = new LibraryDb(dbName);
    open.push(db);
    expect(await db.sources.count()).toBe(4);
    for (const s of stored) expect(await db.sources.get(s.id)).toEqual(s);
    expect(await db.indexes.count()).toBe(0);

    const { index, report } = await loadLibraryIndex(db);
    expect(report.built.sort()).toEqual(sources.map((s) => s.id).sort());
    const row = (await db.indexes.get(old.id))!;
    expect(row.version).toBe(SOURCE_INDEX_VERSION);
    expect(row.data.packed).toBeInstanceOf(Uint8Array);
    expect(row.data.vocabulary.length).toBeGreaterThan(0);
    expect(index.sourceData(old.id)).toEqual(buildSourceIndex(sources[0]));
    const gold = loadGold();
    const q25 = gold.quotes.find((g) => g.id === 'q25')!;
    expect(checkQuote(index, q25.query).verdict).toBe('verbatim');
  });
});

describe('schema upgrade from version 4 (index rows of format 2)', () => {
  it('keeps every source and tombstone, drops the format-2 rows, and the next load stores format 3', async () => {
    const dbName = name();
    const v4 = new Dexie(dbName);
    v4.version(4).stores({ sources: 'id, origin, contentHash', indexes: 'id, version', removed: 'id' });
    const stored = await Promise.all(sources.map((s) => toStored(s, 1000)));
    await v4.table('sources').bulkPut(stored);
    await v4.table('removed').put({ id: 'gone-builtin', removedAt: 5 });
    // A row as format 2 wrote it: the in-memory typed arrays as they were.
    const old = stored[1];
    const f2 = { ...buildSourceIndex(sources[1]), version: 2 };
    await v4.table('indexes').put({ id: old.id, version: 2, contentHash: old.contentHash, data: f2 });
    v4.close();

    const db = new LibraryDb(dbName);
    open.push(db);
    for (const s of stored) expect(await db.sources.get(s.id)).toEqual(s);
    expect(await db.removed.toArray()).toEqual([{ id: 'gone-builtin', removedAt: 5 }]);
    expect(await db.indexes.count()).toBe(0);

    const { index, report } = await loadLibraryIndex(db);
    expect(report.built.sort()).toEqual(sources.map((s) => s.id).sort());
    const row = (await db.indexes.get(old.id))!;
    expect(row.version).toBe(SOURCE_INDEX_VERSION);
    expect(row.data.packed).toBeInstanceOf(Uint8Array);
    expect(index.sourceData(old.id)).toEqual(buildSourceIndex(sources[1]));
    expect((await loadLibraryIndex(db)).report.loaded).toHaveLength(4);
  });
});

describe('stored index rows', () => {
  it('are written with the builtins and used on the next load, typed arrays intact', async () => {
    const db = new LibraryDb(name());
    open.push(db);
    await installBuiltins(db, sources);
    expect(await db.indexes.count()).toBe(4);
    const { index, report } = await loadLibraryIndex(db);
    expect(report.built).toEqual([]);
    expect(report.loaded).toHaveLength(4);
    for (const s of sources) expect(index.sourceData(s.id)).toEqual(buildSourceIndex(s));
  });

  it('rebuilds and rewrites a stale version or a changed text', async () => {
    const db = new LibraryDb(name());
    open.push(db);
    await installBuiltins(db, sources);
    const [a, b] = sources.map((s) => s.id);
    const rowA = (await db.indexes.get(a))!;
    await db.indexes.put({ ...rowA, version: SOURCE_INDEX_VERSION - 1 });
    const rowB = (await db.indexes.get(b))!;
    await db.indexes.put({ ...rowB, contentHash: 'not-the-text' });

    const { index, report } = await loadLibraryIndex(db);
    expect(report.built.sort()).toEqual([a, b].sort());
    expect((await db.indexes.get(a))?.version).toBe(SOURCE_INDEX_VERSION);
    const sb = (await db.sources.get(b))!;
    expect((await db.indexes.get(b))?.contentHash).toBe(sb.contentHash);
    expect(index.sourceData(a)).toEqual(buildSourceIndex(sources[0]));
    expect((await loadLibraryIndex(db)).report.built).toEqual([]);
  });

  it('are smaller than the text, and a damaged row is rebuilt instead of trusted', async () => {
    const db = new LibraryDb(name());
    open.push(db);
    await installBuiltins(db, sources);
    for (const s of sources) {
      const row = (await db.indexes.get(s.id))!;
      const rowBytes = row.data.packed.byteLength + row.data.vocabulary.byteLength;
      expect(rowBytes).toBeLessThan(new TextEncoder().encode(s.text).byteLength);
    }
    const id = sources[2].id;
    const row = (await db.indexes.get(id))!;
    await db.indexes.put({ ...row, data: { ...row.data, packed: row.data.packed.subarray(0, row.data.packed.length - 3) } });
    const { index, report } = await loadLibraryIndex(db);
    expect(report.built).toEqual([id]);
    expect(index.sourceData(id)).toEqual(buildSourceIndex(sources[2]));
    expect((await db.indexes.get(id))!.data.packed.byteLength).toBe(row.data.packed.byteLength);
  });

  it('follow a source through put and remove', async () => {
    const db = new LibraryDb(name());
    open.push(db);
    const s = await toStored({ ...sources[0], origin: 'paste' });
    await putSource(db, s);
    expect((await db.indexes.get(s.id))?.contentHash).toBe(s.contentHash);
    const changed = await toStored({ ...sources[0], origin: 'paste', text: sources[0].text + '\nA new closing line.' });
    await putSource(db, changed);
    expect((await db.indexes.get(s.id))?.contentHash).toBe(changed.contentHash);
    await removeSource(db, s.id);
    expect(await db.sources.get(s.id)).toBeUndefined();
    expect(await db.indexes.get(s.id)).toBeUndefined();
  });
});

describe('checks from a stored-and-reloaded index', () => {
  it('give the same answers as a fresh index (gold q04, q25) and time build against load', async () => {
    const db = new LibraryDb(name());
    open.push(db);
    await installBuiltins(db, sources);
    const fresh = LibraryIndex.fromSources(sources);
    const t0 = performance.now();
    const { index: loaded, report } = await loadLibraryIndex(db);
    const tLoad = performance.now() - t0;
    expect(report.loaded).toHaveLength(4);
    const t1 = performance.now();
    for (const s of sources) buildSourceIndex(s);
    const tBuild = performance.now() - t1;
    console.log(`four sources: build ${tBuild.toFixed(1)} ms, load from IndexedDB ${tLoad.toFixed(1)} ms (incl. LibraryIndex.add)`);

    const gold = loadGold();
    for (const id of ['q04', 'q25']) {
      const q = gold.quotes.find((g) => g.id === id)!;
      const a = checkQuote(fresh, q.query);
      const b = checkQuote(loaded, q.query);
      expect(b).toEqual(a);
      expect(b.match?.sourceId).toBeTruthy();
    }
    const q25 = checkQuote(loaded, gold.quotes.find((g) => g.id === 'q25')!.query);
    expect(q25.verdict).toBe('verbatim');
  });
});
