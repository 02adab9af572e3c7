import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LibraryDb } from '../../../lib/library/db';
import { readSources } from '../../../lib/library/stored-texts';
import { installBuiltins, loadCatalogue } from '../../../lib/library/builtin';
import { importSources } from '../../../lib/library/import';
import { newSource } from '../../../lib/library/file-source';
import { removeSources, restoreRemoval } from '../../../lib/library/removal';
import { buildPack, fromPack, packJson, parsePack, PackError } from '../../../lib/library/pack';
import { loadLibraryIndex } from '../../../lib/library/stored-index';
import { saveMeta } from '../../../lib/library/metadata-form';

const catalogue = join(__dirname, '../../../public/sources');
const read = (name: string) => readFile(join(catalogue, name), 'utf8');

let db: LibraryDb;
let n = 0;
beforeEach(() => {
  db = new LibraryDb(`verbatim-store-test-${++n}`);
});
afterEach(async () => {
  await db.delete();
});

const paste = (text: string, title = 'A statement') => newSource(text, { title, publisher: 'The Council' }, 'paste');

async function snapshot(d: LibraryDb) {
  return {
    sources: (await d.sources.toArray()).sort((a, b) => a.id.localeCompare(b.id)),
    indexes: (await d.indexes.toArray()).map((r) => r.id).sort(),
    removed: await d.removed.toArray(),
    lexicon: await d.lexicon.toArray(), // written in the same transaction as the rows that use it
  };
}

describe('importSources', () => {
  it('stores each source with its index row, so the next load builds nothing', async () => {
    const report = await importSources(db, [paste('The council said the plan was sound.'), paste('A second, different text.', 'Other')]);
    expect(report.added).toHaveLength(2);
    expect(await db.sources.count()).toBe(2);
    const loaded = await loadLibraryIndex(db);
    expect(loaded.report.built).toEqual([]);
    expect(loaded.report.loaded.sort()).toEqual(report.added.map((s) => s.id).sort());
  });

  it('recognises the same text by its hash and does not store it twice', async () => {
    const first = await importSources(db, [paste('Exactly these words, once.')]);
    const again = await importSources(db, [paste('Exactly these words, once.', 'Another title'), paste('Exactly these words, once.', 'Third')]);
    expect(again.added).toEqual([]);
    expect(again.duplicates).toEqual([
      { title: 'Another title', existingId: first.added[0].id },
      { title: 'Third', existingId: first.added[0].id },
    ]);
    expect(await db.sources.count()).toBe(1);
    // Twice within one import is caught too.
    const both = await importSources(db, [paste('New words here.'), paste('New words here.', 'Copy')]);
    expect(both.added).toHaveLength(1);
    expect(both.duplicates).toHaveLength(1);
  });

  it('never replaces a source whose id is taken: the newcomer gets a fresh id', async () => {
    const a = paste('One text.');
    await importSources(db, [a]);
    const b = { ...paste('Another text.'), id: a.id };
    const report = await importSources(db, [b]);
    expect(report.added[0].id).not.toBe(a.id);
    expect((await db.sources.get(a.id))!.text).toBe('One text.');
    expect((await db.indexes.get(report.added[0].id))!.data.id).toBe(report.added[0].id);
  });

  it('is all or nothing: a write failing halfway leaves the library exactly as it was', async () => {
    await installBuiltins(db, await loadCatalogue(read), 1000);
    const before = await snapshot(db);
    // The third index write fails, as a full disk would.
    let writes = 0;
    const put = db.indexes.put.bind(db.indexes);
    db.indexes.put = ((...args: Parameters<typeof put>) => {
      if (++writes === 3) return Promise.reject(Object.assign(new Error('disk full'), { name: 'QuotaExceededError' }));
      return put(...args);
    }) as typeof put;
    await expect(importSources(db, [paste('First new.'), paste('Second new.'), paste('Third new.'), paste('Fourth new.')])).rejects.toThrow(
      'disk full',
    );
    db.indexes.put = put;
    expect(writes).toBe(3);
    expect(await snapshot(db)).toEqual(before);
  });

  it('keeps page starts of a PDF source', async () => {
    const pdf = { ...newSource('Page one.\n\nPage two.', { title: 'Report' }, 'file'), pageStarts: [0, 11] };
    const [stored] = (await importSources(db, [pdf])).added;
    expect((await db.sources.get(stored.id))!.pageStarts).toEqual([0, 11]);
  });
});

describe('removal, undo and built-in tombstones', () => {
  it('a removed built-in source stays removed when the catalogue is installed again (an update)', async () => {
    await installBuiltins(db, await loadCatalogue(read));
    await removeSources(db, ['hmicfrs-report-2023']);
    const update = await installBuiltins(db, await loadCatalogue(read));
    expect(update.skipped).toEqual(['hmicfrs-report-2023']);
    expect(update.added).toEqual([]);
    expect(await db.sources.get('hmicfrs-report-2023')).toBeUndefined();
    expect(await db.sources.count()).toBe(3);
  });

  it('undo puts back exactly what was removed, index rows included, and lifts the tombstone', async () => {
    await installBuiltins(db, await loadCatalogue(read), 1000);
    const [mine] = (await importSources(db, [paste('The reader pasted this.')], 2000)).added;
    const before = await snapshot(db);
    const removal = await removeSources(db, ['npcc-response-2023', mine.id, 'no-such-id'], 3000);
    expect(removal.sources.map((s) => s.id)).toEqual(['npcc-response-2023', mine.id]);
    expect(removal.tombstones).toEqual([{ id: 'npcc-response-2023', removedAt: 3000 }]);
    expect(await db.sources.count()).toBe(3);
    await restoreRemoval(db, removal);
    expect(await snapshot(db)).toEqual(before);
    // With the tombstone lifted, an update keeps it as any current built-in.
    expect((await installBuiltins(db, await loadCatalogue(read))).kept).toContain('npcc-response-2023');
  });

  it('edited metadata is saved and the text untouched', async () => {
    const [s] = (await importSources(db, [paste('Some words.')])).added;
    await saveMeta(db, s.id, { title: 'New title', publisher: null, author: 'A. Person', published: '2024-01-02', url: null, type: 'statement', excerpt: true });
    expect(await db.sources.get(s.id)).toMatchObject({ title: 'New title', author: 'A. Person', text: 'Some words.', contentHash: s.contentHash });
    await expect(saveMeta(db, 'gone', { title: 'x', publisher: null, author: null, published: null, url: null, type: 'other', excerpt: false })).rejects.toThrow(
      /no longer/,
    );
  });
});

describe('packs', () => {
  it('export then import into an empty library gives exactly the same sources', async () => {
    await installBuiltins(db, await loadCatalogue(read), 1000);
    await importSources(db, [{ ...paste('Pasted “words”, with quotes.'), pageStarts: [0] }], 2000);
    const json = packJson(buildPack((await readSources(db)).sources, new Date(5000)));
    const other = new LibraryDb(`verbatim-store-test-other-${n}`);
    try {
      const report = await importSources(other, (await parsePack(json)).map(fromPack));
      expect(report.added).toHaveLength(5);
      expect((await snapshot(other)).sources).toEqual((await snapshot(db)).sources);
      // Importing the same pack again adds nothing.
      expect((await importSources(other, (await parsePack(json)).map(fromPack))).added).toEqual([]);
    } finally {
      await other.delete();
    }
  });

  it('refuses a damaged, foreign or newer pack, naming the problem', async () => {
    await importSources(db, [paste('Words.')]);
    const pack = buildPack((await readSources(db)).sources);
    await expect(parsePack('{not json')).rejects.toThrow(PackError);
    await expect(parsePack('{"sources": []}')).rejects.toThrow(/not a Verbatim library pack/);
    await expect(parsePack(JSON.stringify({ ...pack, version: 2 }))).rejects.toThrow(/version 2/);
    const tampered = { ...pack, sources: [{ ...pack.sources[0], text: 'Other words.' }] };
    await expect(parsePack(JSON.stringify(tampered))).rejects.toThrow(/damaged/);
    const noTitle = { ...pack, sources: [{ ...pack.sources[0], title: '' }] };
    await expect(parsePack(JSON.stringify(noTitle))).rejects.toThrow(/no title/);
  });
});

describe('the library page’s import step', () => {
  it('a full disk halfway through is told in words, and the library is unchanged', async () => {
    const { importIncoming } = await import('../../../components/library/library-actions');
    await importSources(db, [paste('Already here.')]);
    const before = await snapshot(db);
    const put = db.sources.add.bind(db.sources);
    let calls = 0;
    db.sources.add = ((...args: Parameters<typeof put>) => {
      if (++calls === 2) return Promise.reject(Object.assign(new Error('quota'), { name: 'QuotaExceededError' }));
      return put(...args);
    }) as typeof put;
    let told = false;
    const outcome = await importIncoming(
      { db, openPdf: () => Promise.reject(new Error('no PDFs here')), notifyChanged: async () => void (told = true) },
      async () => [paste('One.'), paste('Two.')],
    );
    db.sources.add = put;
    expect(outcome).toEqual({ ok: false, error: expect.stringMatching(/no more storage space.*Nothing was imported/) });
    expect(told).toBe(false);
    expect(await snapshot(db)).toEqual(before);
  });

  it('one refused file in a batch refuses the batch', async () => {
    const { importIncoming, readFiles } = await import('../../../components/library/library-actions');
    const file = (name: string, text: string) => ({ name, bytes: async () => new TextEncoder().encode(text) });
    const outcome = await importIncoming({ db, openPdf: () => Promise.reject(new Error('unused')), notifyChanged: async () => {} }, () =>
      readFiles([file('good.txt', 'Good words.'), file('bad.exe', 'MZ')], () => Promise.reject(new Error('unused'))),
    );
    expect(outcome).toEqual({ ok: false, error: expect.stringMatching(/^bad\.exe: this type of file cannot be imported/) });
    expect(await db.sources.count()).toBe(0);
  });
});
