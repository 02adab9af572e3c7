// Faults while the library is written: the disk is full (the browser's storage quota is cut below
// what an import needs), and the page doing an import is closed halfway. The library is either as
// it was or complete, never half-written, and the reader is told in words.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { sotuPack } from '../../scripts/eval/library';
import { join } from 'node:path';
import { type Launched, type Served, ROOT, launchWithExtension, openLibraryPage, serveFolder, stopServiceWorker, waitForCheck } from './harness';

let launched: Launched;
let options: Page;
let served: Served;


/** What the library holds, read straight from its database: source ids and index rows. */
async function stored(page: Page): Promise<{ sources: string[]; indexes: string[] }> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const req = indexedDB.open('verbatim');
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error);
    });
    const keys = (store: string) =>
      new Promise<string[]>((ok, fail) => {
        const req = db.transaction(store).objectStore(store).getAllKeys();
        req.onsuccess = () => ok(req.result.map(String).sort());
        req.onerror = () => fail(req.error);
      });
    const out = { sources: await keys('sources'), indexes: await keys('indexes') };
    db.close();
    return out;
  });
}


beforeAll(async () => {
  launched = await launchWithExtension();
  served = await serveFolder(join(ROOT, 'tests/fixtures/corpus/articles'));
  options = await openLibraryPage(launched);
}, 60_000);

afterAll(async () => {
  await launched?.close();
  await served?.close(); // after the browser: an open keep-alive connection would hold it
});

describe('faults while writing the library', () => {
  it('a full disk: the import is refused in words and nothing is half-written', async () => {
    const before = await stored(options);
    expect(before.sources).toHaveLength(4);
    // With `unlimitedStorage` the browser sets no quota on the extension (an override of the
    // origin's quota is ignored), so only a full disk stops a write. Its error is injected where the
    // disk would raise it: the third record written in the import fails with QuotaExceededError, after
    // two have gone into the same transaction.
    await options.evaluate(() => {
      const put = IDBObjectStore.prototype.put;
      let writes = 0;
      IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
        if (++writes === 3) throw new DOMException('The disk is full.', 'QuotaExceededError');
        return put.apply(this, args);
      };
    });
    const pack = Buffer.from(await sotuPack(12));
    await options.setInputFiles('#file-input', { name: 'addresses.verbatim.json', mimeType: 'application/json', buffer: pack });
    await expect.poll(() => options.getByTestId('notice').textContent(), { timeout: 30_000 }).toMatch(/no more storage space.*Nothing was imported/);
    expect(await options.getByTestId('notice').getAttribute('role')).toBe('alert');
    await options.screenshot({ path: 'docs/screenshots/options-quota-error.png' });
    // The two writes that went through were rolled back with the transaction.
    await options.reload();
    expect(await stored(options)).toEqual(before);
    expect(await options.locator('.lp-item').count()).toBe(4);
  }, 90_000);

  it('the page importing is closed halfway: the library is as before or complete, never between', async () => {
    const before = await stored(options);
    const pack = Buffer.from(await sotuPack(40));
    const importing = await openLibraryPage(launched);
    await importing.setInputFiles('#file-input', { name: 'addresses.verbatim.json', mimeType: 'application/json', buffer: pack });
    await importing.waitForTimeout(150); // reading and indexing are under way
    await importing.close();

    const after = await stored(await openLibraryPage(launched));
    const added = after.sources.filter((id) => !before.sources.includes(id));
    expect([0, 40]).toContain(added.length);
    // Every source has its index row or will build it; no index row is left without its source.
    expect(after.indexes.every((id) => after.sources.includes(id))).toBe(true);
  }, 120_000);

  it('the service worker stopped by the browser: the next page starts it again and is checked in full', async () => {
    {
      await stopServiceWorker(launched);
      const article = await launched.context.newPage();
      await article.goto(`${served.origin}/wilby-2023-12-08.html`);
      expect(await waitForCheck(article, 30_000)).toBe('done');
      expect(await article.getAttribute('html', 'data-verbatim-quotes')).toBe('27');
      const verbatim = await article.evaluate(() => CSS.highlights.get('verbatim-verdict-verbatim-quiet')?.size ?? CSS.highlights.get('verbatim-verdict-verbatim')?.size ?? 0);
      expect(verbatim).toBe(1);
      await article.close();
    }
  }, 60_000);
});
