// "Get the full text" in a real headless Chromium: the built-in report excerpt is pointed (through
// the library page's edit form) at a publication page served on 127.0.0.1; a page that answers 404
// leaves the excerpt in place and says so; the publication page replaces the excerpt under the same
// id, with its section headings and numbered paragraphs and without its page chrome; the reference
// article's quotes are then checked against it.
//
// The host permission: the button calls permissions.request inside the click, and Chromium shows
// its own prompt for it. A headless browser cannot accept that prompt (nothing in the page or in
// Playwright reaches it; the request just stays unanswered), so the test grants the host the way a
// reader can without the prompt: the extensions page's "Site access → On specific sites", through
// the same private API that page uses (developerPrivate.addHostPermission). The button's request
// then resolves at once, as it does once a reader has allowed the host.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { type Launched, type Served, ROOT, SCREENSHOTS, launchWithExtension, serveFolder, tabIdOf, waitForCheck } from './harness';

const REPORT = 'hmicfrs-report-2023';
const TITLE = 'An inspection of the effectiveness of the police and law enforcement bodies’ response to group-based child sexual exploitation in England and Wales';
const gold: { quotes: { id: string; quote: string; attribution_in_article: string | null }[] } = JSON.parse(
  readFileSync(join(ROOT, 'tests/fixtures/corpus/gold/wilby-2023-12-08.json'), 'utf8'),
);
const quote = (id: string) => gold.quotes.find((q) => q.id === id)!.quote;

let launched: Launched;
let gov: Served;
let articles: Served;
let options: Page;

async function ask(page: Page, message: unknown): Promise<any> {
  return page.evaluate((m) => (globalThis as any).chrome.runtime.sendMessage(m), message);
}

/** Grants the extension one host as the extensions page does (see the note at the top). */
async function allowHost(l: Launched, pattern: string): Promise<void> {
  const page = await l.context.newPage();
  await page.goto('chrome://extensions/');
  const error = await page.evaluate(
    ([id, host]) =>
      new Promise<string>((ok) => {
        const chrome = (globalThis as any).chrome;
        chrome.developerPrivate.addHostPermission(id, host, () => ok(chrome.runtime.lastError?.message ?? ''));
      }),
    [l.extensionId, pattern],
  );
  expect(error).toBe('');
  await page.close();
}

async function setReportUrl(url: string): Promise<void> {
  const item = options.locator(`[data-source-id="${REPORT}"]`);
  await item.getByRole('button', { name: /^Edit details/ }).click();
  await item.getByLabel('Web address').fill(url);
  await item.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => options.getByTestId('notice').textContent()).toBe('Details saved.');
}

async function stored(): Promise<{ text: string; excerpt: boolean; origin: string; words: number; url: string }> {
  return options.evaluate(
    (id) =>
      new Promise((ok, fail) => {
        const open = indexedDB.open('verbatim');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('sources').objectStore('sources').get(id);
          get.onsuccess = () => {
            open.result.close();
            ok(get.result);
          };
        };
      }),
    REPORT,
  );
}

beforeAll(async () => {
  launched = await launchWithExtension();
  gov = await serveFolder(join(ROOT, 'tests/fixtures/gov-page'));
  articles = await serveFolder(join(ROOT, 'tests/fixtures/corpus/articles'));
  await allowHost(launched, 'http://127.0.0.1/*');
  options = await launched.context.newPage();
  await options.goto(`chrome-extension://${launched.extensionId}/options.html`);
  for (let i = 0; i < 40 && (await options.locator('.lp-item').count()) < 4; i++) {
    await options.waitForTimeout(250);
    await options.reload();
  }
}, 60_000);

afterAll(async () => {
  await launched?.close();
  await gov?.close();
  await articles?.close();
});

describe('Get the full text', () => {
  it('offers the button on built-in excerpts that have a web address', async () => {
    const buttons = await options.getByRole('button', { name: /^Get the full text of/ }).count();
    expect(buttons).toBe(4);
  });

  it('leaves the excerpt in place and says so when the page answers 404', async () => {
    const before = await stored();
    await setReportUrl(`${gov.origin}/no-such-report.html`);
    await options.getByRole('button', { name: `Get the full text of “${TITLE}” from ${new URL(gov.origin).host}` }).click();
    const notice = options.getByTestId('notice');
    await expect.poll(() => notice.textContent()).toMatch(/^127\.0\.0\.1:\d+ answered 404 \(not found\): the page could not be fetched\. The excerpt in your library is unchanged\.$/);
    expect(await notice.getAttribute('role')).toBe('alert');
    const after = await stored();
    expect(after).toMatchObject({ text: before.text, excerpt: true, origin: 'builtin', words: before.words });
    await expect.poll(() => options.locator(`[data-source-id="${REPORT}"]`).textContent()).toContain('Excerpt');
    await options.screenshot({ path: join(SCREENSHOTS, 'options-full-text-404.png'), fullPage: true });
  });

  it('replaces the excerpt with the page’s document, under the same id', async () => {
    const before = await stored();
    await setReportUrl(`${gov.origin}/report.html`);
    await options.getByRole('button', { name: `Get the full text of “${TITLE}” from ${new URL(gov.origin).host}` }).click();
    await expect.poll(() => options.getByTestId('notice').textContent()).toMatch(/^“An inspection of .*” now holds the full text from 127\.0\.0\.1:\d+ \(\d+ words\)\.$/);
    const after = await stored();
    expect(after).toMatchObject({ excerpt: false, origin: 'fetched', url: `${gov.origin}/report.html` });
    expect(after.text).not.toBe(before.text);
    expect(after.text).toContain('## Foreword\n\n1. Group-based child sexual exploitation has a devastating effect');
    expect(after.text).toContain('## Recommendation 6');
    for (const chrome of ['Cookies on HMICFRS', 'Skip to main content', 'Related links', 'Open Government Licence', 'Police forces']) {
      expect(after.text).not.toContain(chrome);
    }
    const item = options.locator(`[data-source-id="${REPORT}"]`);
    await expect.poll(() => item.textContent()).toMatch(/Fetched.*Full text/);
    expect(await item.getByRole('button', { name: /^Get the full text/ }).count()).toBe(0);
    expect((await ask(options, { type: 'sources' })).sources.filter((s: { id: string }) => s.id === REPORT)).toHaveLength(1);
    await options.locator(`[data-source-id="${REPORT}"]`).scrollIntoViewIfNeeded();
    await options.screenshot({ path: join(SCREENSHOTS, 'options-full-text.png'), fullPage: true });
  });

  it('matches the report’s passages with their section headings', async () => {
    const { checks } = await ask(options, {
      type: 'check',
      quotes: [
        { text: 'It shouldn’t be underestimated how complex and challenging these crimes are to prevent and investigate, and the police can’t tackle them alone.' },
        { text: 'the Home Office should stop collecting group-based child sexual exploitation data through its annual data requirement on custody known as ADR149', attribution: 'the report' },
      ],
    });
    expect(checks[0]).toMatchObject({ verdict: 'verbatim', match: { sourceId: REPORT, section: 'Foreword' } });
    expect(checks[0].match.context).toMatch(/^1\. Group-based child sexual exploitation/);
    expect(checks[1]).toMatchObject({ verdict: 'verbatim', match: { sourceId: REPORT, section: 'Recommendation 5' } });
  });

  it('checks the reference article against the fetched report', async () => {
    const page = await launched.context.newPage();
    await page.goto(`${articles.origin}/wilby-2023-12-08.html`);
    expect(await waitForCheck(page)).toBe('done');
    const tabId = await tabIdOf(launched, page);
    const { results } = await ask(options, { type: 'page-results', op: 'get', tabId });
    type Row = { text: string; verdict: string; sourceId: string | null; alsoIn: { sourceId: string; verdict: string }[] };
    const rows: Row[] = results.quotes;
    // q04: the article credits the report; the words are the press release's (whose excerpt stops
    // mid-word, so only partly held), and the report's Foreword words them differently.
    const q04 = rows.find((r) => r.text === quote('q04'))!;
    expect(q04.verdict).toBe('partial');
    expect(q04.sourceId).toBe('hmicfrs-press-release-2023');
    expect(q04.alsoIn).toContainEqual(expect.objectContaining({ sourceId: REPORT, verdict: 'altered' }));
    // What the report's page does not hold stays "not in your library": the full text brings no guesses.
    for (const id of ['q03', 'q08', 'q09']) expect(rows.find((r) => r.text === quote(id))?.verdict, id).toBe('not_found');
    await page.close();
  });
});
