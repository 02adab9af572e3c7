// Changing "check pages automatically" while pages are open: switching it on checks the pages that
// were waiting (in every tab); switching it off leaves checked pages as they are.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { type Launched, type Served, ROOT, launchWithExtension, serveFolder, tabIdOf, waitForCheck } from './harness';
import { openCard } from './card-helpers';
import type { PageResults } from '../../lib/messages';

let launched: Launched;
let served: Served;

declare const chrome: {
  storage: {
    session: { get(k: string): Promise<Record<string, unknown>> };
    local: { set(o: object): Promise<void>; remove(k: string): Promise<void> };
  };
};

beforeAll(async () => {
  launched = await launchWithExtension();
  served = await serveFolder(join(ROOT, 'tests/fixtures/corpus/articles'));
});

afterAll(async () => {
  await launched?.close();
  await served?.close();
});

const setAutoCheck = (on: boolean) =>
  launched.worker.evaluate((autoCheck) => chrome.storage.local.set({ settings: { citationStyle: 'harvard', autoCheck } }), on);

const storedResults = (tabId: number) =>
  launched.worker.evaluate(async (id) => (await chrome.storage.session.get(`page-results:${id}`))[`page-results:${id}`], tabId) as Promise<PageResults>;

const state = (page: Page) => page.getAttribute('html', 'data-verbatim-state');
const highlightCount = (page: Page) =>
  page.evaluate(() => [...CSS.highlights.entries()].filter(([name]) => name.startsWith('verbatim-')).reduce((n, [, h]) => n + h.size, 0));

async function waitingPage(): Promise<Page> {
  const page = await launched.context.newPage();
  await page.goto(`${served.origin}/wilby-2023-12-08.html`);
  await page.waitForFunction(() => document.documentElement.getAttribute('data-verbatim-state') === 'waiting');
  return page;
}

describe('the automatic-checking setting, changed while pages are open', () => {
  it('switched on, checks every waiting page; switched off, leaves checked pages as they are', async () => {
    await setAutoCheck(false);
    const front = await waitingPage();
    const behind = await waitingPage(); // opened last, so `front` is now a background tab
    expect(await highlightCount(front)).toBe(0);
    expect(await front.getAttribute('html', 'data-verbatim-sent')).toBeNull();

    await setAutoCheck(true);
    expect(await waitForCheck(front)).toBe('done');
    expect(await waitForCheck(behind)).toBe('done');
    expect(await front.getAttribute('html', 'data-verbatim-quotes')).toBe('27');
    expect(await highlightCount(front)).toBeGreaterThan(0);
    const tabId = await tabIdOf(launched, front);
    await expect.poll(async () => (await storedResults(tabId)).state).toBe('done');
    const painted = await highlightCount(front);

    await setAutoCheck(false);
    await front.waitForTimeout(1500);
    expect(await state(front)).toBe('done');
    expect(await highlightCount(front)).toBe(painted);
    expect((await storedResults(tabId)).state).toBe('done');
    // Its quotes still open their cards.
    const card = await openCard(front, 'victim blaming');
    expect(await card.getAttribute('data-verdict')).toBe('minor');
    // A page opened now waits.
    const later = await waitingPage();
    expect(await highlightCount(later)).toBe(0);

    // Switching it on again does not check a checked page twice.
    const sent = await front.getAttribute('html', 'data-verbatim-sent');
    await setAutoCheck(true);
    expect(await waitForCheck(later)).toBe('done');
    expect(await front.getAttribute('html', 'data-verbatim-sent')).toBe(sent);
    await launched.worker.evaluate(() => chrome.storage.local.remove('settings'));
  });
});
