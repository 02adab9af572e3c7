// Firefox: the built extension (MV2 and MV3) installed in firefox-esr over WebDriver BiDi; the
// reference page is checked and highlighted, and a click on a matched quote opens the card. After
// that load the background folds the library's texts into one Blob; Firefox must store it, and
// give it back to the library page and to the background's next load.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { serveFolder, type Served } from '../e2e/harness';

const ROOT = resolve(__dirname, '../..');
const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const Q25 = 'staggering'; // q25 in the gold labels: verbatim in the NPCC response
const ADDON_ID = 'verbatim@verbatim.local';
// The extension's origin fixed by preference, so that the test knows its pages when they open.
const UUID = '5d0c1e4a-8f51-4c3e-9a57-2f6b0c7e9d13';
const ORIGIN = `moz-extension://${UUID}`;

/** The stored texts fold, read with IndexedDB from an extension page: its ids, and whether its texts are a Blob. */
async function foldOf(page: Page): Promise<{ ids: string[]; blob: boolean; bytes: number } | null> {
  return page.evaluate(async () => {
    const answer = <T,>(r: IDBRequest<T>) => new Promise<T>((ok, fail) => ((r.onsuccess = () => ok(r.result)), (r.onerror = () => fail(r.error))));
    const db = await answer(indexedDB.open('verbatim'));
    try {
      if (!db.objectStoreNames.contains('texts')) return null;
      const fold = (await answer(db.transaction('texts').objectStore('texts').get('library'))) as { ids: string[]; bytes?: unknown } | undefined;
      if (!fold) return null;
      const blob = fold.bytes instanceof Blob;
      return { ids: fold.ids, blob, bytes: blob ? (fold.bytes as Blob).size : 0 };
    } finally {
      db.close();
    }
  });
}

/** Loads the reference article in `page` and waits until Verbatim has checked it. */
async function checkArticle(page: Page): Promise<void> {
  await page.goto(`${served.origin}/wilby-2023-12-08.html`);
  await page.waitForFunction(() => document.documentElement.getAttribute('data-verbatim-state') === 'done', { timeout: 30_000 });
}

/** The verdict highlights painted on the page: name → count. */
async function paintedOn(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const out: Record<string, number> = {};
    CSS.highlights.forEach((h, name) => {
      if (name.startsWith('verbatim-verdict-')) out[name] = h.size;
    });
    return out;
  });
}

let served: Served;
beforeAll(async () => {
  served = await serveFolder(join(ROOT, 'tests/fixtures/corpus/articles'));
});
afterAll(async () => {
  await served?.close();
});

for (const build of ['firefox-mv2', 'firefox-mv3']) {
  describe(`the ${build} build in Firefox`, () => {
    let browser: Browser;
    let page: Page;

    beforeAll(async () => {
      const dir = join(ROOT, '.output', build);
      if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`No build at ${dir}: run \`npx wxt build -b firefox\` first.`);
      browser = await puppeteer.launch({
        browser: 'firefox',
        executablePath: FIREFOX,
        headless: true,
        extraPrefsFirefox: {
          // A temporary add-on gets its host permissions without a prompt, as a reader's install does.
          'extensions.originControls.grantByDefault': true,
          'network.proxy.allow_hijacking_localhost': false,
          'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: UUID }),
          // An MV3 event page idle this long is suspended, so that a later page starts it afresh;
          // longer than the background's wait before it folds what a load read (3 s).
          'extensions.background.idle.timeout': 5000,
        },
      });
      await browser.installExtension(dir);
      page = await browser.newPage();
    }, 60_000);

    afterAll(async () => {
      await browser?.close();
    });

    it('checks the reference page and opens the card on a click', async () => {
      await checkArticle(page);
      expect(await page.evaluate(() => document.documentElement.getAttribute('data-verbatim-quotes'))).toBe('27');
      const names = Object.keys(await paintedOn(page));
      expect(names.some((n) => n.startsWith('verbatim-verdict-verbatim'))).toBe(true);

      const point = await page.evaluate((needle) => {
        const walker = document.createTreeWalker(document.querySelector('article')!, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = node.textContent!.indexOf(needle);
          if (at < 0) continue;
          (node.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + needle.length);
          const r = range.getBoundingClientRect();
          return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
        }
        return null;
      }, Q25);
      expect(point).not.toBeNull();
      await page.mouse.click(point!.x, point!.y);
      await page.waitForSelector('verbatim-card[data-verbatim-card="open"]', { timeout: 10_000 });
      const verdict = await page.evaluate(
        () => document.querySelector('verbatim-card')?.shadowRoot?.textContent ?? '',
      );
      expect(verdict).toContain('Verbatim');
      await page.screenshot({ path: join(ROOT, 'docs/screenshots', `${build}-card.png`) as `${string}.png` });
    }, 90_000);

    it('keeps the texts folded as a Blob, lists them on the library page, and checks the page again from them', async () => {
      const before = await paintedOn(page);
      // The library page, opened as a reader opens it: "Add a source" on the card of a quote not in the library.
      const point = await page.evaluate(() => {
        const range = [...(CSS.highlights.get('verbatim-verdict-not_found') ?? [])][0] as Range | undefined;
        if (!range) return null;
        range.startContainer.parentElement!.scrollIntoView({ block: 'center' });
        const r = range.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      });
      expect(point).not.toBeNull();
      await page.mouse.click(point!.x, point!.y);
      await page.waitForSelector('verbatim-card[data-verbatim-card="open"]', { timeout: 10_000 });
      // Firefox's WebDriver BiDi names an extension's page about:blank; its own location says what it is.
      const known = new Set(browser.targets());
      const opened = browser.waitForTarget((t) => !known.has(t) && t.type() === 'page', { timeout: 10_000 });
      await page.evaluate(() => (document.querySelector('verbatim-card')!.shadowRoot!.querySelector('[data-action="add-source"]') as HTMLButtonElement).click());
      const library = (await (await opened).page())!;
      await library.waitForFunction((origin) => location.href === `${origin}/options.html`, { timeout: 10_000 }, ORIGIN);
      // The background folds the texts a few seconds after the load that read them separately.
      let fold = await foldOf(library);
      for (let i = 0; i < 60 && fold === null; i++) {
        await new Promise((r) => setTimeout(r, 250));
        fold = await foldOf(library);
      }
      expect(fold).not.toBeNull();
      expect(fold!.blob).toBe(true);
      expect(fold!.ids).toHaveLength(4);
      expect(fold!.bytes).toBeGreaterThan(5_000);
      // Opened again, the library page reads every text through the fold. (The protocol may not
      // navigate an extension's page; the page reloads itself.)
      await library.evaluate(() => {
        (window as { before?: boolean }).before = true;
        location.reload();
      });
      await library.waitForFunction(() => !(window as { before?: boolean }).before && document.querySelectorAll('.lp-item').length === 4, { timeout: 20_000 });
      expect(await library.$$eval('[data-testid="unreadable"]', (found) => found.length)).toBe(0);
      await library.close();

      // Idle past the event page's timeout, then the same article again: an MV3 event page,
      // suspended meanwhile, answers it from the fold.
      await new Promise((r) => setTimeout(r, 7_000));
      const again = await browser.newPage();
      await checkArticle(again);
      expect(await paintedOn(again)).toEqual(before);
      await again.close();
    }, 90_000);
  });
}
