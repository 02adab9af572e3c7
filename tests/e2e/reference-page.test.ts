// The whole extension in a real headless Chromium: the reference article is checked, its matched
// quotes are highlighted, a click opens the card, and the popup counts and searches.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { type Launched, type Served, ROOT, SCREENSHOTS, launchWithExtension, serveFolder, tabIdOf, waitForCheck } from './harness';

interface GoldQuote { id: string; quote: string; verdict: string; source: string | null }
const gold: { quotes: GoldQuote[] } = JSON.parse(
  readFileSync(join(ROOT, 'tests/fixtures/corpus/gold/wilby-2023-12-08.json'), 'utf8'),
);
const byId = (id: string) => gold.quotes.find((q) => q.id === id)!;

/** What the engine answers for the reference article's matched quotes. */
const MATCHED: Record<string, string> = { q04: 'partial', q17: 'minor', q24: 'minor', q25: 'verbatim' };

let launched: Launched;
let served: Served;
let article: Page;

beforeAll(async () => {
  launched = await launchWithExtension();
  served = await serveFolder(join(ROOT, 'tests/fixtures/corpus/articles'));
  article = await launched.context.newPage();
  await article.goto(`${served.origin}/wilby-2023-12-08.html`);
});

afterAll(async () => {
  await launched?.close();
  await served?.close();
});

/** Every Verbatim highlight on the page: its registered name and the text of each of its ranges. */
async function highlights(page: Page): Promise<{ name: string; texts: string[] }[]> {
  return page.evaluate(() => {
    const out: { name: string; texts: string[] }[] = [];
    CSS.highlights.forEach((highlight, name) => {
      if (name.startsWith('verbatim-verdict-')) out.push({ name, texts: [...highlight].map((r) => (r as Range).toString()) });
    });
    return out;
  });
}

/** The box of the first few words of a text on the page, in viewport coordinates (scrolled to, if asked). */
async function boxOfText(page: Page, text: string, scroll: boolean): Promise<{ x: number; y: number; top: number; bottom: number }> {
  return page.evaluate(([needle, scrollTo]) => {
    const walker = document.createTreeWalker(document.querySelector('article')!, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(needle);
      if (at < 0) continue;
      if (scrollTo) (node.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + Math.min(needle.length, 24));
      const r = range.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2, top: r.top, bottom: r.bottom };
    }
    throw new Error(`text not on page: ${needle}`);
  }, [text, scroll] as const);
}
const pointOnText = (page: Page, text: string) => boxOfText(page, text, true);

describe('the reference article in Chromium', () => {
  it('checks the page and highlights the matched quotes by verdict', async () => {
    expect(await waitForCheck(article)).toBe('done');
    expect(await article.getAttribute('html', 'data-verbatim-quotes')).toBe('27');

    const painted = await highlights(article);
    const nameOf = (text: string) => painted.filter((h) => h.texts.includes(text)).map((h) => h.name);
    for (const [id, verdict] of Object.entries(MATCHED)) {
      const names = nameOf(byId(id).quote);
      expect(names.length, `${id} highlighted`).toBeGreaterThan(0);
      expect(names.every((n) => n.startsWith(`verbatim-verdict-${verdict}`)), `${id} as ${verdict}: ${names}`).toBe(true);
    }
    // Every detected quote is registered once, and the 23 quotes beyond the excerpts are quiet.
    const all = painted.flatMap((h) => h.texts);
    expect(all).toHaveLength(27);
    expect(painted.find((h) => h.name === 'verbatim-verdict-not_found')?.texts).toHaveLength(23);
    // The page's text was not touched: no element was inserted around the quotes.
    expect(await article.locator('article mark, article [data-verbatim]').count()).toBe(0);
    // The style for the highlights is in the page head.
    expect(await article.locator('head style#verbatim-highlight-style').count()).toBe(1);
  });

  it('opens the card on a click on a quote, naming the press release, and closes it with Escape', async () => {
    const q04 = byId('q04').quote;
    const { x, y } = await pointOnText(article, q04.slice(0, 30));
    await article.mouse.click(x, y);
    const card = article.locator('verbatim-card [role="dialog"]');
    await card.waitFor({ state: 'visible', timeout: 10_000 });
    const label = await card.getAttribute('aria-label');
    expect(label).toBe('Quote check: Partly found — HMICFRS press release, 8 Dec 2023 (Wendy Williams)');
    const text = await card.innerText();
    expect(text).toContain('Police not doing enough to tackle group-based child sexual exploitation');
    expect(text).toContain('Wendy Williams');
    expect(text).toMatch(/excerpt/i);
    expect(await card.locator('.vb-passage mark').innerText()).toContain('It cannot be overstated how complex');
    // The card sits next to the quote, inside the viewport, without covering the clicked words
    // (the page may have scrolled to make room for it).
    const box = (await card.boundingBox())!;
    const words = await boxOfText(article, q04.slice(0, 30), false);
    expect(box.y >= words.bottom || box.y + box.height <= words.top, `card ${JSON.stringify(box)} covers ${JSON.stringify(words)}`).toBe(true);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(900);
    expect(box.x + box.width).toBeLessThanOrEqual(1280);
    await article.screenshot({ path: join(SCREENSHOTS, 'card-on-page.png') });

    await article.keyboard.press('Escape');
    await expect.poll(() => article.locator('verbatim-card').count()).toBe(0);
  });

  it('a click beside the quotes opens nothing', async () => {
    const { x, y } = await pointOnText(article, 'It recommended the Home Office');
    await article.mouse.click(x, y);
    await article.waitForTimeout(300);
    expect(await article.locator('verbatim-card').count()).toBe(0);
  });

  it('the popup counts the page’s quotes by verdict, shows one on the page, and searches the library', async () => {
    const tabId = await tabIdOf(launched, article);
    const popup = await launched.context.newPage();
    await popup.setViewportSize({ width: 400, height: 900 });
    await popup.goto(`chrome-extension://${launched.extensionId}/popup.html?tab=${tabId}`);
    const pageBox = popup.locator('.pp-page');
    await pageBox.waitFor({ timeout: 10_000 });
    expect(await pageBox.getAttribute('data-total')).toBe('27');
    const count = (v: string) => popup.locator(`.pp-counts [data-verdict="${v}"]`).getAttribute('data-count');
    expect(await count('partial')).toBe('1');
    expect(await count('minor')).toBe('2');
    expect(await count('verbatim')).toBe('1');
    expect(await count('not_found')).toBe('23');
    expect(await popup.locator('.pp-counts [data-verdict="altered"]').count()).toBe(0);
    expect(await popup.locator('.pp-library').innerText()).toBe('4 sources');

    await popup.fill('#pp-search-input', 'victim-blaming');
    const hit = popup.locator('.pp-hit[data-source="hmicfrs-press-release-2023"]');
    await hit.first().waitFor({ timeout: 10_000 });
    expect((await hit.first().locator('mark').allInnerTexts()).join(' ').toLowerCase()).toContain('victim');
    await popup.screenshot({ path: join(SCREENSHOTS, 'popup.png'), fullPage: true });

    // "Show on page" asks the article's tab to open the quote's card.
    await popup.locator('.pp-group[data-group="partial"] .pp-show').first().click();
    await article.locator('verbatim-card [role="dialog"]').waitFor({ state: 'visible', timeout: 10_000 });
    expect(await article.locator('verbatim-card [role="dialog"]').getAttribute('data-verdict')).toBe('partial');
    await popup.close();
  });

  it('messages from a web page are refused', async () => {
    const answer = await article.evaluate(async (id) => {
      const rt = (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime;
      if (!rt || typeof rt.sendMessage !== 'function') return 'no channel';
      try {
        return await (rt.sendMessage as (id: string, m: unknown) => Promise<unknown>)(id, { type: 'sources' });
      } catch (err) {
        return `refused: ${String(err)}`;
      }
    }, launched.extensionId);
    expect(answer === 'no channel' || String(answer).startsWith('refused')).toBe(true);
  });
});
