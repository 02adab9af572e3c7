// A library stored by the schema before the texts fold (version 7: every source row holds its own
// text) must load, answer, and be folded at its next load; a cold start then reads the texts from
// the fold. The profile is taken back to its version-7 form in place, with IndexedDB itself, from
// an extension page. Opening that page can wake the worker (it listens for tab updates), which
// then opens the database: the deletion closes its connection (Dexie gives way to a versionchange)
// and the reopening at version 7 is asked in the same breath, so a worker that opens it later
// waits and upgrades the version-7 library, the path under test. A fold written by the version
// before this one (its texts as an array of strings, format 1) is made the same way, in place.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CURRENT_SCHEMA, SCREENSHOTS, extensionWithArticles, openLibraryPage, stopServiceWorker, waitForCheck } from './harness';
import { openCard } from './card-helpers';

const env = extensionWithArticles();

/** Every Verbatim highlight of the checked page (name → its ranges' texts, sorted), and one quote's card. */
async function checkedPage(screenshot?: string): Promise<{ painted: Record<string, string[]>; card: string; page: Page }> {
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
  const card = await openCard(page, 'It cannot be overstated');
  const text = `${await card.getAttribute('aria-label')}\n${await card.locator('.vb-passage').innerText()}`;
  if (screenshot) await page.screenshot({ path: join(SCREENSHOTS, screenshot) });
  return { painted, card: text, page };
}

interface Stored {
  version: number;
  stores: string[];
  withText: number; // source rows holding their own text
  folded: string[]; // the texts fold's ids
  format: number | null; // the texts fold's format
}

/** A texts fold as IndexedDB holds it, in either format. */
interface Fold {
  id: string;
  format: number;
  ids: string[];
  hashes: string[];
  bytes?: Blob;
  ends?: number[];
  texts?: string[];
}

/** The stored texts fold with its texts decoded, read from an extension page; null without one. */
async function readFold(page: Page): Promise<(Fold & { texts: string[] }) | null> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const r = indexedDB.open('verbatim');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    try {
      if (!db.objectStoreNames.contains('texts')) return null;
      const fold = await new Promise<Fold | undefined>((ok, fail) => {
        const r = db.transaction('texts').objectStore('texts').get('library');
        r.onsuccess = () => ok(r.result as Fold | undefined);
        r.onerror = () => fail(r.error);
      });
      if (!fold) return null;
      if (fold.format === 1) return { ...fold, texts: fold.texts! };
      const bytes = new Uint8Array(await fold.bytes!.arrayBuffer());
      const decoder = new TextDecoder();
      const ends = fold.ends!;
      const texts = ends.map((end, i) => decoder.decode(bytes.subarray(i === 0 ? 0 : ends[i - 1], end)));
      return { id: fold.id, format: fold.format, ids: fold.ids, hashes: fold.hashes, texts };
    } finally {
      db.close();
    }
  });
}

/**
 * The stored library as seen from a script-less extension page (which does not wake the worker);
 * with `toVersion7`, first rewritten as the version-7 schema kept it: the texts back in their rows,
 * no texts table, Dexie's version 7 (IndexedDB version 70).
 */
async function stored(toVersion7 = false): Promise<Stored> {
  const page = await env.launched.context.newPage();
  try {
    await page.goto(`chrome-extension://${env.launched.extensionId}/licences/citeproc-js.txt`);
    const folded = toVersion7 ? await readFold(page) : null;
    return await page.evaluate(async ([back, fold]) => {
      const req = <T,>(r: IDBRequest<T>) => new Promise<T>((ok, fail) => ((r.onsuccess = () => ok(r.result)), (r.onerror = () => fail(r.error))));
      const openAt = (version?: number, upgrade?: (db: IDBDatabase) => void) =>
        new Promise<IDBDatabase>((ok, fail) => {
          const r = indexedDB.open('verbatim', version);
          r.onupgradeneeded = () => upgrade?.(r.result);
          r.onsuccess = () => ok(r.result);
          r.onerror = () => fail(r.error);
        });
      let db = await openAt();
      if (back) {
        const names = ['sources', 'indexes', 'removed', 'lexicon', 'snapshot'];
        const tx = db.transaction(names);
        const all: Record<string, Record<string, unknown>[]> = {};
        for (const name of names) all[name] = (await req(tx.objectStore(name).getAll())) as Record<string, unknown>[];
        for (const row of all.sources) {
          if (typeof row.text !== 'string') row.text = fold!.texts[fold!.ids.indexOf(row.id as string)];
          delete row.textLength;
        }
        db.close();
        // Deleted and opened again at version 70 in one go: IndexedDB serves the two requests in
        // order, before any open the worker (woken by this tab) asks for after them.
        const deleted = new Promise<void>((ok, fail) => {
          const r = indexedDB.deleteDatabase('verbatim');
          r.onsuccess = () => ok();
          r.onerror = () => fail(r.error);
        });
        db = await openAt(70, (d) => {
          const sources = d.createObjectStore('sources', { keyPath: 'id' });
          sources.createIndex('origin', 'origin');
          sources.createIndex('contentHash', 'contentHash');
          d.createObjectStore('indexes', { keyPath: 'id' }).createIndex('version', 'version');
          for (const name of ['removed', 'lexicon', 'snapshot']) d.createObjectStore(name, { keyPath: 'id' });
        });
        await deleted;
        const write = db.transaction(names, 'readwrite');
        for (const name of names) for (const value of all[name]) write.objectStore(name).put(value);
        await new Promise<void>((ok, fail) => ((write.oncomplete = () => ok()), (write.onerror = () => fail(write.error))));
      }
      try {
        const stores = [...db.objectStoreNames].sort();
        const rows = (await req(db.transaction('sources').objectStore('sources').getAll())) as { text?: unknown }[];
        const fold = stores.includes('texts') ? ((await req(db.transaction('texts').objectStore('texts').get('library'))) as Fold | undefined) : undefined;
        return { version: db.version, stores, withText: rows.filter((r) => typeof r.text === 'string').length, folded: fold?.ids ?? [], format: fold?.format ?? null };
      } finally {
        db.close();
      }
    }, [toVersion7, folded] as const);
  } finally {
    await page.close();
  }
}

/**
 * Rewrites the stored texts fold from an extension page: each text through `change` (by source
 * id), written in the current format (2, the texts' bytes) or in format 1, the texts as strings,
 * as the version before wrote it. Returns the fold's ids.
 */
async function rewriteFold(format: 1 | 2, change: { id: string; cut: number } | null = null): Promise<string[]> {
  const page = await env.launched.context.newPage();
  try {
    await page.goto(`chrome-extension://${env.launched.extensionId}/licences/citeproc-js.txt`);
    const fold = (await readFold(page))!;
    return await page.evaluate(
      async ([format, change, fold]) => {
        const db = await new Promise<IDBDatabase>((ok, fail) => {
          const r = indexedDB.open('verbatim');
          r.onsuccess = () => ok(r.result);
          r.onerror = () => fail(r.error);
        });
        const texts = [...fold.texts];
        if (change) {
          const at = fold.ids.indexOf(change.id);
          texts[at] = texts[at].slice(0, -change.cut);
        }
        const { id, ids, hashes } = fold;
        let value: Fold;
        if (format === 1) value = { id, format: 1, ids, hashes, texts };
        else {
          const encoder = new TextEncoder();
          const parts = texts.map((t) => encoder.encode(t));
          let end = 0;
          value = { id, format: 2, ids, hashes, bytes: new Blob(parts), ends: parts.map((p) => (end += p.length)) };
        }
        const tx = db.transaction('texts', 'readwrite');
        tx.objectStore('texts').put(value);
        await new Promise<void>((ok, fail) => ((tx.oncomplete = () => ok()), (tx.onerror = () => fail(tx.error))));
        db.close();
        return ids;
      },
      [format, change, fold] as const,
    );
  } finally {
    await page.close();
  }
}

/** Waits until the background has folded the four built-in sources' texts: none left in a row. */
async function textsFolded(): Promise<Stored> {
  let now = await stored();
  for (let i = 0; i < 40 && !(now.folded.length === 4 && now.withText === 0); i++) {
    await new Promise((r) => setTimeout(r, 250));
    now = await stored();
  }
  return now;
}

describe('a library stored before the texts fold (schema version 7)', () => {
  it('loads and answers as before, is folded at that load, and the next cold start answers the same from the fold', async () => {
    const warm = await checkedPage();
    await warm.page.close();
    expect(Object.values(warm.painted).flat()).toHaveLength(27);
    expect(await textsFolded()).toMatchObject({ version: CURRENT_SCHEMA, withText: 0 }); // the current build folds its own first load

    await stopServiceWorker(env.launched);
    const v7 = await stored(true);
    expect(v7).toEqual({ version: 70, stores: ['indexes', 'lexicon', 'removed', 'snapshot', 'sources'], withText: 4, folded: [], format: null });
    // Opening a tab wakes the worker (it listens for tab updates), which may have loaded the
    // current library just before it was rewritten: stopped again, so nothing of it stays in memory.
    await stopServiceWorker(env.launched);

    // The worker opens the version-7 library, upgrades it, answers from the rows' texts, then folds them.
    const upgraded = await checkedPage();
    expect(upgraded.painted).toEqual(warm.painted);
    expect(upgraded.card).toEqual(warm.card);
    await upgraded.page.close();
    const after = await textsFolded();
    expect(after.version).toBe(CURRENT_SCHEMA);
    expect(after.stores).toContain('texts');
    expect(after.withText).toBe(0);
    expect(after.folded).toHaveLength(4);
    expect(after.format).toBe(2);

    await stopServiceWorker(env.launched);
    const fromFold = await checkedPage('upgrade-texts-card.png');
    expect(fromFold.painted).toEqual(warm.painted);
    expect(fromFold.card).toEqual(warm.card);
    expect(fromFold.card).toContain('HMICFRS press release');
    await fromFold.page.close();
  }, 120_000);
  it('a texts fold of the format before (its texts as strings) loads and answers the same, and is rewritten as bytes', async () => {
    const warm = await checkedPage();
    await warm.page.close();
    expect((await textsFolded()).format).toBe(2);
    await stopServiceWorker(env.launched);
    expect(await rewriteFold(1)).toHaveLength(4);
    await stopServiceWorker(env.launched);
    expect((await stored()).format).toBe(1);

    const fromStrings = await checkedPage();
    expect(fromStrings.painted).toEqual(warm.painted);
    expect(fromStrings.card).toEqual(warm.card);
    await fromStrings.page.close();
    let now = await stored();
    for (let i = 0; i < 40 && now.format !== 2; i++) {
      await new Promise((r) => setTimeout(r, 250));
      now = await stored();
    }
    expect(now).toMatchObject({ format: 2, withText: 0 });
    expect(now.folded).toHaveLength(4);

    await stopServiceWorker(env.launched);
    const fromBytes = await checkedPage();
    expect(fromBytes.painted).toEqual(warm.painted);
    expect(fromBytes.card).toEqual(warm.card);
    await fromBytes.page.close();
  }, 120_000);
  it('names a folded text damaged on disk on the library page, never checks against it, and removes it', async () => {
    expect((await textsFolded()).folded).toHaveLength(4);
    await stopServiceWorker(env.launched);
    const press = 'hmicfrs-press-release-2023';
    // The press release's folded text cut short on disk, as a damaged value would come back.
    const cut = (await rewriteFold(2, { id: press, cut: 20 })).includes(press);
    expect(cut).toBe(true);
    await stopServiceWorker(env.launched);

    const library = await openLibraryPage(env.launched, 3);
    const warning = library.getByTestId('unreadable');
    await expect.poll(() => warning.count()).toBe(1);
    expect(await warning.innerText()).toContain('Police not doing enough to tackle group-based child sexual exploitation');
    expect(await library.locator(`.lp-item[data-source-id="${press}"]`).count()).toBe(0);
    expect(await library.locator('.lp-sub').innerText()).toMatch(/^3 sources/);
    await library.screenshot({ path: join(SCREENSHOTS, 'options-unreadable-text.png'), fullPage: false });

    // The article's quotes found only in the press release are no longer answered from it.
    const checked = await checkedPage();
    const inLibrary = Object.entries(checked.painted).filter(([key]) => !key.endsWith('not_found')).flatMap(([, texts]) => texts);
    expect(inLibrary.length).toBeLessThan(4);
    await checked.page.close();

    await warning.getByRole('button', { name: /^Remove/ }).click();
    await expect.poll(() => library.getByTestId('unreadable').count()).toBe(0);
    expect(await library.locator('.lp-sub').innerText()).toMatch(/^3 sources/);
    await library.close();
  }, 120_000);
});
