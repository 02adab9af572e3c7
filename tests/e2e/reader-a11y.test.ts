// The reader by keyboard alone, at 200 % zoom and in dark mode: from a link on the page to a quote's
// card (the keyboard step), through the card's controls with a visible focus ring, its citation menu,
// and back with Escape to where the reader was; the popup's rows and their menus the same way; no
// control clipped or covered at 200 %; axe-core in each state.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { type Launched, type Served, ROOT, SCREENSHOTS, launchWithExtension, serveFolder, tabIdOf, waitForCheck } from './harness';
import { openCard, seriousViolations } from './card-helpers';

let launched: Launched;
let served: Served;
let page: Page;
let tabId: number;

beforeAll(async () => {
  launched = await launchWithExtension();
  served = await serveFolder(join(ROOT, 'tests/fixtures/corpus/articles'));
  page = await launched.context.newPage();
  await page.goto(`${served.origin}/wilby-2023-12-08.html`);
  expect(await waitForCheck(page)).toBe('done');
  tabId = await tabIdOf(launched, page);
});

afterAll(async () => {
  await launched?.close();
  await served?.close();
});

interface Focused {
  where: 'card' | 'page' | 'none';
  label: string;
  ring: boolean;
}

/** The focused element (looking inside the card's shadow root) and whether it shows a focus ring. */
function focused(p: Page): Promise<Focused> {
  return p.evaluate(() => {
    let el: Element | null = document.activeElement;
    let where: 'card' | 'page' | 'none' = 'page';
    while (el?.shadowRoot?.activeElement) {
      el = el.shadowRoot.activeElement;
      where = 'card';
    }
    if (!el || el === document.body) return { where: 'none' as const, label: '', ring: false };
    const style = getComputedStyle(el);
    const ring = style.outlineStyle !== 'none' && (style.outlineStyle === 'auto' || parseFloat(style.outlineWidth) >= 2);
    const label = (el.getAttribute('data-action') ?? el.getAttribute('aria-label') ?? el.getAttribute('role') ?? el.textContent ?? '').trim().slice(0, 40);
    return { where, label, ring };
  });
}

/**
 * Controls matching `selector` (in the card's shadow root, or the document) that are clipped or covered:
 * each is scrolled into view, then must lie inside the window, be the element found at its centre,
 * and show all its text.
 */
function clippedControls(p: Page, selector: string): Promise<string[]> {
  return p.evaluate((sel) => {
    const root: Document | ShadowRoot = document.querySelector('verbatim-card')?.shadowRoot ?? document;
    const bad: string[] = [];
    for (const el of Array.from(root.querySelectorAll<HTMLElement>(sel))) {
      if (!el.checkVisibility()) continue; // inside a closed group
      el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      const r = el.getBoundingClientRect();
      const name = (el.getAttribute('data-action') ?? el.getAttribute('data-style') ?? el.getAttribute('data-export') ?? el.textContent ?? '').trim().slice(0, 30);
      if (r.left < -0.5 || r.top < -0.5 || r.right > innerWidth + 0.5 || r.bottom > innerHeight + 0.5) bad.push(`${name}: outside the window ${JSON.stringify([r.left, r.top, r.right, r.bottom, innerWidth, innerHeight])}`);
      // Its centre and the middle of each edge (inside any rounded corner) must all be its own: a part
      // cut off by a scrolling box, or covered by something else, fails.
      const cx = r.left + r.width / 2;
      const cy = r.top + r.height / 2;
      const points: [number, number][] = [[cx, cy], [cx, r.top + 3], [cx, r.bottom - 3], [r.left + 3, cy], [r.right - 3, cy]];
      if (points.some(([x, y]) => !el.contains(root.elementFromPoint(x, y)))) bad.push(`${name}: covered or clipped`);
      if (el.scrollWidth > el.clientWidth + 1) bad.push(`${name}: text cut off`);
    }
    return bad;
  }, selector);
}

const command = (name: string) =>
  launched.worker.evaluate(
    ([n, id]) => (globalThis as unknown as { verbatimCommand(c: string, t: { id: number }): Promise<boolean> }).verbatimCommand(n, { id }),
    [name, tabId] as const,
  );

const CARD = 'verbatim-card [role="dialog"]';
const CONTROLS = 'a[href], button';

/** Tabs through `count` stops, returning each one focused. */
async function tabThrough(p: Page, count: number, key = 'Tab'): Promise<Focused[]> {
  const seen: Focused[] = [];
  for (let i = 0; i < count; i++) {
    await p.keyboard.press(key);
    seen.push(await focused(p));
  }
  return seen;
}

async function openPopup(width: number, height: number): Promise<Page> {
  const popup = await launched.context.newPage();
  await popup.setViewportSize({ width, height });
  await popup.goto(`chrome-extension://${launched.extensionId}/popup.html?tab=${tabId}`);
  await popup.locator('.pp-page').waitFor({ timeout: 10_000 });
  return popup;
}

describe('by keyboard alone', () => {
  it('from a link on the page to a card, round its controls and menu, and back with Escape', async () => {
    await page.bringToFront();
    // The reader has tabbed to a link on the page.
    const before = await tabThrough(page, 3);
    expect(before[2]).toMatchObject({ where: 'page', ring: true });
    // The keyboard step (Alt+Shift+.) opens the next quote's card with focus in it; step until one is found.
    let verdict = 'not_found';
    for (let i = 0; i < 10 && verdict === 'not_found'; i++) {
      expect(await command('next-quote')).toBe(true);
      await page.locator(CARD).waitFor({ state: 'visible' });
      verdict = (await page.locator(CARD).getAttribute('data-verdict')) ?? '';
    }
    expect(verdict).not.toBe('not_found');
    expect(await focused(page)).toMatchObject({ where: 'card', label: expect.stringMatching(/^Quote check: /), ring: true });
    expect(await seriousViolations(page, 'verbatim-card')).toEqual([]);

    // Tab visits every control once, each with a ring, then comes back round to the first.
    const stops = await tabThrough(page, 6);
    expect(stops.map((s) => s.label)).toEqual(['Close', 'open-source', 'copy-citation', 'citation-menu', 'copy-quote', 'Close']);
    expect(stops.every((s) => s.where === 'card' && s.ring)).toBe(true);
    expect((await tabThrough(page, 1, 'Shift+Tab'))[0].label).toBe('copy-quote');
    await page.keyboard.press('Shift+Tab');
    expect((await focused(page)).label).toBe('citation-menu');

    // The citation menu: arrow keys inside it, Escape closes only the menu.
    await page.keyboard.press('ArrowDown');
    await expect.poll(async () => (await focused(page)).label).toBe('menuitem');
    expect(await focused(page)).toMatchObject({ where: 'card', label: 'menuitem', ring: true });
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.querySelector('verbatim-card')!.shadowRoot!.activeElement!.getAttribute('data-style'))).toBe('apa');
    expect(await seriousViolations(page, 'verbatim-card')).toEqual([]);
    await page.keyboard.press('Escape');
    expect(await page.locator(`${CARD} [role="menu"]`).count()).toBe(0);
    expect((await focused(page)).label).toBe('citation-menu');
    // Tab from inside the open menu closes it and goes on to the next control; Shift+Tab to the one before.
    await page.keyboard.press('ArrowDown');
    await expect.poll(async () => (await focused(page)).label).toBe('menuitem');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ where: 'card', label: 'copy-quote' });
    expect(await page.locator(`${CARD} [role="menu"]`).count()).toBe(0);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('ArrowDown');
    await expect.poll(async () => (await focused(page)).label).toBe('menuitem');
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toMatchObject({ where: 'card', label: 'copy-citation' });

    // Escape closes the card and focus goes back to the link the reader was on.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('verbatim-card').count()).toBe(0);
    expect(await focused(page)).toEqual(before[2]);
  });

  it('the popup: rows, their details and their citation menu', async () => {
    const popup = await openPopup(400, 900);
    const first = await tabThrough(popup, 2);
    expect(first.map((s) => s.label)).toEqual([expect.stringContaining('staggering'), 'Show on page']);
    expect(first.every((s) => s.ring)).toBe(true);
    await popup.keyboard.press('Shift+Tab');
    await popup.keyboard.press('Enter');
    await popup.locator('.pp-details').waitFor({ timeout: 10_000 });
    const inRow = await tabThrough(popup, 5);
    expect(inRow.map((s) => s.label)).toEqual(['Show on page', 'open-source', 'copy-citation', 'citation-menu', 'copy-quote']);
    expect(inRow.every((s) => s.ring)).toBe(true);
    await popup.keyboard.press('Shift+Tab');
    await popup.keyboard.press('ArrowDown');
    await expect.poll(async () => (await focused(popup)).label).toBe('menuitem');
    expect(await focused(popup)).toMatchObject({ label: 'menuitem', ring: true });
    expect(await seriousViolations(popup, '.vb-popup')).toEqual([]);
    await popup.keyboard.press('Escape');
    expect(await popup.locator('[role="menu"]').count()).toBe(0);
    expect((await focused(popup)).label).toBe('citation-menu');
    // Enter on the row's toggle closes it again, and focus stays on the toggle.
    await popup.locator('.pp-quote[data-open] button.pp-quote-text').focus();
    await popup.keyboard.press('Enter');
    expect(await popup.locator('.pp-details').count()).toBe(0);
    expect((await focused(popup)).label).toContain('staggering');
    await popup.close();
  });
});

describe('at 200 % zoom', () => {
  // A 1280 × 900 window at 200 % lays pages out in 640 × 450 CSS pixels; the popup, at most 800 × 600
  // screen pixels, in 400 × 300.
  it('the card keeps every control and menu item in view and whole', async () => {
    await page.bringToFront();
    await page.setViewportSize({ width: 640, height: 450 });
    const card = await openCard(page, 'victim blaming');
    expect(await clippedControls(page, `.vb-card ${CONTROLS}`)).toEqual([]);
    await card.locator('[data-action="citation-menu"]').click();
    await card.locator('[role="menu"]').waitFor();
    expect(await clippedControls(page, '[role="menu"], [role="menuitem"]')).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'card-zoom-200.png') });
    expect(await seriousViolations(page, 'verbatim-card')).toEqual([]);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('the popup keeps its rows, details and menu in view and whole', async () => {
    const popup = await openPopup(400, 300);
    expect(await popup.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
    const row = popup.locator('.pp-group[data-group="partial"] .pp-quote').first();
    await row.locator('button.pp-quote-text').click();
    await row.locator('.pp-details [data-action="copy-citation"]').waitFor({ timeout: 10_000 });
    expect(await clippedControls(popup, `.vb-popup ${CONTROLS}`)).toEqual([]);
    await row.locator('[data-action="citation-menu"]').click();
    await row.locator('[role="menu"]').waitFor();
    expect(await clippedControls(popup, '[role="menu"], [role="menuitem"]')).toEqual([]);
    await popup.screenshot({ path: join(SCREENSHOTS, 'popup-zoom-200.png') });
    expect(await seriousViolations(popup, '.vb-popup')).toEqual([]);
    await popup.close();
  });
});

describe('in dark mode', () => {
  it('the card on a dark page and the popup follow the system, and pass axe-core', async () => {
    const dark = await launchWithExtension({ colorScheme: 'dark' });
    const site = await serveFolder(join(ROOT, 'tests/fixtures/corpus/articles'), (html) =>
      html.replace('</head>', '<style>html,body{background:#121417;color:#e4e6eb} a{color:#8ab4f8}</style></head>'),
    );
    try {
      const darkPage = await dark.context.newPage();
      await darkPage.goto(`${site.origin}/wilby-2023-12-08.html`);
      expect(await waitForCheck(darkPage)).toBe('done');
      const card = await openCard(darkPage, 'victim blaming');
      expect(await card.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(22, 27, 34)');
      expect(await seriousViolations(darkPage, 'verbatim-card')).toEqual([]);
      await card.locator('[data-action="citation-menu"]').click();
      await card.locator('[role="menu"]').waitFor();
      expect(await seriousViolations(darkPage, 'verbatim-card')).toEqual([]);
      await darkPage.screenshot({ path: join(SCREENSHOTS, 'card-dark-menu.png') });
      await darkPage.keyboard.press('Escape');

      const darkTab = await tabIdOf(dark, darkPage);
      const popup = await dark.context.newPage();
      await popup.setViewportSize({ width: 400, height: 900 });
      await popup.goto(`chrome-extension://${dark.extensionId}/popup.html?tab=${darkTab}`);
      await popup.locator('.pp-page').waitFor({ timeout: 10_000 });
      expect(await popup.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(22, 27, 34)');
      const row = popup.locator('.pp-group[data-group="partial"] .pp-quote').first();
      await row.locator('button.pp-quote-text').click();
      await row.locator('.pp-details [data-action="copy-citation"]').waitFor({ timeout: 10_000 });
      // The closed "not in your library" group is opened too, so that axe sees its rows.
      await popup.locator('details.pp-group > summary').click();
      expect(await seriousViolations(popup, '.vb-popup')).toEqual([]);
      await popup.screenshot({ path: join(SCREENSHOTS, 'popup-dark-row-open.png'), fullPage: true });
    } finally {
      await dark.close();
      await site.close();
    }
  });
});

describe('with a larger default font size', () => {
  it('the card and popup grow with it and keep every control whole', async () => {
    // The browser's own setting (Settings › Appearance › Font size), written into a fresh profile.
    const profile = mkdtempSync(join(tmpdir(), 'verbatim-font-'));
    mkdirSync(join(profile, 'Default'));
    writeFileSync(join(profile, 'Default', 'Preferences'), JSON.stringify({ webkit: { webprefs: { default_font_size: 32 } } }));
    const big = await launchWithExtension({ profileDir: profile });
    const site = await serveFolder(join(ROOT, 'tests/fixtures/corpus/articles'));
    try {
      const bigPage = await big.context.newPage();
      await bigPage.setViewportSize({ width: 1024, height: 768 });
      await bigPage.goto(`${site.origin}/wilby-2023-12-08.html`);
      expect(await waitForCheck(bigPage)).toBe('done');
      const card = await openCard(bigPage, 'victim blaming');
      // The headline is set at 16 px; at twice the default text size it is drawn twice as large.
      const title = await card.locator('h2').evaluate((el) => parseFloat(getComputedStyle(el).fontSize) * (el as HTMLElement & { currentCSSZoom: number }).currentCSSZoom);
      expect(title).toBe(32);
      const box = await card.boundingBox();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(1024);
      expect(box!.y + box!.height).toBeLessThanOrEqual(768);
      expect(await clippedControls(bigPage, `.vb-card ${CONTROLS}`)).toEqual([]);
      await card.locator('[data-action="citation-menu"]').click();
      await card.locator('[role="menu"]').waitFor();
      expect(await clippedControls(bigPage, '[role="menu"], [role="menuitem"]')).toEqual([]);
      await bigPage.screenshot({ path: join(SCREENSHOTS, 'card-large-text.png') });
      expect(await seriousViolations(bigPage, 'verbatim-card')).toEqual([]);
      await bigPage.keyboard.press('Escape');

      const bigTab = await tabIdOf(big, bigPage);
      const popup = await big.context.newPage();
      await popup.setViewportSize({ width: 800, height: 600 }); // the largest a popup window gets
      await popup.goto(`chrome-extension://${big.extensionId}/popup.html?tab=${bigTab}`);
      await popup.locator('.pp-page').waitFor({ timeout: 10_000 });
      expect(await popup.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
      expect(await popup.locator('.pp-name').evaluate((el) => el.getBoundingClientRect().height)).toBeGreaterThan(35);
      const row = popup.locator('.pp-group[data-group="partial"] .pp-quote').first();
      await row.locator('button.pp-quote-text').click();
      await row.locator('.pp-details [data-action="copy-citation"]').waitFor({ timeout: 10_000 });
      expect(await clippedControls(popup, `.vb-popup ${CONTROLS}`)).toEqual([]);
      await row.locator('[data-action="citation-menu"]').click();
      await row.locator('[role="menu"]').waitFor();
      expect(await clippedControls(popup, '[role="menu"], [role="menuitem"]')).toEqual([]);
      await popup.screenshot({ path: join(SCREENSHOTS, 'popup-large-text.png') });
      expect(await seriousViolations(popup, '.vb-popup')).toEqual([]);
    } finally {
      await big.close();
      await site.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });
});
