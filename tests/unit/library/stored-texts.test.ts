// The texts fold: the library's texts in one stored value, which a cold start reads in place of a
// text per source row. Each text is stored once, in the fold or in a row written since (which
// wins). Loads must answer exactly as the plain build does, and no text may be lost or misread.
import Dexie from 'dexie';
import { serialize } from 'node:v8';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LibraryDb, type SourceRow, type StoredSource, type StoredTexts, TEXTS_ROW, contentHash, toSource, toStored } from '../../../lib/library/db';
import { DAMAGED, TEXTS_FORMAT, foldEntries, foldOf, foldTexts, joinTexts, readSource, readSources, readSourcesById } from '../../../lib/library/stored-texts';
import { installBuiltins } from '../../../lib/library/builtin';
import { UnreadableText, hasLateText } from '../../../lib/library/late-text';
import { removeSources, restoreRemoval } from '../../../lib/library/removal';
import { buildPack, fromPack, packJson, parsePack } from '../../../lib/library/pack';
import { importSources } from '../../../lib/library/import';
import { saveMeta } from '../../../lib/library/metadata-form';
import { replaceWithFetched } from '../../../lib/library/fetched-source';
import { loadLibraryIndex, storeSnapshot } from '../../../lib/library/stored-index';
import { LibraryIndex, checkQuote } from '../../../lib/match/index';
import { LibraryService } from '../../../entrypoints/background/library-service';
import { loadGold, loadSources } from '../match/corpus';
import { quoteContext } from '../../../lib/quotes/index';
import { generatePages } from '../../../scripts/eval/generate';
import { loadSotuLibrary } from '../../../scripts/eval/library';
import { storeLibrary } from '../../../scripts/bench/cold-start';
import { loadedIndexes } from '../ext/loaded-indexes';
import type { Source } from '../../../lib/types';

const sources = loadSources();
const gold = loadGold();
let n = 0;
const open: Dexie[] = [];
function freshDb(): LibraryDb {
  const db = new LibraryDb(`verbatim-texts-${++n}`);
  open.push(db);
  return db;
}
afterEach(async () => {
  for (const d of open.splice(0)) await d.delete();
});

/** Every gold quote answers as from an index built afresh from these sources. */
function expectAnswersOf(index: LibraryIndex, library: readonly Source[]): void {
  const fresh = LibraryIndex.fromSources([...library]);
  expect(index.size).toBe(library.length);
  for (const q of gold.quotes) expect(checkQuote(index, q.query)).toEqual(checkQuote(fresh, q.query));
}

/** The built-in sources stored, loaded once, and both the rows and the texts folded as the background does. */
async function folded(): Promise<LibraryDb> {
  const db = freshDb();
  await installBuiltins(db, sources);
  const first = await loadLibraryIndex(db);
  expect(first.report.textsToFold).toBe(true);
  await storeSnapshot(db, first.report.snapshot!);
  const fold = await foldTexts(db);
  expect(fold).toEqual({ held: sources.length, folded: sources.map((s) => s.id).sort(), damaged: [] });
  return db;
}

/** The bytes of these values as IndexedDB keeps them (structured-cloned; a fold's texts as the bytes of their file). */
function bytesOf(values: readonly unknown[]): number {
  return values.reduce<number>((sum, v) => {
    const bytes = (v as StoredTexts).bytes;
    return bytes instanceof Blob ? sum + bytes.size + serialize({ ...(v as StoredTexts), bytes: null }).byteLength : sum + serialize(v).byteLength;
  }, 0);
}

/** The texts a stored fold holds, in its order. */
async function textsIn(fold: StoredTexts | undefined): Promise<unknown[]> {
  const entries = await foldEntries(fold);
  return entries ? [...entries.values()].map((e) => e.text) : [];
}

/** A fold as the format before wrote it: its texts as an array of strings. */
function stringsFold(ids: string[], hashes: string[], texts: unknown[]): StoredTexts {
  return { id: TEXTS_ROW, format: 1, ids, hashes, texts: texts as string[] };
}

describe('the texts fold over the whole State of the Union library', () => {
  it('takes every text out of its row, stores it once, and a load gives the same records, the same index and the same answers as the plain build', async () => {
    const sotu = loadSotuLibrary();
    const plain = LibraryIndex.fromSources(sotu);
    const { name } = await storeLibrary(sotu, plain);
    const db = new LibraryDb(name);
    open.push(db);
    const before = (await db.sources.toArray()) as StoredSource[];
    const bytesBefore = bytesOf(before);
    const first = await loadLibraryIndex(db);
    expect(first.report.textsToFold).toBe(true);
    await storeSnapshot(db, first.report.snapshot!);
    const fold = (await foldTexts(db))!;
    expect(fold.held).toBe(sotu.length);
    expect(fold.folded).toHaveLength(sotu.length);

    // Stored once: no row keeps its text, and rows plus fold weigh what the rows did.
    const rows = await db.sources.toArray();
    expect(rows.every((r) => r.text === undefined && typeof r.textLength === 'number')).toBe(true);
    const stored = (await db.texts.get(TEXTS_ROW))!;
    expect(stored.format).toBe(TEXTS_FORMAT);
    expect(stored.ids).toEqual(before.map((s) => s.id));
    expect(await textsIn(stored)).toEqual(before.map((s) => s.text));
    const bytesAfter = bytesOf(rows) + bytesOf([stored]);
    expect(bytesAfter).toBeLessThan(bytesBefore * 1.01);

    const { index, report, sources: records } = await loadLibraryIndex(db);
    expect(report.textsToFold).toBe(false);
    expect(report.unreadable).toEqual([]);
    expect(report.built).toEqual([]);
    expect(report.fromSnapshot).toHaveLength(sotu.length);
    expect(records).toEqual(before); // every record whole again, text included, in the same order
    for (const s of sotu) expect(index.source(s.id)).toEqual(s);
    const queries = generatePages(sotu, { seed: 7, pages: 2, quotesPerPage: 40 }).flatMap((page) =>
      page.quotes.map((q) => ({ text: q.text, attribution: q.attribution, ...quoteContext(page.text, q) })),
    );
    for (const q of queries) expect(checkQuote(index, q)).toEqual(checkQuote(plain, q));
    expect(await foldTexts(db)).toBeNull(); // nothing left to fold
  }, 240_000);
});

describe('sources written after the fold', () => {
  it('a new version of a folded source (built-in update, fetched full text) wins over the fold, and the next fold takes it in place of the old text', async () => {
    const db = await folded();
    const updated = { ...sources[1], text: `${sources[1].text}\n\nA paragraph the update added.` };
    await installBuiltins(db, sources.map((s) => (s.id === updated.id ? updated : s)));
    const fetchedId = sources[2].id;
    const fetchedText = `${sources[2].text}\n\nThe rest of the original, fetched.`;
    await replaceWithFetched(db, fetchedId, fetchedText);
    const library = sources.map((s) => (s.id === updated.id ? updated : s.id === fetchedId ? { ...s, text: fetchedText } : s));

    const loaded = await loadLibraryIndex(db);
    expect(loaded.report.textsToFold).toBe(true);
    expect(loaded.report.unreadable).toEqual([]);
    expect(loaded.index.source(updated.id)!.text).toBe(updated.text);
    expect(loaded.index.source(fetchedId)!.text).toBe(fetchedText);
    expectAnswersOf(loaded.index, library.map((s) => (s.id === fetchedId ? loaded.index.source(fetchedId)! : s)));

    const fold = (await foldTexts(db))!;
    expect(fold.folded.sort()).toEqual([updated.id, fetchedId].sort());
    const stored = (await db.texts.get(TEXTS_ROW))!;
    expect((await textsIn(stored))[stored.ids.indexOf(updated.id)]).toBe(updated.text);
    expect(stored.ids).toHaveLength(sources.length); // the old texts replaced, not kept beside
    const again = await loadLibraryIndex(db);
    expect(again.report.textsToFold).toBe(false);
    expect(again.index.source(updated.id)!.text).toBe(updated.text);
    expect(again.index.source(fetchedId)!.text).toBe(fetchedText);
  });

  it('an edit of a folded source\'s details keeps its text in the fold', async () => {
    const db = await folded();
    const id = sources[0].id;
    await saveMeta(db, id, { title: 'A new title', publisher: null, author: null, published: null, url: null, type: 'report', excerpt: false });
    const row = (await db.sources.get(id))!;
    expect(row.text).toBeUndefined();
    expect((await readSource(db, id))!).toMatchObject({ title: 'A new title', text: sources[0].text });
    const loaded = await loadLibraryIndex(db);
    expect(loaded.report.textsToFold).toBe(false);
    expect(loaded.index.source(id)).toMatchObject({ title: 'A new title', text: sources[0].text });
  });

  it('a fold that finds a row rewritten while it hashed leaves that row its own text', async () => {
    const db = freshDb();
    await installBuiltins(db, sources);
    const id = sources[0].id;
    const changed = await toStored({ ...sources[0], text: `${sources[0].text}\n\nChanged meanwhile.` });
    // The rewrite lands between the fold's read and its write: while the first text is hashed.
    const digest = crypto.subtle.digest.bind(crypto.subtle);
    let rewrote = false;
    const spy = vi.spyOn(crypto.subtle, 'digest').mockImplementation(async (algorithm, data) => {
      if (!rewrote) {
        rewrote = true;
        await db.sources.put(changed);
      }
      return digest(algorithm, data);
    });
    let fold;
    try {
      fold = (await foldTexts(db))!;
    } finally {
      spy.mockRestore();
    }
    expect(rewrote).toBe(true);
    expect(fold.folded).toHaveLength(sources.length - 1);
    expect(fold.folded).not.toContain(id);
    expect((await db.sources.get(id))!.text).toBe(changed.text);
    expect((await readSource(db, id))!.text).toBe(changed.text);
    const loaded = await loadLibraryIndex(db);
    expect(loaded.index.source(id)!.text).toBe(changed.text);
  });
});

describe('removal, undo and export with folded texts', () => {
  it('removal keeps the folded text for undo; undo puts the whole record back, whether or not a fold ran meanwhile', async () => {
    const db = await folded();
    const gone = sources[0].id;
    let removal = await removeSources(db, [gone]);
    expect(removal.sources).toHaveLength(1);
    expect(removal.sources[0].text).toBe(sources[0].text);
    await restoreRemoval(db, removal);
    let loaded = await loadLibraryIndex(db);
    expectAnswersOf(loaded.index, sources);

    // A load and a fold between removal and undo drop the removed text from the fold.
    await foldTexts(db);
    removal = await removeSources(db, [gone]);
    loaded = await loadLibraryIndex(db);
    expect(loaded.report.textsToFold).toBe(true); // a fold entry for a source no longer stored
    expectAnswersOf(loaded.index, sources.slice(1));
    const fold = (await foldTexts(db))!;
    expect(fold.held).toBe(sources.length - 1);
    expect((await db.texts.get(TEXTS_ROW))!.ids).not.toContain(gone);
    await restoreRemoval(db, removal);
    loaded = await loadLibraryIndex(db);
    expect(loaded.report.unreadable).toEqual([]);
    expectAnswersOf(loaded.index, sources);
    expect((await readSource(db, gone))!.text).toBe(sources[0].text);
  });

  it('export of a folded library, imported elsewhere: the same texts and hashes', async () => {
    const db = await folded();
    const all = (await readSources(db)).sources;
    expect(all).toHaveLength(sources.length);
    const json = packJson(buildPack(all));
    const other = new LibraryDb(`verbatim-texts-other-${++n}`);
    open.push(other);
    const report = await importSources(other, (await parsePack(json)).map(fromPack));
    expect(report.added).toHaveLength(sources.length);
    const back = (await readSources(other)).sources;
    expect(back.map((s) => [s.id, s.contentHash, s.text])).toEqual(all.map((s) => [s.id, s.contentHash, s.text]));
    expect(await readSourcesById(db, [sources[1].id, 'no-such-source', sources[0].id])).toEqual([
      all.find((s) => s.id === sources[1].id),
      all.find((s) => s.id === sources[0].id),
    ]);
  });
});

describe('a damaged or mismatched fold', () => {
  it('never answers from a text that fails its checks, never drops a text, and loses no row', async () => {
    const db = await folded();
    const good = (await db.texts.get(TEXTS_ROW))!;
    const texts = (await textsIn(good)) as string[];
    const [a, b] = good.ids;
    const all = sources.map((s) => s.id).sort();
    const entries = (list: string[]) => good.ids.map((id, k) => ({ id, hash: good.hashes[k], text: list[k] }));
    const withTexts = (list: string[]) => foldOf(entries(list));
    const [first, ...rest] = texts;
    const ends = good.ends!;
    const cases: Array<{ label: string; bad: StoredTexts; unreadable: string[] }> = [
      { label: 'a text cut short', bad: withTexts([first.slice(0, -1), ...rest]), unreadable: [a] },
      { label: 'a text grown', bad: withTexts([`${first} `, ...rest]), unreadable: [a] },
      { label: 'a text grown by a character of two UTF-16 units', bad: withTexts([`${first}\u{1F600}`, ...rest]), unreadable: [a] },
      { label: 'an entry missing', bad: foldOf(entries(texts).slice(1)), unreadable: [a] },
      { label: 'a hash of another text', bad: { ...good, hashes: [good.hashes[1], ...good.hashes.slice(1)] }, unreadable: [a] },
      { label: 'texts swapped', bad: withTexts([texts[1], texts[0], ...texts.slice(2)]), unreadable: [a, b] },
      { label: 'lists of unequal length', bad: { ...good, hashes: good.hashes.slice(1) }, unreadable: all },
      { label: 'byte ends of unequal length', bad: { ...good, ends: ends.slice(1) }, unreadable: all },
      { label: 'byte ends out of order', bad: { ...good, ends: [ends[1], ends[0], ...ends.slice(2)] }, unreadable: all },
      { label: 'byte ends past the bytes', bad: { ...good, ends: [...ends.slice(0, -1), ends[ends.length - 1] + 1] }, unreadable: all },
      { label: 'bytes cut short', bad: { ...good, bytes: good.bytes!.slice(0, good.bytes!.size - 1) }, unreadable: all },
      { label: 'no bytes', bad: { ...good, bytes: 'text' as unknown as Blob }, unreadable: all },
      { label: 'another format', bad: { ...good, format: TEXTS_FORMAT + 1 }, unreadable: all },
      { label: 'no fold at all', bad: null as unknown as StoredTexts, unreadable: all },
      // A fold of the format before is read by the same rules.
      { label: 'format 1: a text cut short', bad: stringsFold(good.ids, good.hashes, [first.slice(0, -1), ...rest]), unreadable: [a] },
      { label: 'format 1: a text not a string', bad: stringsFold(good.ids, good.hashes, [42, ...rest]), unreadable: [a] },
      { label: 'format 1: neither hash nor text a string', bad: stringsFold(good.ids, [7 as unknown as string, ...good.hashes.slice(1)], [42, ...rest]), unreadable: [a] },
      { label: 'format 1: lists of unequal length', bad: stringsFold(good.ids, good.hashes, rest), unreadable: all },
    ];
    for (const { label, bad, unreadable } of cases) {
      if (bad) await db.texts.put(bad);
      else await db.texts.delete(TEXTS_ROW);
      const { index, report } = await loadLibraryIndex(db);
      // Each is found by the load, or, when its bytes could hold a text of its row's length, by
      // the first read of its text, which the worker answers by taking the source out.
      for (const id of report.unreadable) expect(unreadable, label).toContain(id);
      for (const id of unreadable.filter((u) => !report.unreadable.includes(u))) {
        expect(() => index.source(id)!.text, label).toThrow(UnreadableText);
        index.remove(id);
      }
      const readable = sources.filter((s) => !unreadable.includes(s.id));
      expectAnswersOf(index, readable);
      for (const id of unreadable) expect(index.has(id), label).toBe(false);
      expect(await db.sources.count(), label).toBe(sources.length); // rows kept
      // A fold leaves what it cannot vouch for: the stored value keeps every text it held (a
      // value in place of a text is no text to keep).
      const held = await textsIn(bad);
      await foldTexts(db);
      const after = await textsIn(await db.texts.get(TEXTS_ROW));
      for (const text of held) if (typeof text === 'string') expect(after, label).toContain(text);
      await db.texts.put(good);
    }
  });

  it('a fold whose bytes cannot be read is unreadable as a whole, not an error', async () => {
    const db = await folded();
    const good = (await db.texts.get(TEXTS_ROW))!;
    class GoneFile extends Blob {
      override arrayBuffer(): Promise<ArrayBuffer> {
        return Promise.reject(new DOMException('A requested file or directory could not be found', 'NotFoundError'));
      }
    }
    expect(await foldEntries({ ...good, bytes: new GoneFile([await good.bytes!.arrayBuffer()]) })).toBeNull();
    expect(await foldEntries(good)).not.toBeNull();
  });

  it('a text damaged to the same length is found by the next fold\'s hash check and kept apart from then on', async () => {
    const db = await folded();
    const good = (await db.texts.get(TEXTS_ROW))!;
    const texts = (await textsIn(good)) as string[];
    const id = good.ids[0];
    const text = texts[0];
    const damaged = `${text.slice(0, 10)}${text[10] === 'x' ? 'y' : 'x'}${text.slice(11)}`;
    await db.texts.put(foldOf(good.ids.map((i, k) => ({ id: i, hash: good.hashes[k], text: k === 0 ? damaged : texts[k] }))));
    // A row that carries its own text (an import) makes the next load fold.
    const own = { ...sources[0], id: 'own-copy', title: 'An own copy' };
    await importSources(db, [{ ...own, text: `${own.text}\n\nMade different.` }]);
    const fold = (await foldTexts(db))!;
    expect(fold.damaged).toEqual([id]);
    const stored = (await db.texts.get(TEXTS_ROW))!;
    expect((await textsIn(stored))[stored.ids.indexOf(id)]).toBe(damaged); // kept, not dropped
    expect(stored.hashes[stored.ids.indexOf(id)]).toMatch(new RegExp(`^${DAMAGED}`));
    const { index, report } = await loadLibraryIndex(db);
    expect(report.unreadable).toEqual([id]);
    expect(index.has(id)).toBe(false);
    expect(await readSource(db, id)).toBeUndefined();
    // Putting the source back (an update with its text) makes it whole again; the next fold replaces the damaged entry.
    await installBuiltins(db, sources.map((s) => (s.id === id ? { ...s, title: `${s.title} (updated)` } : s)));
    expect((await readSource(db, id))!.text).toBe(text);
    expect((await foldTexts(db))!.damaged).toEqual([]);
    expect((await loadLibraryIndex(db)).report.unreadable).toEqual([]);
  });

  it('a lone surrogate (half of a pair cut off) comes back from the bytes as U+FFFD: the same length and content hash, so the text stays readable', async () => {
    const cut = `${'\u{1F600}'.slice(0, 1)} and the rest`;
    const entries = await foldEntries(foldOf([{ id: 'a', hash: await contentHash(cut), text: cut }]));
    const back = entries!.get('a')!.text as string;
    expect(back).toBe(`\uFFFD and the rest`);
    expect(back).toHaveLength(cut.length);
    expect(await contentHash(back)).toBe(await contentHash(cut));
  });

  it('joins rows and fold by the rules alone', async () => {
    const row = (id: string, extra: Partial<SourceRow>): SourceRow =>
      ({ id, contentHash: `h-${id}`, addedAt: 0, words: 1, type: 'report', title: id, publisher: null, author: null, speaker: null, published: null, url: null, licence: null, coverage: null, excerpt: false, origin: 'paste', ...extra }) as SourceRow;
    const fold = foldOf([
      { id: 'a', hash: 'h-a', text: 'alpha' },
      { id: 'b', hash: 'h-b', text: 'beta' },
      { id: 'gone', hash: 'h-gone', text: 'x' },
    ]);
    const joined = joinTexts([row('a', { textLength: 5 }), row('b', { text: 'own text' }), row('c', { textLength: 3 })], await foldEntries(fold));
    expect(joined.sources.map((s) => [s.id, s.text])).toEqual([
      ['a', 'alpha'],
      ['b', 'own text'],
    ]);
    expect(joined.sources[0]).not.toHaveProperty('textLength');
    expect(joined.unreadable.map((r) => r.id)).toEqual(['c']);
    expect(joined.separate).toBe(1);
    expect(joined.stale).toBe(2); // 'b' (its row has its own text) and 'gone'
  });
});

describe('texts decoded when first read', () => {
  it('a load decodes no folded text; a check decodes those it judges, each once, and answers as the plain build', async () => {
    const db = await folded();
    const { index } = await loadLibraryIndex(db);
    for (const s of sources) expect(hasLateText(index.source(s.id)!), s.id).toBe(true);
    const q = gold.quotes.find((g) => g.id === 'q25')!; // verbatim in the press release
    const plain = LibraryIndex.fromSources(sources);
    const answer = checkQuote(index, q.query);
    expect(answer).toEqual(checkQuote(plain, q.query));
    const found = answer.match!.sourceId;
    expect(hasLateText(index.source(found)!)).toBe(false);
    expect(sources.filter((s) => hasLateText(index.source(s.id)!)).length).toBeGreaterThan(0); // not judged: still undecoded
    for (const s of sources) expect(index.source(s.id)!.text).toBe(s.text);
    expectAnswersOf(index, sources);
  });

  it('a worker decodes the texts no check read once it is idle', async () => {
    const db = await folded();
    const loaded = loadedIndexes();
    const worker = new LibraryService(db);
    const q = gold.quotes.find((g) => g.id === 'q25')!;
    await worker.check([q.query]);
    const [index] = loaded;
    const late = () => sources.filter((s) => index.has(s.id) && hasLateText(index.source(s.id)!)).map((s) => s.id);
    expect(late().length).toBeGreaterThan(0);
    for (let i = 0; i < 60 && late().length > 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(late()).toEqual([]);
    for (const s of sources) expect(index.source(s.id)!.text).toBe(s.text);
    vi.restoreAllMocks();
  });

  it('a text damaged to bytes of the same length is found at its first read: the worker answers without that source, and gives no text of it', async () => {
    const db = await folded();
    const good = (await db.texts.get(TEXTS_ROW))!;
    const press = 'hmicfrs-press-release-2023';
    const at = good.ids.indexOf(press);
    const bytes = new Uint8Array(await good.bytes!.arrayBuffer());
    const start = at === 0 ? 0 : good.ends![at - 1];
    // A right single quote (three bytes in UTF-8) turned into three letters: the same bytes' length, a longer text.
    let k = start;
    while (!(bytes[k] === 0xe2 && bytes[k + 1] === 0x80 && bytes[k + 2] === 0x99)) k++;
    expect(k).toBeLessThan(good.ends![at]);
    bytes.set([0x78, 0x79, 0x7a], k);
    await db.texts.put({ ...good, bytes: new Blob([bytes]) });
    const hash = (await db.sources.get(press))!.contentHash;

    const worker = new LibraryService(db);
    const queries = gold.quotes.map((g) => g.query);
    const without = LibraryIndex.fromSources(sources.filter((s) => s.id !== press));
    const answers = (await worker.check(queries)).checks;
    expect(answers).toEqual(queries.map((q) => checkQuote(without, q)));
    expect(await worker.loadedText(press, hash)).toBeUndefined();
    expect((await worker.sources()).sources.map((s) => s.id)).not.toContain(press);
    expect((await worker.search('child sexual exploitation')).hits.map((h) => h.sourceId)).not.toContain(press);
    // The library page reads every text whole, and names it.
    expect((await readSources(db)).unreadable.map((r) => r.id)).toEqual([press]);
  });
});

describe('a fold of the format before (its texts as strings)', () => {
  it('is read whole, and the next fold rewrites it as bytes with the same texts, no row touched', async () => {
    const db = await folded();
    const good = (await db.texts.get(TEXTS_ROW))!;
    const texts = await textsIn(good);
    await db.texts.put(stringsFold(good.ids, good.hashes, texts));
    const rows = await db.sources.toArray();

    const old = await loadLibraryIndex(db);
    expect(old.report.unreadable).toEqual([]);
    expect(old.report.textsToFold).toBe(true); // to be rewritten
    expectAnswersOf(old.index, sources);
    expect((await readSource(db, sources[0].id))!.text).toBe(sources[0].text);

    expect(await foldTexts(db)).toEqual({ held: sources.length, folded: [], damaged: [] });
    const rewritten = (await db.texts.get(TEXTS_ROW))!;
    expect(rewritten.format).toBe(TEXTS_FORMAT);
    expect(rewritten.texts).toBeUndefined();
    expect(rewritten.ids).toEqual(good.ids);
    expect(rewritten.hashes).toEqual(good.hashes);
    expect(await textsIn(rewritten)).toEqual(texts);
    expect(await db.sources.toArray()).toEqual(rows);
    const again = await loadLibraryIndex(db);
    expect(again.report.textsToFold).toBe(false);
    expectAnswersOf(again.index, sources);
    expect(await foldTexts(db)).toBeNull();
  });
});

describe('schema upgrade from version 7 (before the texts fold)', () => {
  it('keeps every record; the next load answers from the rows\' texts, and the fold after it moves them in', async () => {
    const name = `verbatim-texts-${++n}`;
    const filled = new LibraryDb(name);
    await installBuiltins(filled, sources);
    const first = await loadLibraryIndex(filled);
    await storeSnapshot(filled, first.report.snapshot!);
    const before = {
      sources: await filled.sources.toArray(),
      snapshot: await filled.snapshot.toArray(),
      lexicon: await filled.lexicon.toArray(),
    };
    await filled.delete();
    const v7 = new Dexie(name);
    v7.version(7).stores({ sources: 'id, origin, contentHash', indexes: 'id, version', removed: 'id', lexicon: 'id', snapshot: 'id' });
    await v7.table('sources').bulkPut(before.sources);
    await v7.table('snapshot').bulkPut(before.snapshot);
    await v7.table('lexicon').bulkPut(before.lexicon);
    v7.close();

    const db = new LibraryDb(name);
    open.push(db);
    expect(await db.sources.toArray()).toEqual(before.sources);
    expect(await db.snapshot.toArray()).toEqual(before.snapshot);
    expect(await db.texts.count()).toBe(0);
    const { index, report } = await loadLibraryIndex(db);
    expect(report.fromSnapshot).toHaveLength(sources.length);
    expect(report.textsToFold).toBe(true);
    expectAnswersOf(index, sources);
    expect((await foldTexts(db))!.folded).toHaveLength(sources.length);
    const again = await loadLibraryIndex(db);
    expect(again.report.textsToFold).toBe(false);
    expect(again.report.built).toEqual([]);
    expectAnswersOf(again.index, sources);
    for (const s of before.sources as StoredSource[]) expect((await readSource(db, s.id))!).toEqual(s);
  });
});

describe('LibraryService and the texts fold', () => {
  it('folds the texts a while after a load that read them from their rows; the next worker answers from the fold', async () => {
    const db = freshDb();
    await installBuiltins(db, sources);
    const worker = new LibraryService(db);
    await worker.warmUp();
    expect(await db.texts.count()).toBe(0); // not yet: the first answers come first
    for (let i = 0; i < 100 && (await db.texts.count()) === 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(await db.texts.count()).toBe(1);
    expect((await db.sources.toArray()).every((r) => r.text === undefined)).toBe(true);
    const q = gold.quotes.find((g) => g.id === 'q25')!;
    const plain = LibraryIndex.fromSources(sources.map((s) => toSource({ ...s, contentHash: '', addedAt: 0, words: 0 })));
    const next = new LibraryService(db);
    const id = sources[0].id;
    const hash = (await db.sources.get(id))!.contentHash;
    expect(await next.loadedText(id, hash)).toBeUndefined(); // nothing loaded: the caller reads the database
    const answer = (await next.check([q.query])).checks[0];
    expect(answer.verdict).toBe('verbatim');
    expect(answer).toEqual(checkQuote(plain, q.query));
    expect(await next.loadedText(id, hash)).toBe(sources[0].text);
    expect(await next.loadedText(id, 'another-hash')).toBeUndefined(); // another text since the load
  }, 30_000);

  it('a folded source read with a text already held: the row\'s details, the held text only when it fits the row', async () => {
    const db = await folded();
    const id = sources[0].id;
    await saveMeta(db, id, { title: 'Edited since', publisher: null, author: null, published: null, url: null, type: 'report', excerpt: false });
    const asked: string[] = [];
    const held = (text: string) => (row: SourceRow) => {
      asked.push(row.id);
      return text;
    };
    // A text of the row's length is taken as held (the caller vouches for its hash); the details are the row's.
    const marked = `X${sources[0].text.slice(1)}`;
    expect(await readSource(db, id, held(marked))).toMatchObject({ title: 'Edited since', text: marked });
    // One of another length is not: the fold is read.
    expect((await readSource(db, id, held('short')))!.text).toBe(sources[0].text);
    expect((await readSource(db, id, () => undefined))!.text).toBe(sources[0].text);
    // A row with its own text never asks.
    asked.length = 0;
    await importSources(db, [{ ...sources[1], id: 'own-copy', title: 'Own', text: `${sources[1].text}\n\nDifferent.` }]);
    expect((await readSource(db, 'own-copy', held('never')))!.title).toBe('Own');
    expect(asked).toEqual([]);
    expect(await readSource(db, 'no-such-source', held('never'))).toBeUndefined();
  });
});
