// The toolbar badge, the keyboard commands and the "check pages automatically" setting, in a real
// headless Chromium. Commands cannot be pressed headless, so the test calls the background's own
// command handler inside its service worker: the same path a key press takes from there on.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { type Launched, type Served, ROOT, SCREENSHOTS, launchWithExtension, serveFolder, tabIdOf, waitForCheck } from './harness';
import { VERDICT_LOOK } from '../../lib/page/palette';
import type { PageResults } from '../../lib/messages';

let launched: Launched;
let served: Served;

beforeAll(async () => {
  launched = await launchWithExtension();
  served = await serveFolder(join(ROOT, 'tests/fixtures/corpus/articles'));
});

afterAll(async () => {
  await launched?.close();
  await served?.close();
});

declare const chrome: {
  action: {
    getBadgeText(d: { tabId: number }): Promise<string>;
    getBadgeBackgroundColor(d: { tabId: number }): Promise<[number, number, number, number]>;
    getTitle(d: { tabId: number }): Promise<string>;
  };
  storage: { session: { get(k: string): Promise<Record<string, unknown>> }; local: { set(o: object): Promise<void>; remove(k: string): Promise<void> } };
};

const badgeOf = (tabId: number) =>
  launched.worker.evaluate(async (id) => ({
    text: await chrome.action.getBadgeText({ tabId: id }),
    colour: await chrome.action.getBadgeBackgroundColor({ tabId: id }),
    title: await chrome.action.getTitle({ tabId: id }),
  }), tabId);

const hex = ([r, g, b]: number[]) => `#${[r, g, b].map((n) => n.toString(16).padStart(2, '0')).join('')}`;

/** Runs a keyboard command as the browser would, through the background's handler. */
const command = (name: string, tabId: number) =>
  launched.worker.evaluate(
    ([n, id]) => (globalThis as unknown as { verbatimCommand(c: string, t: { id: number }): Promise<boolean> }).verbatimCommand(n, { id }),
    [name, tabId] as const,
  );

const storedResults = (tabId: number) =>
  launched.worker.evaluate(async (id) => (await chrome.storage.session.get(`page-results:${id}`))[`page-results:${id}`], tabId) as Promise<PageResults>;

/** The text of the highlighted range of quote `text` and whether it is inside the viewport. */
function quoteInView(page: Page, text: string): Promise<boolean> {
  return page.evaluate((needle) => {
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith('verbatim-verdict-')) continue;
      for (const r of highlight as unknown as Iterable<Range>) {
        if (r.toString() !== needle) continue;
        const box = r.getBoundingClientRect();
        return box.bottom > 0 && box.top < innerHeight;
      }
    }
    return false;
  }, text);
}

describe('the toolbar badge', () => {
  it('counts the quotes that need attention, coloured by the worst, and clears when the tab navigates', async () => {
    const page = await launched.context.newPage();
    await page.goto(`${served.origin}/wilby-2023-12-08.html`);
    expect(await waitForCheck(page)).toBe('done');
    const tabId = await tabIdOf(launched, page);
    // The reference article has one quote that needs attention: q04, partly found.
    await expect.poll(async () => (await badgeOf(tabId)).text).toBe('1');
    const badge = await badgeOf(tabId);
    expect(hex(badge.colour)).toBe(VERDICT_LOOK.partial.ink);
    expect(badge.title).toBe('Verbatim: 1 quote needs attention (worst: partly found)');

    // Another tab keeps its own badge: a page without quotes shows none.
    const other = await launched.context.newPage();
    await other.goto(`${served.origin}/wilby-2023-12-08.txt`);
    const otherId = await tabIdOf(launched, other);
    expect((await badgeOf(otherId)).text).toBe('');
    expect((await badgeOf(tabId)).text).toBe('1');
    await other.close();

    await page.goto('about:blank');
    await expect.poll(async () => (await badgeOf(tabId)).text).toBe('');
    await page.close();
  });
});

describe('stepping through quotes with the keyboard commands', () => {
  it('opens each quote’s card in reading order, wraps, steps back, and Escape returns focus to the page', async () => {
    const page = await launched.context.newPage();
    await page.goto(`${served.origin}/wilby-2023-12-08.html`);
    expect(await waitForCheck(page)).toBe('done');
    const tabId = await tabIdOf(launched, page);
    const results = await storedResults(tabId);
    expect(results.quotes).toHaveLength(27);
    const card = page.locator('verbatim-card [role="dialog"]');
    const current = async () => Number(await page.getAttribute('html', 'data-verbatim-current'));

    for (let i = 0; i < 5; i++) {
      expect(await command('next-quote', tabId)).toBe(true);
      await card.waitFor({ state: 'visible', timeout: 10_000 });
      expect(await current()).toBe(i);
      expect(await card.getAttribute('data-verdict')).toBe(results.quotes[i].verdict);
      expect(await quoteInView(page, results.quotes[i].text), `quote ${i} scrolled into view`).toBe(true);
      // The card has the focus, so that Tab and Escape work at once.
      expect(await page.evaluate(() => document.activeElement?.localName)).toBe('verbatim-card');
    }
    await page.screenshot({ path: join(SCREENSHOTS, 'keyboard-step.png') });

    expect(await command('previous-quote', tabId)).toBe(true);
    await expect.poll(current).toBe(3);
    // Back past the first wraps to the last, forward from the last wraps to the first.
    for (let i = 0; i < 4; i++) await command('previous-quote', tabId);
    await expect.poll(current).toBe(26);
    expect(await card.getAttribute('data-verdict')).toBe(results.quotes[26].verdict);
    expect(await command('next-quote', tabId)).toBe(true);
    await expect.poll(current).toBe(0);

    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('verbatim-card').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement === document.body && document.hasFocus())).toBe(true);
    expect(await command('unknown-command', tabId)).toBe(false);
    await page.close();
  });
});

describe('with automatic checking off', () => {
  it('reads nothing until "Check this page" in the popup, then checks and highlights', async () => {
    await launched.worker.evaluate(() => chrome.storage.local.set({ settings: { citationStyle: 'harvard', autoCheck: false } }));
    const page = await launched.context.newPage();
    await page.goto(`${served.origin}/wilby-2023-12-08.html`);
    await page.waitForFunction(() => document.documentElement.getAttribute('data-verbatim-state') === 'waiting');
    // Late content does not wake it either.
    await page.evaluate(() => document.querySelector('article')!.append(Object.assign(document.createElement('p'), { textContent: '“A late quote,” she said.' })));
    await page.waitForTimeout(1500);
    expect(await page.getAttribute('html', 'data-verbatim-state')).toBe('waiting');
    expect(await page.getAttribute('html', 'data-verbatim-sent')).toBeNull();
    expect(await page.getAttribute('html', 'data-verbatim-quotes')).toBeNull();
    expect(await page.evaluate(() => [...CSS.highlights.keys()].length)).toBe(0);
    const tabId = await tabIdOf(launched, page);
    expect((await storedResults(tabId)).state).toBe('waiting');

    const popup = await launched.context.newPage();
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.goto(`chrome-extension://${launched.extensionId}/popup.html?tab=${tabId}`);
    const button = popup.locator('button.pp-check-page');
    await button.waitFor({ timeout: 10_000 });
    expect(await button.innerText()).toBe('Check this page');
    await popup.screenshot({ path: join(SCREENSHOTS, 'popup-waiting.png') });
    await button.click();
    await popup.locator('.pp-page').waitFor({ timeout: 20_000 });
    expect(await popup.locator('.pp-page').getAttribute('data-total')).toBe('28');
    await popup.close();

    expect(await page.getAttribute('html', 'data-verbatim-state')).toBe('done');
    expect(await page.getAttribute('html', 'data-verbatim-sent')).toBe('28');
    expect(await page.evaluate(() => CSS.highlights.has('verbatim-verdict-partial'))).toBe(true);
    await expect.poll(async () => (await badgeOf(tabId)).text).toBe('1');
    await page.close();
  });

  it('a keyboard step on a waiting page checks it and shows its first quote', async () => {
    const page = await launched.context.newPage();
    await page.goto(`${served.origin}/wilby-2023-12-08.html`);
    await page.waitForFunction(() => document.documentElement.getAttribute('data-verbatim-state') === 'waiting');
    const tabId = await tabIdOf(launched, page);
    expect(await command('next-quote', tabId)).toBe(true);
    expect(await page.getAttribute('html', 'data-verbatim-state')).toBe('done');
    expect(await page.getAttribute('html', 'data-verbatim-current')).toBe('0');
    await page.locator('verbatim-card [role="dialog"]').waitFor({ state: 'visible', timeout: 10_000 });
    await launched.worker.evaluate(() => chrome.storage.local.remove('settings'));
    await page.close();
  });
});
