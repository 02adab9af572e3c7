// Firefox: the built extension (MV2 and MV3) installed in firefox-esr over WebDriver BiDi; the
// reference page is checked and highlighted, and a click on a matched quote opens the card.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { serveFolder, type Served } from '../e2e/harness';

const ROOT = resolve(__dirname, '../..');
const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const Q25 = 'staggering'; // q25 in the gold labels: verbatim in the NPCC response

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
        },
      });
      await browser.installExtension(dir);
      page = await browser.newPage();
    }, 60_000);

    afterAll(async () => {
      await browser?.close();
    });

    it('checks the reference page and opens the card on a click', async () => {
      await page.goto(`${served.origin}/wilby-2023-12-08.html`);
      await page.waitForFunction(
        () => document.documentElement.getAttribute('data-verbatim-state') === 'done',
        { timeout: 30_000 },
      );
      expect(await page.evaluate(() => document.documentElement.getAttribute('data-verbatim-quotes'))).toBe('27');
      const names = await page.evaluate(() => {
        const out: string[] = [];
        CSS.highlights.forEach((h, name) => {
          if (name.startsWith('verbatim-verdict-')) out.push(`${name}:${h.size}`);
        });
        return out.sort();
      });
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
  });
}
