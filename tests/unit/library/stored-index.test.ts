import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { LEXICON_ROW, LibraryDb, SNAPSHOT_ROW, type StoredIndex, type StoredSnapshot, toSource, toStored } from '../../../lib/library/db';
import { unpackPassages } from '../../../lib/library/packed-passages';
import { installBuiltins } from '../../../lib/library/builtin';
import { importSources } from '../../../lib/library/import';
import { removeSources } from '../../../lib/library/removal';
import { SNAPSHOT_FORMAT, loadLibraryIndex, prepareIndex, putSource, removeSource, writeIndexRows } from '../../../lib/library/stored-index';
import { LibraryIndex, SOURCE_INDEX_VERSION, buildSourceIndex, checkQuote } from '../../../lib/match/index';
import { Lexicon } from '../../../lib/match/lexicon';
import { packLexicon, unpackLexicon, unpackLexiconStems } from '../../../lib/match/packed-lexicon';
import { STEMMER_VERSION } from '../../../lib/text/stopwords';
import { loadGold, loadSources } from '../match/corpus';
import { expectSameData } from './index-data';
import { stemWordsOf } from '../match/lexicon-fields';
import { quoteContext } from '../../../lib/quotes/index';
import { generatePages } from '../../../scripts/eval/generate';
import { loadSotuLibrary } from '../../../scripts/eval/library';
import { storeLibrary } from '../../../scripts/bench/cold-start';

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
    expect(row?.data.offsets).toBeInstanceOf(Uint8Array);
    expect(row?.data.tokens).toBe(buildSourceIndex(sources[0]).tokenWords.length);
    expect(row?.data.lexicon).toBe((await db.lexicon.get(LEXICON_ROW))?.generation);
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
    expect(row.data.offsets).toBeInstanceOf(Uint8Array);
    expect(row.data.words.length).toBe(row.data.tokens);
    expect(index.sourceData(old.id)).toEqual(buildSourceIndex(sources[0]));
    const gold = loadGold();
    const q25 = gold.quotes.find((g) => g.id === 'q25')!;
    expect(checkQuote(index, q25.query).verdict).toBe('verbatim');
  });
});

describe('schema upgrade from version 4 (index rows of format 2)', () => {
  it('keeps every source and tombstone, drops the format-2 rows, and the next load stores the current format', async () => {
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
    expect(row.data.offsets).toBeInstanceOf(Uint8Array);
    expect(index.sourceData(old.id)).toEqual(buildSourceIndex(sources[1]));
    expect((await loadLibraryIndex(db)).report.loaded).toHaveLength(4);
  });
});

describe('schema upgrade from version 5 (index rows of format 3, a vocabulary each)', () => {
  it('keeps every source and tombstone, drops the format-3 rows, and the next load writes them with a library lexicon', async () => {
    const dbName = name();
    const v5 = new Dexie(dbName);
    v5.version(5).stores({ sources: 'id, origin, contentHash', indexes: 'id, version', removed: 'id' });
    const stored = await Promise.all(sources.map((s) => toStored(s, 1000)));
    await v5.table('sources').bulkPut(stored);
    await v5.table('removed').put({ id: 'gone-builtin', removedAt: 5 });
    // Rows as format 3 wrote them: varint-packed tokens and the source's own vocabulary as UTF-8.
    for (const s of stored) {
      const f3 = { version: 3, id: s.id, tokens: 1, vocabulary: new TextEncoder().encode('the'), packed: Uint8Array.of(0, 12), passages: [] };
      await v5.table('indexes').put({ id: s.id, version: 3, contentHash: s.contentHash, data: f3 });
    }
    v5.close();

    const db = new LibraryDb(dbName);
    open.push(db);
    for (const s of stored) expect(await db.sources.get(s.id)).toEqual(s);
    expect(await db.removed.toArray()).toEqual([{ id: 'gone-builtin', removedAt: 5 }]);
    expect(await db.indexes.count()).toBe(0);
    expect(await db.lexicon.count()).toBe(0);

    const { index, report } = await loadLibraryIndex(db);
    expect(report.built.sort()).toEqual(sources.map((s) => s.id).sort());
    const lexicon = (await db.lexicon.get(LEXICON_ROW))!;
    for (const s of sources) {
      const row = (await db.indexes.get(s.id))!;
      expect(row.version).toBe(SOURCE_INDEX_VERSION);
      expect(row.data.lexicon).toBe(lexicon.generation);
    }
    expect(unpackLexicon(lexicon)).toEqual(index.lexicon.keys);
    const again = await loadLibraryIndex(db);
    expect(again.report.loaded).toHaveLength(4);
    for (const s of sources) expectSameData(again.index.sourceData(s.id), buildSourceIndex(s));
    const q25 = loadGold().quotes.find((g) => g.id === 'q25')!;
    expect(checkQuote(again.index, q25.query).verdict).toBe('verbatim');
  });
});

describe('schema upgrade from version 8 (index rows of format 4, an object per passage)', () => {
  const v8Stores = { sources: 'id, origin, contentHash', indexes: 'id, version', removed: 'id', lexicon: 'id', snapshot: 'id', texts: 'id' };

  /** A row as format 4 stored it: the same but for its passages, an object each. */
  const format4 = (row: StoredIndex): StoredIndex => ({ ...row, version: 4, data: { ...row.data, version: 4, passages: unpackPassages(row.data.passages) as never } });

  /**
   * A profile of version 8: the built-in sources, their lexicon, a snapshot of format-4 rows for all
   * but the last source and a separate format-4 row for that one, `damage` applied to the rows first.
   */
  async function version8(damage: (rows: StoredIndex[]) => void = () => {}): Promise<{ dbName: string; snapshot: StoredSnapshot }> {
    const current = new LibraryDb(name());
    open.push(current);
    await installBuiltins(current, sources);
    const rows = (await current.indexes.toArray()).sort((x, y) => (x.id < y.id ? -1 : 1)).map(format4);
    damage(rows);
    const dbName = name();
    const v8 = new Dexie(dbName);
    v8.version(8).stores(v8Stores);
    await v8.table('sources').bulkPut(await current.sources.toArray());
    await v8.table('lexicon').bulkPut(await current.lexicon.toArray());
    const generation = rows[0].data.lexicon;
    const snapshot: StoredSnapshot = { id: SNAPSHOT_ROW, format: SNAPSHOT_FORMAT, generation, rows: rows.slice(0, -1) };
    await v8.table('snapshot').put(snapshot);
    await v8.table('indexes').put(rows[rows.length - 1]);
    v8.close();
    return { dbName, snapshot };
  }

  it('packs the passages of the snapshot’s rows and the separate ones in place: no source is rebuilt, and the index is the one built from the texts', async () => {
    const { dbName } = await version8();
    const db = new LibraryDb(dbName);
    open.push(db);
    const stored = [...(await db.snapshot.get(SNAPSHOT_ROW))!.rows, ...(await db.indexes.toArray())];
    expect(stored).toHaveLength(sources.length);
    for (const row of stored) {
      expect(row.version).toBe(SOURCE_INDEX_VERSION);
      expect(row.data.version).toBe(SOURCE_INDEX_VERSION);
      expect(row.data.passages.bounds).toBeInstanceOf(Uint32Array);
    }
    const { index, report } = await loadLibraryIndex(db);
    expect(report.built).toEqual([]);
    expect(report.fromSnapshot).toHaveLength(sources.length - 1);
    expect(report.fromRows).toHaveLength(1);
    for (const s of sources) expectSameData(index.sourceData(s.id), buildSourceIndex(s));
    const fresh = LibraryIndex.fromSources(sources);
    for (const q of loadGold().quotes) expect(checkQuote(index, q.query)).toEqual(checkQuote(fresh, q.query));
  });

  it('leaves a row whose passages are not whole at format 4, and the next load rebuilds it', async () => {
    let damagedId = '';
    const { dbName } = await version8((rows) => {
      const row = rows.find((r) => (r.data.passages as unknown as unknown[]).length > 1)!;
      damagedId = row.id;
      (row.data.passages as unknown as { start: number }[])[1].start = -1;
    });
    const db = new LibraryDb(dbName);
    open.push(db);
    const inSnapshot = (await db.snapshot.get(SNAPSHOT_ROW))!.rows;
    expect(inSnapshot.filter((row) => row.version === 4).map((row) => row.id)).toEqual([damagedId]);
    const { index, report } = await loadLibraryIndex(db);
    expect(report.built).toEqual([damagedId]);
    expect((await db.indexes.get(damagedId))?.version).toBe(SOURCE_INDEX_VERSION);
    for (const s of sources) expectSameData(index.sourceData(s.id), buildSourceIndex(s));
  });
});

describe('the library lexicon', () => {
  it('is written with the rows, grows with later imports, and earlier rows stay usable', async () => {
    const db = new LibraryDb(name());
    open.push(db);
    await installBuiltins(db, sources);
    const first = (await db.lexicon.get(LEXICON_ROW))!;
    const before = unpackLexicon(first);
    const [added] = (await importSources(db, [{ ...sources[0], id: 'new-words', origin: 'paste', text: 'Zebras quagga okapi, and the police.' }])).added;
    const after = (await db.lexicon.get(LEXICON_ROW))!;
    expect(after.generation).toBe(first.generation);
    expect(unpackLexicon(after).slice(0, before.length)).toEqual(before); // append-only: no word renumbered
    expect(unpackLexicon(after).slice(before.length)).toEqual(['zebras', 'quagga', 'okapi']);
    // Removing leaves its words: harmless, and nothing is renumbered.
    await removeSources(db, [added.id]);
    expect(unpackLexicon((await db.lexicon.get(LEXICON_ROW))!)).toEqual(unpackLexicon(after));
    const { index, report } = await loadLibraryIndex(db);
    expect(report.built).toEqual([]);
    expect(report.loaded).toHaveLength(4);
    for (const s of sources) expectSameData(index.sourceData(s.id), buildSourceIndex(s));
    expect(index.lexicon.idOf('quagga')).toBeGreaterThanOrEqual(0);
    expect(checkQuote(index, { text: 'Zebras quagga okapi, and the police' }).verdict).toBe('not_found');
  });

  it('missing, damaged or of another generation: the rows are rebuilt and rewritten with a fresh, whole lexicon', async () => {
    const db = new LibraryDb(name());
    open.push(db);
    await installBuiltins(db, sources);
    const original = (await db.lexicon.get(LEXICON_ROW))!;
    const ids = sources.map((s) => s.id).sort();

    const damaged = original.words.slice();
    damaged[3] ^= 0x20;
    for (const spoil of [
      () => db.lexicon.delete(LEXICON_ROW),
      () => db.lexicon.put({ ...original, words: damaged }),
      () => db.lexicon.put({ ...original, size: original.size + 1 }),
    ]) {
      await spoil();
      const { index, report } = await loadLibraryIndex(db);
      expect(report.built.sort()).toEqual(ids);
      for (const s of sources) expectSameData(index.sourceData(s.id), buildSourceIndex(s));
      const fresh = (await db.lexicon.get(LEXICON_ROW))!;
      expect(fresh.generation).not.toBe(original.generation);
      for (const id of ids) expect((await db.indexes.get(id))!.data.lexicon).toBe(fresh.generation);
      const again = await loadLibraryIndex(db);
      expect(again.report.built).toEqual([]);
    }

    // One row written against another lexicon: only that row is rebuilt; the lexicon keeps its generation.
    const current = (await db.lexicon.get(LEXICON_ROW))!;
    const row = (await db.indexes.get(ids[1]))!;
    await db.indexes.put({ ...row, data: { ...row.data, lexicon: 'some-other-generation' } });
    const { index, report } = await loadLibraryIndex(db);
    expect(report.built).toEqual([ids[1]]);
    expectSameData(index.sourceData(ids[1]), buildSourceIndex(sources.find((s) => s.id === ids[1])!));
    expect((await db.lexicon.get(LEXICON_ROW))!.generation).toBe(current.generation);
    expect((await db.indexes.get(ids[1]))!.data.lexicon).toBe(current.generation);
  });

  it('is only written inside a transaction that holds the rows too', async () => {
    const db = new LibraryDb(name());
    open.push(db);
    const s = await toStored({ ...sources[0], origin: 'paste' });
    await expect(writeIndexRows(db, [prepareIndex(s)])).rejects.toThrow(/transaction/);
    await expect(db.transaction('rw', db.indexes, () => writeIndexRows(db, [prepareIndex(s)]))).rejects.toThrow(/transaction/);
    expect(await db.indexes.count()).toBe(0);
    expect(await db.lexicon.count()).toBe(0);
  });
});

describe('the stems stored with the library lexicon', () => {
  /** The stem fields of a lexicon, as plain arrays. */
  const stemFields = (lx: Lexicon) => ({
    keys: [...lx.keys],
    stemOf: [...lx.stemOf],
    stems: [...lx.stems],
    stemWords: stemWordsOf(lx),
    stemIds: lx.stems.map((t) => lx.stemIdOf(t)),
  });

  it('are written with the words, appended to when words are, and a load takes them: the lexicon stemming would give', async () => {
    const db = new LibraryDb(name());
    open.push(db);
    await installBuiltins(db, sources);
    const first = (await db.lexicon.get(LEXICON_ROW))!;
    expect(first.stemmer).toBe(STEMMER_VERSION);
    const firstStems = unpackLexiconStems(first)!;
    expect(firstStems.stemOf).toHaveLength(first.size);
    await importSources(db, [{ ...sources[0], id: 'new-words', origin: 'paste', text: 'Zebras quagga okapi, and the police reports.' }]);
    const after = (await db.lexicon.get(LEXICON_ROW))!;
    const keys = unpackLexicon(after);
    const afterStems = unpackLexiconStems(after)!;
    expect(afterStems).not.toBeNull();
    // Appended: the earlier words keep their stem numbers, the new ones follow.
    expect(Array.from(afterStems.stemOf).slice(0, first.size)).toEqual(Array.from(firstStems.stemOf));
    expect(afterStems.texts.slice(0, firstStems.texts.length)).toEqual(firstStems.texts);
    expect(afterStems.texts).toContain('zebra');
    const expected = stemFields(Lexicon.fromKeys(keys));
    expect(stemFields(Lexicon.withStems(keys, afterStems.stemOf, afterStems.texts))).toEqual(expected);
    const { index, report } = await loadLibraryIndex(db);
    expect(report.built).toEqual([]);
    expect(index.lexicon.stemMore(1)).toBe(false); // taken from the row: nothing left to stem
    expect(stemFields(index.lexicon)).toEqual(expected);
  });

  it('missing (an older profile), of another stemmer version or damaged: the rows stay usable, the stems are worked out afresh, and the next write stores them', async () => {
    const db = new LibraryDb(name());
    open.push(db);
    await installBuiltins(db, sources);
    const original = (await db.lexicon.get(LEXICON_ROW))!;
    const keys = unpackLexicon(original);
    const expected = stemFields(Lexicon.fromKeys(keys));
    const outOfRange = original.stemOf!.slice();
    outOfRange[outOfRange.length - 1] = 60_000;
    // Whole stems of another stemmer (each word its own stem): taken only under their own version.
    const otherStemmer = { ...original, ...packLexicon(keys, original.generation, { stemOf: keys.map((_, i) => i), texts: keys }) };
    await db.lexicon.put(otherStemmer);
    expect([...(await loadLibraryIndex(db)).index.lexicon.stems]).toEqual(keys);
    for (const spoiled of [
      { ...original, ...packLexicon(keys, original.generation) }, // words only, as an older version wrote it
      { ...otherStemmer, stemmer: STEMMER_VERSION + 1 },
      { ...original, stemOf: outOfRange },
      { ...original, stems: original.stems!.slice(1) },
    ]) {
      await db.lexicon.put(spoiled);
      const { index, report } = await loadLibraryIndex(db);
      expect(report.built).toEqual([]); // its words are still the rows' words
      expect(stemFields(index.lexicon)).toEqual(expected);
      for (const s of sources) expectSameData(index.sourceData(s.id), buildSourceIndex(s));
    }
    // An import that adds no word still stores whole stems for the lexicon it found without them.
    await importSources(db, [{ ...sources[0], id: 'no-new-words', origin: 'paste', text: 'The police reports.' }]);
    const rewritten = (await db.lexicon.get(LEXICON_ROW))!;
    expect(rewritten.generation).toBe(original.generation);
    expect(unpackLexicon(rewritten)).toEqual(keys);
    const stems = unpackLexiconStems(rewritten)!;
    expect(stemFields(Lexicon.withStems(keys, stems.stemOf, stems.texts))).toEqual(expected);
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
    for (const s of sources) expectSameData(index.sourceData(s.id), buildSourceIndex(s));
    for (const s of sources) expect(index.entryById(s.id)!.words).toBe(index.sourceData(s.id)!.tokenWords);
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
      const rowBytes = row.data.words.byteLength + row.data.offsets.byteLength;
      expect(rowBytes).toBeLessThan(new TextEncoder().encode(s.text).byteLength);
    }
    const id = sources[2].id;
    const row = (await db.indexes.get(id))!;
    await db.indexes.put({ ...row, data: { ...row.data, offsets: row.data.offsets.subarray(0, row.data.offsets.length - 3) } });
    const { index, report } = await loadLibraryIndex(db);
    expect(report.built).toEqual([id]);
    expect(index.sourceData(id)).toEqual(buildSourceIndex(sources[2]));
    expect((await db.indexes.get(id))!.data.offsets.byteLength).toBe(row.data.offsets.byteLength);
  });

  it('with a passage table that does not hold together, are rebuilt instead of answered from', async () => {
    const db = new LibraryDb(name());
    open.push(db);
    await installBuiltins(db, sources);
    const report = sources.find((s) => s.id === 'hmicfrs-report-2023')!;
    const row = (await db.indexes.get(report.id))!;
    const { passages } = row.data;
    await db.indexes.put({ ...row, data: { ...row.data, passages: { ...passages, headings: passages.headings.subarray(1) } } });
    const { index, report: loaded } = await loadLibraryIndex(db);
    expect(loaded.built).toEqual([report.id]);
    expect(index.sourceData(report.id)).toEqual(buildSourceIndex(report));
    expect((await db.indexes.get(report.id))!.data.passages.headings.length).toBe(passages.headings.length);
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

describe('the steps of a load, as reported to a timed build', () => {
  it('come once each, in order: the lexicon decoded before the rows are taken, the index built from the rows before the sources', async () => {
    const db = new LibraryDb(name());
    open.push(db);
    await installBuiltins(db, sources);
    const seen: string[] = [];
    const { report } = await loadLibraryIndex(db, (phase) => seen.push(phase));
    expect(report.loaded).toHaveLength(4);
    // Every row usable: the index is built from the rows before the sources are in.
    expect(seen).toEqual(['opened', 'lexicon-read', 'lexicon', 'rows-read', 'unpacked', 'added', 'sources-read', 'built']);
  });

  it('are reported on a load that has to build every row too', async () => {
    const db = new LibraryDb(name());
    open.push(db);
    await installBuiltins(db, sources);
    await db.lexicon.clear(); // every row is then untrusted and rebuilt
    const seen: string[] = [];
    const { report } = await loadLibraryIndex(db, (phase) => seen.push(phase));
    expect(report.built).toHaveLength(4);
    expect(seen).toEqual(['opened', 'lexicon-read', 'lexicon', 'rows-read', 'unpacked', 'sources-read', 'built', 'added']);
  });
});

describe('a load that cannot read the database', () => {
  it('fails with the database\'s error rather than waiting for reads that never come', async () => {
    const db = new LibraryDb(name());
    open.push(db);
    await installBuiltins(db, sources);
    db.close();
    await expect(loadLibraryIndex(db)).rejects.toThrow();
  });
});

describe('an index built from the rows while the sources are read', () => {
  const phasesOf = async (db: LibraryDb) => {
    const seen: string[] = [];
    const loaded = await loadLibraryIndex(db, (phase) => seen.push(phase));
    return { ...loaded, early: seen.lastIndexOf('added') < seen.indexOf('sources-read') };
  };

  it('stands in for the ordinary build over the whole State of the Union library: same records, same data, same answers', async () => {
    const sotu = loadSotuLibrary();
    const plain = LibraryIndex.fromSources(sotu);
    const { name: dbName } = await storeLibrary(sotu, plain);
    const db = new LibraryDb(dbName);
    open.push(db);
    const { index, report, early, sources: stored } = await phasesOf(db);
    expect(early).toBe(true);
    expect(report.built).toEqual([]);
    expect(report.loaded).toHaveLength(sotu.length);
    expect(index.size).toBe(sotu.length);
    // Each record filled in whole: what the ordinary load makes of its stored source.
    for (const s of stored) expect(index.source(s.id)).toEqual(toSource(s));
    for (const s of sotu) expectSameData(index.sourceData(s.id), plain.sourceData(s.id)!);
    const queries = generatePages(sotu, { seed: 9, pages: 2, quotesPerPage: 40 }).flatMap((page) =>
      page.quotes.map((q) => ({ text: q.text, attribution: q.attribution, ...quoteContext(page.text, q) })),
    );
    for (const q of queries) expect(checkQuote(index, q)).toEqual(checkQuote(plain, q));
  }, 240_000);

  it('is dropped when a source turns out changed behind its row: that source is built, the rest answer as before', async () => {
    const db = new LibraryDb(name());
    open.push(db);
    await installBuiltins(db, sources);
    const changed = { ...sources[1], text: `${sources[1].text}\n\nA closing line added later.` };
    const stored = (await db.sources.get(changed.id))!;
    await db.sources.put({ ...stored, text: changed.text, contentHash: 'changed-behind-the-row' });
    const { index, report, early } = await phasesOf(db);
    expect(early).toBe(false);
    expect(report.built).toEqual([changed.id]);
    expect(index.sourceData(changed.id)).toEqual(buildSourceIndex(changed));
    const fresh = LibraryIndex.fromSources(sources.map((s) => (s.id === changed.id ? changed : s)));
    for (const q of loadGold().quotes) expect(checkQuote(index, q.query)).toEqual(checkQuote(fresh, q.query));
  });

  it('is dropped when the rows and the sources differ: a row without its source, a source without its row', async () => {
    const db = new LibraryDb(name());
    open.push(db);
    await installBuiltins(db, sources);
    const [a, b] = sources.map((s) => s.id);
    await db.sources.delete(a); // its row stays behind
    let loaded = await phasesOf(db);
    expect(loaded.early).toBe(false);
    expect(loaded.index.has(a)).toBe(false);
    expect(loaded.index.size).toBe(sources.length - 1);
    await db.indexes.delete(a);
    await db.indexes.delete(b); // now b has no row
    loaded = await phasesOf(db);
    expect(loaded.early).toBe(false);
    expect(loaded.report.built).toEqual([b]);
    expect(loaded.index.size).toBe(sources.length - 1);
    // Written back: the next load takes the early way again.
    expect((await phasesOf(db)).early).toBe(true);
  });
});
