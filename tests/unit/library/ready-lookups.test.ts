// A cold load readies the index for the quotes that arrive while it waits for IndexedDB: their
// fingerprints worked out, the postings partitions they fall in sorted, the offsets of the sources
// they are found in decoded. Only when that work is done may change: never what a check answers.
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { LibraryDb } from '../../../lib/library/db';
import { loadLibraryIndex, storeSnapshot } from '../../../lib/library/stored-index';
import { LibraryIndex, checkQuote } from '../../../lib/match/index';
import { quoteLookups } from '../../../lib/match/quote-lookups';
import { PostingTable } from '../../../lib/match/postings';
import { SortedPostings } from '../../../lib/match/sorted-postings';
import { SHORT_QUOTE_WORDS, hasWords } from '../../../lib/text/words';
import type { QuoteQuery } from '../../../lib/types';
import { quoteContext } from '../../../lib/quotes/index';
import { generatePages } from '../../../scripts/eval/generate';
import { loadSotuLibrary } from '../../../scripts/eval/library';
import { storeLibrary } from '../../../scripts/bench/cold-start';

const open: Dexie[] = [];
afterEach(async () => {
  for (const d of open.splice(0)) await d.delete();
});

function queriesOf(sources: ReturnType<typeof loadSotuLibrary>, seed: number, quotesPerPage: number): QuoteQuery[] {
  return generatePages(sources, { seed, pages: 2, quotesPerPage }).flatMap((page) =>
    page.quotes.map((q) => ({ text: q.text, attribution: q.attribution, ...quoteContext(page.text, q) })),
  );
}

/** The fingerprints a check passes to lookupInto, in order, read off the index it runs on. */
function lookedUp(index: LibraryIndex, query: QuoteQuery): number[] {
  const seen: number[] = [];
  const own = index.lookupInto.bind(index);
  index.lookupInto = (hash: number, out: number[]) => {
    seen.push(hash >>> 0);
    return own(hash, out);
  };
  try {
    checkQuote(index, query);
  } finally {
    delete (index as { lookupInto?: unknown }).lookupInto; // the prototype's again
  }
  return seen;
}

describe('quoteLookups', () => {
  it('are the fingerprints a check of the quote looks up first, in its order (parts, elisions and brackets included)', () => {
    const sources = loadSotuLibrary(40);
    const index = LibraryIndex.fromSources(sources);
    const queries = [
      ...queriesOf(sources, 3, 40),
      { text: 'the state of the Union … our country is strong [and] free' },
      { text: 'we [the people] must … remain vigilant [sic] and ready' },
    ];
    let checked = 0;
    for (const q of queries) {
      const seen = lookedUp(index, q);
      const want = quoteLookups(q.text).map((h) => h >>> 0);
      if (!hasWords(q.text, SHORT_QUOTE_WORDS)) continue; // short quotes are placed by their words, not by k-grams
      expect(seen.slice(0, want.length), q.text).toEqual(want);
      checked++;
    }
    expect(checked).toBeGreaterThan(60);
  }, 120_000);
});

describe('SortedPostings.prepare', () => {
  it('leaves every lookup as it was, prepared before, after or between other lookups', () => {
    let seed = 5;
    const next = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0);
    const n = 30_000;
    const hashes = new Uint32Array(n);
    const values = new Uint32Array(n);
    const table = new PostingTable();
    for (let i = 0; i < n; i++) {
      hashes[i] = Math.imul((next() % 6000) + 1, 0x9e3779b1) >>> 0;
      values[i] = i % 5 === 0 ? next() % 1000 : i; // mostly ascending, some not
      table.add(hashes[i], values[i]);
    }
    const distinct = [...new Set(hashes)];
    const sorted = SortedPostings.build(hashes, values);
    let prepared = 0;
    for (let k = 0; k < distinct.length; k++) {
      if (k % 3 === 0 && sorted.prepare(distinct[k])) prepared++;
      const out: number[] = [];
      sorted.copyTo(distinct[k], out, 0);
      expect(out).toEqual(table.get(distinct[k], n));
      expect(sorted.prepare(distinct[k])).toBe(false); // sorted once, by whichever came first
    }
    expect(prepared).toBeGreaterThan(100);
  });
});

/** The whole State of the Union library stored, its rows folded into the snapshot, and its plain build. */
async function storedWithSnapshot(): Promise<{ sotu: ReturnType<typeof loadSotuLibrary>; plain: LibraryIndex; db: LibraryDb }> {
  const sotu = loadSotuLibrary();
  const plain = LibraryIndex.fromSources(sotu);
  const { name } = await storeLibrary(sotu, plain);
  const db = new LibraryDb(name);
  open.push(db);
  await storeSnapshot(db, (await loadLibraryIndex(db)).report.snapshot!);
  return { sotu, plain, db };
}

describe('a cold load readying the waiting quotes', () => {
  it('over the whole State of the Union library: the quotes given to the load are readied, and every answer is the plain build\'s', async () => {
    const { sotu, plain, db } = await storedWithSnapshot();
    const queries = queriesOf(sotu, 7, 40);
    const waiting = queries.map((q) => q.text);
    const { index, report } = await loadLibraryIndex(db, undefined, waiting);
    expect(report.fromSnapshot).toHaveLength(sotu.length);
    // The first quotes were readied while the texts were read: their partitions are sorted already.
    expect(index.prepareLookups(quoteLookups(waiting[0]))).toBe(0);
    expect(index.prepareLookups(quoteLookups(waiting[1]))).toBe(0);
    for (const q of queries) expect(checkQuote(index, q)).toEqual(checkQuote(plain, q));
    // And an index readied for every quote at once answers the same.
    const again = await loadLibraryIndex(db);
    for (const q of queries) again.index.prepareLookups(quoteLookups(q.text));
    for (const q of queries) expect(checkQuote(again.index, q)).toEqual(checkQuote(plain, q));
  }, 300_000);

  it('with a row\'s offsets damaged where the first quotes are found: the offsets, checked while the texts are read, refuse the row, which is rebuilt, and every answer is the plain build\'s', async () => {
    const { sotu, plain, db } = await storedWithSnapshot();
    const queries = queriesOf(sotu, 9, 30);
    const found = queries.map((q) => checkQuote(plain, q).match?.sourceId).filter((id): id is string => !!id);
    const [first, second] = [...new Set(found)];
    const snapshot = (await db.snapshot.toArray())[0];
    const damage = (id: string, offsets: (o: Uint8Array) => Uint8Array) => {
      const row = snapshot.rows.find((r) => r.id === id)!;
      return { ...row, data: { ...row.data, offsets: offsets(row.data.offsets) } };
    };
    const rows = snapshot.rows.map((r) =>
      r.id === first ? damage(first, (o) => o.slice(0, -3)) : r.id === second ? damage(second, (o) => Uint8Array.of(...o, 0x80)) : r,
    );
    await db.snapshot.put({ ...snapshot, rows });
    const { index, report } = await loadLibraryIndex(db, undefined, queries.map((q) => q.text));
    expect([...report.built].sort()).toEqual([first, second].sort());
    expect(report.loaded).toHaveLength(sotu.length - 2);
    for (const q of queries) expect(checkQuote(index, q)).toEqual(checkQuote(plain, q));
  }, 300_000);
});
