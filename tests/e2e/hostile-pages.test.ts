// Pages written to break things: script in quoted text, page scripts that fight the extension, and
// pages far larger or stranger than news. Verbatim keeps working or stops cleanly, never runs the
// page's text as markup, and never hangs the tab.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { type Launched, type Served, SCREENSHOTS, launchWithExtension, serveFolder, tabIdOf, waitForCheck } from './harness';

const page = (title: string, body: string, head = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>${head}</head><body>${body}</body></html>`;

/** A plain news paragraph with one quote that the starter library holds (the NPCC's response). */
const MATCHED_PARAGRAPH =
  '<p>The NPCC lead said there are “staggering” numbers of reports coming from social media companies.</p>';

const PAGES: Record<string, string> = {
  'script-in-text.html': page(
    'Script in quoted text',
    `<article><h1>Markup in quotes</h1>
<p>The council said “&lt;img src=x onerror="window.__pwned='img'"&gt; was never our policy” on Monday.</p>
<p>A reader wrote “&lt;/style&gt;&lt;script&gt;window.__pwned='script'&lt;/script&gt; is what they sent us”.</p>
<p>The notice read <a href="javascript:window.__pwned='link'">“click here for the full report today”</a> in bold.</p>
${MATCHED_PARAGRAPH}</article>`,
  ),
  'fights-back.html': page(
    'A page that fights back',
    `<article><h1>Hostile scripts</h1>${MATCHED_PARAGRAPH}
<p>The minister said “we will publish the figures in full next week” to reporters.</p></article>`,
    // The page's own scripts break the built-ins a content script might lean on, and keep clearing
    // every highlight on the page.
    `<script>
      window.Range = function () { throw new Error('no ranges here'); };
      window.MutationObserver = function () { throw new Error('no observers here'); };
      Array.prototype.map = function () { throw new Error('no map'); };
      Array.prototype.forEach = function () { throw new Error('no forEach'); };
      Array.prototype.push = function () { throw new Error('no push'); };
      Node.prototype.appendChild = function () { throw new Error('no appendChild'); };
      document.createTreeWalker = function () { throw new Error('no walker'); };
      setInterval(() => { try { CSS.highlights.clear(); } catch (e) {} }, 100);
    </script>`,
  ),
  'replaces-body.html': page(
    'A page that replaces its body every second',
    `<article id="a"><h1>Live page</h1>${MATCHED_PARAGRAPH}</article>
<script>
  setInterval(() => {
    const html = document.body.innerHTML;
    document.body.replaceWith(Object.assign(document.createElement('body'), { innerHTML: html }));
  }, 1000);
</script>`,
  ),
  'many-quote-marks.html': page(
    '100,000 quote marks',
    `<article><h1>Marks</h1><p>${'“a” '.repeat(50_000)}</p>${MATCHED_PARAGRAPH}</article>`,
  ),
  'huge-text-node.html': page(
    'A 5 MB text node',
    `<article><h1>Huge</h1><p>${'the council said it would review the decision '.repeat(110_000)}</p>${MATCHED_PARAGRAPH}</article>`,
  ),
  'deep-nesting.html': page(
    'Deep nesting',
    `<article><h1>Deep</h1>${'<div>'.repeat(5000)}${MATCHED_PARAGRAPH}${'</div>'.repeat(5000)}</article>`,
  ),
  'odd-scripts.html': page(
    'Right-to-left, zero-width and combining text',
    `<article><h1>Scripts</h1>
<p dir="rtl" lang="ar">قال الوزير «سننشر الأرقام كاملة الأسبوع المقبل» للصحفيين.</p>
<p>She said “sta\u200Bgge\u200Dring” and “cafe\u0301 culture is back” with a smile \u202Eevil\u202C.</p>
${MATCHED_PARAGRAPH}</article>`,
  ),
  'frames-and-shadow.html': page(
    'Iframes and shadow DOM',
    `<article><h1>Frames</h1>${MATCHED_PARAGRAPH}
<iframe srcdoc="<p>Inside a frame: “we will not be complacent about this”.</p>"></iframe>
<div id="host"></div></article>
<script>
  document.getElementById('host').attachShadow({ mode: 'open' }).innerHTML =
    '<p>In a shadow root: “the figures speak for themselves here”.</p>';
</script>`,
  ),
};

let launched: Launched;
let served: Served;
let folder: string;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'verbatim-hostile-'));
  for (const [name, html] of Object.entries(PAGES)) writeFileSync(join(folder, name), html);
  launched = await launchWithExtension();
  served = await serveFolder(folder);
}, 60_000);

afterAll(async () => {
  await launched?.close();
  await served?.close();
  rmSync(folder, { recursive: true, force: true });
});

async function open(name: string): Promise<Page> {
  const tab = await launched.context.newPage();
  tab.on('dialog', (d) => void d.dismiss());
  await tab.goto(`${served.origin}/${name}`, { waitUntil: 'domcontentloaded' });
  return tab;
}

/** How long the tab takes to answer a trivial script: a hung tab does not answer. */
async function answerTime(tab: Page): Promise<number> {
  const started = Date.now();
  await tab.evaluate(() => 1);
  return Date.now() - started;
}

/** Clicks the middle of the first occurrence of `needle` in the page's light DOM. */
async function clickText(tab: Page, needle: string): Promise<void> {
  const point = await tab.evaluate((text) => {
    // The prototype's method: one test page replaces document.createTreeWalker.
    const walker = Document.prototype.createTreeWalker.call(document, document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(text);
      if (at < 0) continue;
      (node.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + text.length);
      const r = range.getBoundingClientRect();
      // A string: one test page breaks the Array methods that returning an object would use.
      return JSON.stringify({ x: r.left + Math.min(r.width / 2, 20), y: r.top + r.height / 2 });
    }
    return 'null';
  }, needle);
  const at = JSON.parse(point) as { x: number; y: number } | null;
  expect(at, `“${needle}” on the page`).not.toBeNull();
  await tab.mouse.click(at!.x, at!.y);
}

async function popupFor(tab: Page): Promise<Page> {
  const tabId = await tabIdOf(launched, tab);
  const popup = await launched.context.newPage();
  await popup.goto(`chrome-extension://${launched.extensionId}/popup.html?tab=${tabId}`);
  await popup.locator('.pp-page, .pp-empty:not([aria-busy])').first().waitFor({ timeout: 10_000 });
  return popup;
}

describe('pages written to break things', () => {
  it('quoted markup is shown as text in the card and the popup, and never runs', async () => {
    const tab = await open('script-in-text.html');
    expect(await waitForCheck(tab)).toBe('done');
    // (The third quote is the text of a javascript: link: clicking it is the page's own business.)
    for (const needle of ['img src=x', '/style']) {
      await clickText(tab, needle);
      const card = tab.locator('verbatim-card [role="dialog"]');
      await card.waitFor({ state: 'visible', timeout: 10_000 });
      // The card holds the words as text: no element was made from them.
      const made = await tab.evaluate(() => {
        const root = document.querySelector('verbatim-card')?.shadowRoot;
        return root ? root.querySelectorAll('img, script, a[href^="javascript:"]').length : -1;
      });
      expect(made, needle).toBe(0);
      await tab.keyboard.press('Escape');
    }
    await tab.screenshot({ path: join(SCREENSHOTS, 'hostile-script-in-text.png') });
    const popup = await popupFor(tab);
    const listed = (await popup.locator('body').textContent()) ?? '';
    expect(listed).toContain('<img src=x onerror=');
    expect(listed).toContain('click here for the full report today');
    expect(await popup.locator('img:not([src^="/"]):not([src^="chrome-extension:"]), script:not([src])').count()).toBe(0);
    expect(await popup.evaluate(() => (window as { __pwned?: string }).__pwned ?? null)).toBeNull();
    await popup.close();
    await tab.waitForTimeout(300);
    expect(await tab.evaluate(() => (window as { __pwned?: string }).__pwned ?? null)).toBeNull();
    await tab.close();
  });

  it('a page that breaks Range, MutationObserver and Array methods, and clears highlights, is still checked', async () => {
    const tab = await open('fights-back.html');
    expect(await waitForCheck(tab)).toBe('done');
    expect(Number(await tab.getAttribute('html', 'data-verbatim-quotes'))).toBe(2);
    // Highlights come and go as the page clears them; the card still opens on a click.
    await clickText(tab, 'staggering');
    const card = tab.locator('verbatim-card [role="dialog"]');
    await card.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await card.getAttribute('data-verdict')).toBe('verbatim');
    await tab.close();
  });

  it('a page that replaces its body every second keeps its verdicts and its tab answers', async () => {
    const tab = await open('replaces-body.html');
    expect(await waitForCheck(tab)).toBe('done');
    await tab.waitForTimeout(3500); // three replacements
    expect(await answerTime(tab)).toBeLessThan(1000);
    expect(await tab.getAttribute('html', 'data-verbatim-state')).toMatch(/^(done|checking)$/);
    expect(await tab.getAttribute('html', 'data-verbatim-quotes')).toBe('1');
    await tab.close();
  });

  for (const name of ['many-quote-marks.html', 'huge-text-node.html', 'deep-nesting.html']) {
    it(`${name}: checked or stopped cleanly, the tab answering, and the popup says which`, async () => {
      const tab = await open(name);
      const state = await waitForCheck(tab, 60_000);
      expect(['done', 'error']).toContain(state);
      expect(await answerTime(tab)).toBeLessThan(1000);
      const popup = await popupFor(tab);
      const said = await popup.locator('body').innerText();
      if (name === 'many-quote-marks.html') {
        // 50,000 quotes: more than any news page holds; the page is left alone, and the popup says why.
        expect(state).toBe('error');
        expect(said).toContain('This page has 50,001 quotations');
      } else if (state === 'error') expect(said.length).toBeGreaterThan(0);
      else expect(Number(await popup.locator('.pp-page').getAttribute('data-total'))).toBeGreaterThan(0);
      await popup.close();
      await tab.close();
    }, 90_000);
  }

  it('right-to-left, zero-width and combining characters are read without error', async () => {
    const tab = await open('odd-scripts.html');
    expect(await waitForCheck(tab)).toBe('done');
    expect(Number(await tab.getAttribute('html', 'data-verbatim-quotes'))).toBeGreaterThanOrEqual(3);
    await tab.close();
  });

  it('a page with iframes and shadow roots is checked in its top document', async () => {
    const tab = await open('frames-and-shadow.html');
    expect(await waitForCheck(tab)).toBe('done');
    expect(Number(await tab.getAttribute('html', 'data-verbatim-quotes'))).toBeGreaterThanOrEqual(1);
    await tab.close();
  });
});
