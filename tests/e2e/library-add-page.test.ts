// "Add this page" in a real headless Chromium: the reference article (a news page with author, site
// and date in its head) is added from the popup, its details corrected in the popup's form, and saved;
// a second page quoting two of its sentences then gets them as verbatim, from that new source.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { type Launched, type Served, ROOT, SCREENSHOTS, launchWithExtension, serveFolder, tabIdOf, waitForCheck } from './harness';

const SENTENCE = 'This will particularly disappoint conspiracy theorists in local authority catchments such as Oldham, in Greater Manchester’s policing area.';

let launched: Launched;
let articles: Served;
let fixtures: Served;

async function ask(page: Page, message: unknown): Promise<any> {
  return page.evaluate((m) => (globalThis as any).chrome.runtime.sendMessage(m), message);
}

async function quotesOf(launchedPage: Page, l: Launched, asker: Page) {
  expect(await waitForCheck(launchedPage)).toBe('done');
  const tabId = await tabIdOf(l, launchedPage);
  const { results } = await ask(asker, { type: 'page-results', op: 'get', tabId });
  return results as { quotes: { text: string; verdict: string; sourceId: string | null }[]; sources: Record<string, { title: string; origin: string; author: string | null; publisher: string | null; published: string | null; url: string | null }> };
}

beforeAll(async () => {
  launched = await launchWithExtension();
  articles = await serveFolder(join(ROOT, 'tests/fixtures/corpus/articles'));
  fixtures = await serveFolder(join(ROOT, 'tests/fixtures/gov-page'));
}, 60_000);

afterAll(async () => {
  await launched?.close();
  await articles?.close();
  await fixtures?.close();
});

describe('Add this page', () => {
  it('adds a news page from the popup with details the reader corrected, and a page quoting it then checks out', async () => {
    // Before: the quoting page's quotes are not in the library.
    const quoting = await launched.context.newPage();
    await quoting.goto(`${fixtures.origin}/quoting-article.html`);
    const popupPage = await launched.context.newPage();
    await popupPage.goto(`chrome-extension://${launched.extensionId}/popup.html?tab=-1`);
    const before = await quotesOf(quoting, launched, popupPage);
    expect(before.quotes.find((q) => q.text === SENTENCE)?.verdict).toBe('not_found');

    // The news page, added from the popup opened for its tab.
    const news = await launched.context.newPage();
    await news.goto(`${articles.origin}/wilby-2023-12-08.html`);
    expect(await waitForCheck(news)).toBe('done');
    const tabId = await tabIdOf(launched, news);
    const popup = await launched.context.newPage();
    await popup.setViewportSize({ width: 400, height: 900 });
    await popup.goto(`chrome-extension://${launched.extensionId}/popup.html?tab=${tabId}`);
    await popup.getByRole('button', { name: 'Add this page to your library' }).click();
    const form = popup.getByRole('form', { name: 'Details of this page' });
    await form.waitFor({ timeout: 10_000 });
    // The details the page declares, read by the content script.
    expect(await form.getByLabel('Author').inputValue()).toBe('Neil Wilby');
    expect(await form.getByLabel('Publisher or site').inputValue()).toBe('Neil Wilby Media');
    expect(await form.getByLabel('Date published').inputValue()).toBe('2023-12-08');
    expect(await form.getByLabel('Web address').inputValue()).toMatch(/^https:\/\/neilwilby\.com\//);
    expect(await form.getByLabel('Title').inputValue()).toMatch(/grooming/i);
    // A wrong date is refused beside its field, then corrected; the title is shortened by the reader.
    await form.getByLabel('Date published').fill('2023-13-45');
    await form.getByRole('button', { name: 'Save to library' }).click();
    await expect.poll(() => form.locator('.ap-error').textContent()).toMatch(/YYYY-MM-DD/);
    await form.getByLabel('Date published').fill('2023-12-09');
    expect(await form.locator('.ap-error').count()).toBe(0); // a corrected field drops its error at once
    await form.getByLabel('Title').fill('More grooming gang failings and myths unravelled by police watchdog inspection');
    await popup.screenshot({ path: join(SCREENSHOTS, 'popup-add-page-form.png'), fullPage: true });
    await form.getByRole('button', { name: 'Save to library' }).click();
    const status = popup.getByTestId('add-page-status');
    await expect.poll(() => status.textContent()).toMatch(/^Added “More grooming gang failings and myths unravelled by police watchdog inspection” to your library \([\d,]+ words\)\.$/);
    // The popup's count of sources follows at once.
    await expect.poll(() => popup.locator('.pp-library').textContent()).toBe('5 sources');
    await popup.screenshot({ path: join(SCREENSHOTS, 'popup-add-page-done.png'), fullPage: true });

    // The page's own chrome (nav, aside, comment form) did not come in with it.
    const { sources } = await ask(popup, { type: 'sources' });
    const added = sources.find((s: { origin: string }) => s.origin === 'page');
    expect(added).toMatchObject({ title: 'More grooming gang failings and myths unravelled by police watchdog inspection', author: 'Neil Wilby', published: '2023-12-09', type: 'article', excerpt: false });

    // After: the quoting page's two quotes come from the added page, word for word.
    await quoting.reload();
    const after = await quotesOf(quoting, launched, popupPage);
    const quotes = after.quotes.filter((q) => q.text === SENTENCE || q.text.startsWith('is now one of the acknowledged leaders'));
    expect(quotes).toHaveLength(2);
    for (const q of quotes) expect(q).toMatchObject({ verdict: 'verbatim', sourceId: added.id });
  });

  it('saving the same page again says it is already in the library', async () => {
    const news = launched.context.pages().find((p) => p.url().endsWith('/wilby-2023-12-08.html'))!;
    const tabId = await tabIdOf(launched, news);
    const popup = await launched.context.newPage();
    await popup.goto(`chrome-extension://${launched.extensionId}/popup.html?tab=${tabId}`);
    await popup.getByRole('button', { name: 'Add this page to your library' }).click();
    await popup.getByRole('button', { name: 'Save to library' }).click();
    await expect.poll(() => popup.getByTestId('add-page-status').textContent()).toBe('This page is already in your library.');
    const { sources } = await ask(popup, { type: 'sources' });
    expect(sources.filter((s: { origin: string }) => s.origin === 'page')).toHaveLength(1);
  });
});
