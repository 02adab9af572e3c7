// A service worker that Chrome stopped loads the library back from IndexedDB: the index is built
// from the stored rows while the sources' texts are still being read, and each source's record
// is filled in when its text comes. The page must get the very answers a warm worker gives, and
// the card must show the original passage and its source, which come from those records.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ROOT, SCREENSHOTS, extensionWithArticles, stopServiceWorker, waitForCheck } from './harness';
import { openCard } from './card-helpers';

const gold: { quotes: { id: string; quote: string }[] } = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/corpus/gold/wilby-2023-12-08.json'), 'utf8'));
const q04 = gold.quotes.find((q) => q.id === 'q04')!.quote;
const q25 = gold.quotes.find((q) => q.id === 'q25')!.quote;

const env = extensionWithArticles();

/** The page checked: every Verbatim highlight (name → its ranges' texts, sorted), and the card of two quotes. */
async function checkedPage(screenshot?: string): Promise<{ painted: Record<string, string[]>; cards: string[]; page: Page }> {
  const page = await env.launched.context.newPage();
  await page.goto(`${env.served.origin}/wilby-2023-12-08.html`);
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
 * The stored snapshot of the index rows and the separate rows beside it, read from a script-less
 * extension page (which does not wake the worker): how many rows each holds, after `change` is
 * applied to the snapshot ('foreign': marked as of another lexicon, so none of its rows is trusted).
 */
async function storedRows(change?: 'foreign'): Promise<{ snapshot: number; separate: number }> {
  const page = await env.launched.context.newPage();
  try {
    await page.goto(`chrome-extension://${env.launched.extensionId}/licences/citeproc-js.txt`);
    return await page.evaluate(async (how) => {
      const req = <T,>(r: IDBRequest<T>) => new Promise<T>((ok, fail) => ((r.onsuccess = () => ok(r.result)), (r.onerror = () => fail(r.error))));
      const db = await req(indexedDB.open('verbatim'));
      try {
        if (!db.objectStoreNames.contains('snapshot')) return { snapshot: 0, separate: -1 };
        const tx = db.transaction(['snapshot', 'indexes'], 'readwrite');
        const row = (await req(tx.objectStore('snapshot').get('library'))) as { rows: unknown[]; generation: string } | undefined;
        if (row && how === 'foreign') await req(tx.objectStore('snapshot').put({ ...row, generation: 'another-lexicon' }));
        const separate = await req(tx.objectStore('indexes').count());
        return { snapshot: row ? row.rows.length : 0, separate };
      } finally {
        db.close();
      }
    }, change);
  } finally {
    await page.close();
  }
}

/** Waits until the background has folded the rows into the snapshot: four rows there, none beside it. */
async function foldedIn(): Promise<{ snapshot: number; separate: number }> {
  let rows = await storedRows();
  for (let i = 0; i < 40 && !(rows.snapshot === 4 && rows.separate === 0); i++) {
    await new Promise((r) => setTimeout(r, 250));
    rows = await storedRows();
  }
  return rows;
}

let warmAnswers: { painted: Record<string, string[]>; cards: string[] } | null = null;

describe('a cold start from the stored library', () => {
  it('gives the page the answers of a warm worker, and the card its passage and source', async () => {
    const warm = await checkedPage();
    warmAnswers = { painted: warm.painted, cards: warm.cards };
    await warm.page.close();
    await stopServiceWorker(env.launched);
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

  it('reads the rows from the snapshot that holds them, and a snapshot of another lexicon is rebuilt from the texts: the answers stay the warm worker\'s', async () => {
    expect(warmAnswers).not.toBeNull();
    // Moved into the snapshot a few seconds after a load that took them as separate rows: each row stored once.
    expect(await foldedIn()).toEqual({ snapshot: 4, separate: 0 }); // the four built-in sources
    await stopServiceWorker(env.launched);
    const fromSnapshot = await checkedPage('cold-start-snapshot-card.png');
    expect(fromSnapshot.painted).toEqual(warmAnswers!.painted);
    expect(fromSnapshot.cards).toEqual(warmAnswers!.cards);
    await fromSnapshot.page.close();
    // A snapshot not of the stored lexicon is not read: every source is indexed from its text again,
    // written back as separate rows, and folded into a new snapshot afterwards.
    expect((await storedRows('foreign')).snapshot).toBe(4);
    await stopServiceWorker(env.launched);
    const rebuilt = await checkedPage();
    expect(rebuilt.painted).toEqual(warmAnswers!.painted);
    expect(rebuilt.cards).toEqual(warmAnswers!.cards);
    await rebuilt.page.close();
    expect(await foldedIn()).toEqual({ snapshot: 4, separate: 0 });
  }, 120_000);
});
