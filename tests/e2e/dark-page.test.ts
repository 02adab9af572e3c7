// A dark news page in a browser set to dark mode: highlights switch to their dark palette and the
// card follows the reader's colour scheme.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { type Launched, type Served, ROOT, SCREENSHOTS, launchWithExtension, serveFolder, tabIdOf, waitForCheck } from './harness';
import { VERDICT_LOOK } from '../../lib/page/palette';

let launched: Launched;
let served: Served;
let page: Page;

beforeAll(async () => {
  launched = await launchWithExtension({ colorScheme: 'dark' });
  served = await serveFolder(join(ROOT, 'tests/fixtures/corpus/articles'), (html) =>
    html.replace('</head>', '<style>html,body{background:#121417;color:#e4e6eb} a{color:#8ab4f8}</style></head>'),
  );
  page = await launched.context.newPage();
  await page.goto(`${served.origin}/wilby-2023-12-08.html`);
});

afterAll(async () => {
  await launched?.close();
  await served?.close();
});

describe('a dark page', () => {
  it('paints with the dark palette and shows a dark card', async () => {
    expect(await waitForCheck(page)).toBe('done');
    const css = await page.locator('#verbatim-highlight-style').textContent();
    expect(css).toContain(VERDICT_LOOK.partial.inkDark);
    expect(css).not.toContain(VERDICT_LOOK.partial.ink);

    const tabId = await tabIdOf(launched, page);
    const popup = await launched.context.newPage();
    await popup.setViewportSize({ width: 400, height: 900 });
    await popup.goto(`chrome-extension://${launched.extensionId}/popup.html?tab=${tabId}`);
    await popup.locator('.pp-page').waitFor({ timeout: 10_000 });
    await popup.locator('.pp-group[data-group="partial"] .pp-show').first().click();
    const card = page.locator('verbatim-card [role="dialog"]');
    await card.waitFor({ state: 'visible', timeout: 10_000 });
    const background = await card.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(background).toBe('rgb(22, 27, 34)');
    await popup.screenshot({ path: join(SCREENSHOTS, 'popup-dark.png'), fullPage: true });
    await page.bringToFront();
    await page.screenshot({ path: join(SCREENSHOTS, 'card-on-dark-page.png') });
    await popup.close();
  });
});
