// The popup in a real Chromium, opened as a tab on the reference page's tab id: a row opens in place
// to the card's details and buttons, copying a citation works, a search hit copies its source's
// citation, the states for a page it cannot read, and axe-core.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { type Launched, type Served, ROOT, SCREENSHOTS, launchWithExtension, serveFolder, tabIdOf, waitForCheck } from './harness';
import { accessedToday, clearClipboard, pressReleaseEntries, seriousViolations, waitForClipboard } from './card-helpers';

let launched: Launched;
let served: Served;
let article: Page;
let popup: Page;

beforeAll(async () => {
  launched = await launchWithExtension();
  served = await serveFolder(join(ROOT, 'tests/fixtures/corpus/articles'));
  const extensionOrigin = `chrome-extension://${launched.extensionId}`;
  // Extension origins count as opaque to the permission API: granted for every origin instead.
  await launched.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  article = await launched.context.newPage();
  await article.goto(`${served.origin}/wilby-2023-12-08.html`);
  expect(await waitForCheck(article)).toBe('done');
  const tabId = await tabIdOf(launched, article);
  popup = await launched.context.newPage();
  await popup.setViewportSize({ width: 400, height: 900 });
  await popup.goto(`${extensionOrigin}/popup.html?tab=${tabId}`);
  await popup.locator('.pp-page').waitFor({ timeout: 10_000 });
});

afterAll(async () => {
  await launched?.close();
  await served?.close();
});

describe('the popup', () => {
  it('opens a row in place to the original, the diff, the credit and the copy buttons', async () => {
    const row = popup.locator('.pp-group[data-group="minor"] .pp-quote').first();
    const toggle = row.locator('button.pp-quote-text');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const details = row.locator('.pp-details');
    await details.waitFor({ timeout: 10_000 });
    expect((await details.locator('.vb-passage mark').innerText()).toLowerCase()).toBe('victim-blaming');
    expect(await details.locator('.vb-diff del').count()).toBeGreaterThan(0);
    expect(await details.locator('[data-part="source-credit"]').innerText()).toContain('Wendy Williams');
    // "Show on page" stays beside the row.
    expect(await row.locator('.pp-show').isVisible()).toBe(true);

    await popup.bringToFront();
    await clearClipboard(popup);
    await details.locator('[data-action="copy-citation"]').click();
    const clip = await waitForClipboard(popup);
    expect(clip.text).toBe(pressReleaseEntries(accessedToday()).harvard);
    expect(clip.html).toContain('<i>Police not doing enough to tackle group-based child sexual exploitation</i>');
    await expect.poll(() => details.locator('[role="status"]').innerText()).toBe('Copied the Harvard citation.');
    expect(await seriousViolations(popup, '.vb-popup')).toEqual([]);
    await row.scrollIntoViewIfNeeded();
    await popup.screenshot({ path: join(SCREENSHOTS, 'popup-row-open.png'), fullPage: true });

    // The same toggle closes it.
    await toggle.click();
    expect(await row.locator('.pp-details').count()).toBe(0);
  });

  it('a library search hit copies its source’s citation, and its link opens the source', async () => {
    await popup.fill('#pp-search-input', 'victim-blaming');
    const hit = popup.locator('.pp-hit[data-source="hmicfrs-press-release-2023"]').first();
    await hit.waitFor({ timeout: 10_000 });
    const link = hit.locator('.pp-hit-source a');
    expect(await link.getAttribute('href')).toMatch(/^https:\/\/www\.parliamenttoday\.com\/.*#:~:text=/);
    expect(await link.getAttribute('target')).toBe('_blank');
    await clearClipboard(popup);
    await hit.locator('.pp-hit-copy').click();
    const clip = await waitForClipboard(popup);
    expect(clip.text).toBe(pressReleaseEntries(accessedToday()).harvard);
    await expect.poll(() => popup.locator('.pp-search [role="status"]').innerText()).toBe('Copied the Harvard citation.');
  });

  it('says when the page cannot be read (no content script answers for the tab)', async () => {
    const other = await launched.context.newPage();
    await other.goto(`chrome-extension://${launched.extensionId}/popup.html?tab=987654`);
    await other.locator('[data-state="unreadable"]').waitFor({ timeout: 20_000 });
    expect(await other.locator('[data-state="unreadable"]').innerText()).toMatch(/can’t read this page/);
    await other.close();
  });
});
