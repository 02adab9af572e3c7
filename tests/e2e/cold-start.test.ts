// A service worker that Chrome stopped loads the library back from IndexedDB: the index is built
// from the stored rows while the sources' texts are still being read, and each source's record
// is filled in when its text comes. The page must get the very answers a warm worker gives, and
// the card must show the original passage and its source, which come from those records.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { type Launched, type Served, ROOT, SCREENSHOTS, launchWithExtension, openLibraryPage, serveFolder, stopServiceWorker, waitForCheck } from './harness';
import { openCard } from './card-helpers';

const gold: { quotes: { id: string; quote: string }[] } = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/corpus/gold/wilby-2023-12-08.json'), 'utf8'));
const q04 = gold.quotes.find((q) => q.id === 'q04')!.quote;
const q25 = gold.quotes.find((q) => q.id === 'q25')!.quote;

let launched: Launched;
let served: Served;

beforeAll(async () => {
  launched = await launchWithExtension();
  served = await serveFolder(join(ROOT, 'tests/fixtures/corpus/articles'));
  (await openLibraryPage(launched)).close(); // the built-in sources are in
});

afterAll(async () => {
  await launched?.close();
  await served?.close();
});

/** The page checked: every Verbatim highlight (name → its ranges' texts, sorted), and the card of two quotes. */
async function checkedPage(screenshot?: string): Promise<{ painted: Record<string, string[]>; cards: string[]; page: Page }> {
  const page = await launched.context.newPage();
  await page.goto(`${served.origin}/wilby-2023-12-08.html`);
  expect(await waitForCheck(page, 30_000)).toBe('done');
  const painted = await page.evaluate(() => {
    const out: Record<string, string[]> = {};
    CSS.highlights.forEach((highlight, key) => {
      if (key.startsWith('verbatim-verdict-')) out[key] = [...highlight].map((r) => (r as Range).toString()).sort();
    });
    return out;
  });
  const cards: string[] = [];
  for (const quote of [q25, q04]) {
    const card = await openCard(page, quote.slice(0, 30));
    cards.push(`${await card.getAttribute('aria-label')}\n${await card.locator('.vb-passage').innerText()}`);
  }
  if (screenshot) await page.screenshot({ path: join(SCREENSHOTS, screenshot) });
  return { painted, cards, page };
}

/**
 * The stored snapshot of the index rows, read from a script-less extension page (which does not
 * wake the worker): how many rows it holds (0 when there is none), after `change` is applied to it.
 */
async function snapshot(change?: 'reverse'): Promise<number> {
  const page = await launched.context.newPage();
  try {
    await page.goto(`chrome-extension://${launched.extensionId}/licences/citeproc-js.txt`);
    return await page.evaluate(async (how) => {
      const req = <T,>(r: IDBRequest<T>) => new Promise<T>((ok, fail) => ((r.onsuccess = () => ok(r.result)), (r.onerror = () => fail(r.error))));
      const db = await req(indexedDB.open('verbatim'));
      try {
        if (!db.objectStoreNames.contains('snapshot')) return 0;
        const tx = db.transaction('snapshot', 'readwrite');
        const row = (await req(tx.objectStore('snapshot').get('library'))) as { rows: unknown[] } | undefined;
        if (row && how === 'reverse') await req(tx.objectStore('snapshot').put({ ...row, rows: [...row.rows].reverse() }));
        return row ? row.rows.length : 0;
      } finally {
        db.close();
      }
    }, change);
  } finally {
    await page.close();
  }
}

let warmAnswers: { painted: Record<string, string[]>; cards: string[] } | null = null;

describe('a cold start from the stored library', () => {
  it('gives the page the answers of a warm worker, and the card its passage and source', async () => {
    const warm = await checkedPage();
    warmAnswers = { painted: warm.painted, cards: warm.cards };
    await warm.page.close();
    await stopServiceWorker(launched);
    const cold = await checkedPage('cold-start-card.png');
    expect(Object.values(cold.painted).flat()).toHaveLength(27);
    expect(cold.painted).toEqual(warm.painted);
    expect(cold.cards).toEqual(warm.cards);
    // The card's words come from the source records filled in during the load.
    expect(cold.cards[0]).toContain('Quote check: ');
    expect(cold.cards[1]).toContain('HMICFRS press release');
    expect(cold.cards[1]).toContain('It cannot be overstated how complex');
    await cold.page.close();
  }, 120_000);

  it('reads the rows from the snapshot a load stored, and a stale snapshot is passed over: the answers stay the warm worker\'s', async () => {
    expect(warmAnswers).not.toBeNull();
    // Stored a few seconds after a load that read the rows one by one.
    let rows = 0;
    for (let i = 0; i < 40 && rows === 0; i++) {
      await new Promise((r) => setTimeout(r, 250));
      rows = await snapshot();
    }
    expect(rows).toBe(4); // the four built-in sources
    await stopServiceWorker(launched);
    const fromSnapshot = await checkedPage('cold-start-snapshot-card.png');
    expect(fromSnapshot.painted).toEqual(warmAnswers!.painted);
    expect(fromSnapshot.cards).toEqual(warmAnswers!.cards);
    await fromSnapshot.page.close();
    // Rows out of order are not the library's: the load reads the rows one by one instead.
    expect(await snapshot('reverse')).toBe(rows);
    await stopServiceWorker(launched);
    const passedOver = await checkedPage();
    expect(passedOver.painted).toEqual(warmAnswers!.painted);
    expect(passedOver.cards).toEqual(warmAnswers!.cards);
    await passedOver.page.close();
  }, 120_000);
});
