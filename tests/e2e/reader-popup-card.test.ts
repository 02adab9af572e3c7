// A popup row shows exactly what the quote's card shows on the page: the same passage, differences,
// credit, "Quoted in" (with the article's site, author and date) and the same citation, because the
// row asks the tab for the card's own check instead of checking the bare words again.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { type Launched, type Served, ROOT, SCREENSHOTS, launchWithExtension, serveFolder, tabIdOf, waitForCheck } from './harness';
import { clearClipboard, openCard, seriousViolations, waitForClipboard } from './card-helpers';

let launched: Launched;
let served: Served;
let article: Page;
let popup: Page;

beforeAll(async () => {
  launched = await launchWithExtension();
  served = await serveFolder(join(ROOT, 'tests/fixtures/corpus/articles'));
  await launched.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  article = await launched.context.newPage();
  await article.goto(`${served.origin}/wilby-2023-12-08.html`);
  expect(await waitForCheck(article)).toBe('done');
  const tabId = await tabIdOf(launched, article);
  popup = await launched.context.newPage();
  await popup.setViewportSize({ width: 400, height: 900 });
  await popup.goto(`chrome-extension://${launched.extensionId}/popup.html?tab=${tabId}`);
  await popup.locator('.pp-page').waitFor({ timeout: 10_000 });
});

afterAll(async () => {
  await launched?.close();
  await served?.close();
});

const PARTS = ['The original', 'Differences', 'Who said it', 'Credit', 'Also found in'];

interface Shown {
  parts: Record<string, string | null>;
  link: string | null;
  quoteWithCitation: string;
}

/** What a card or an opened popup row shows, part by part, and what "Copy quote with citation" copies. */
async function shown(page: Page, scope: Locator): Promise<Shown> {
  const parts: Record<string, string | null> = {};
  for (const label of PARTS) {
    const part = scope.locator(`section[aria-label="${label}"]`);
    parts[label] = (await part.count()) ? (await part.innerText()).trim() : null;
  }
  const link = scope.locator('a[data-action="open-source"]');
  // The deep link replaces the plain URL once the background has answered.
  await expect.poll(async () => (await link.getAttribute('href')) ?? '').toContain('#:~:text=');
  await page.bringToFront();
  await clearClipboard(page);
  await scope.locator('[data-action="copy-quote"]').click();
  const clip = await waitForClipboard(page);
  return { parts, link: await link.getAttribute('href'), quoteWithCitation: clip.text };
}

describe('a popup row and the card', () => {
  it.each([
    ['q04', 'It cannot be overstated', 'partial'],
    ['q17', 'victim blaming', 'minor'],
  ])('show the same for %s', async (name, needle, verdict) => {
    await article.bringToFront();
    const card = await openCard(article, needle);
    expect(await card.getAttribute('data-verdict')).toBe(verdict);
    const index = await article.getAttribute('html', 'data-verbatim-current');
    expect(index).toMatch(/^\d+$/);
    const onCard = await shown(article, card);
    await article.keyboard.press('Escape');

    const row = popup.locator(`.pp-group[data-group="${verdict}"] .pp-quote[data-index="${index}"]`);
    const toggle = row.locator('button.pp-quote-text');
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    const details = row.locator('.pp-details');
    await details.waitFor({ timeout: 10_000 });
    // The row's details came from the tab, not from a re-check of the bare words.
    expect(await details.getAttribute('data-origin')).toBe('page');
    const inPopup = await shown(popup, details);

    expect(inPopup.parts).toEqual(onCard.parts);
    expect(inPopup.link).toBe(onCard.link);
    expect(inPopup.quoteWithCitation).toBe(onCard.quoteWithCitation);
    // "Quoted in" names the article's site, author and date, in the popup as on the card.
    expect(inPopup.parts.Credit).toMatch(/Quoted in .*Neil Wilby Media, Neil Wilby, 8 Dec 2023/s);
    expect(onCard.parts['The original']).toBeTruthy();
    expect(onCard.parts.Differences).toBeTruthy();
    expect(await seriousViolations(popup, '.vb-popup')).toEqual([]);
    if (name === 'q04') {
      await row.scrollIntoViewIfNeeded();
      await popup.screenshot({ path: join(SCREENSHOTS, 'popup-row-q04.png'), fullPage: true });
    }
    await toggle.click();
  });
});
