// The quote card on the reference page in a real Chromium: what it says for a verbatim, a minor and
// a not-found quote; copying a citation in each style and the quote with its citation (read back
// from the clipboard); the citation menu by keyboard; the link to the source at the passage; axe-core.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { type Launched, type Served, ROOT, SCREENSHOTS, launchWithExtension, serveFolder, waitForCheck } from './harness';
import {
  BODY, P_TITLE, P_TITLE_CAPS, accessedToday, clearClipboard, openCard, pressReleaseEntries, seriousViolations, waitForClipboard,
} from './card-helpers';

const SOURCE_ID = 'hmicfrs-press-release-2023';

let launched: Launched;
let served: Served;
let sourceSite: Served;
let sourceDir: string;
let article: Page;

/** The press release excerpt as a web page: headings and paragraphs, below a tall masthead so the passage starts out of view. */
function sourcePage(): string {
  const text = readFileSync(join(ROOT, 'tests/fixtures/corpus/sources', `${SOURCE_ID}.txt`), 'utf8');
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const blocks = text.split(/\n\s*\n/).map((b) => b.trim()).filter(Boolean)
    .map((b) => (b.startsWith('## ') ? `<h2>${esc(b.slice(3))}</h2>` : `<p>${esc(b.replace(/\n/g, ' '))}</p>`));
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Press release</title></head>
<body><header style="height: 2400px; background: #eee">Masthead</header><main>${blocks.join('\n')}</main>
<footer style="height: 2400px"></footer></body></html>`;
}

beforeAll(async () => {
  launched = await launchWithExtension();
  served = await serveFolder(join(ROOT, 'tests/fixtures/corpus/articles'));
  sourceDir = mkdtempSync(join(tmpdir(), 'verbatim-source-'));
  writeFileSync(join(sourceDir, 'press-release.html'), sourcePage());
  sourceSite = await serveFolder(sourceDir);
  await launched.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: served.origin });
  article = await launched.context.newPage();
  await article.goto(`${served.origin}/wilby-2023-12-08.html`);
  expect(await waitForCheck(article)).toBe('done');
});

afterAll(async () => {
  await launched?.close();
  await served?.close();
  await sourceSite?.close();
  if (sourceDir) rmSync(sourceDir, { recursive: true, force: true });
});

describe('the quote card', () => {
  it('q25, verbatim: the verdict in words, the passage with context, credit, Quoted in, and a deep link', async () => {
    const card = await openCard(article, 'staggering');
    expect(await card.getAttribute('data-verdict')).toBe('verbatim');
    expect(await card.locator('h2').innerText()).toBe('Verbatim — NPCC statement (Ian Critchley)');
    const passage = card.locator('.vb-passage');
    expect(await passage.locator('mark').innerText()).toBe('staggering');
    // A sentence of context on each side of the marked word.
    const passageText = await passage.innerText();
    expect(passageText.length).toBeGreaterThan('staggering'.length + 60);
    const credit = await card.locator('[data-part="source-credit"]').innerText();
    expect(credit).toContain('Ian Critchley');
    expect(credit).toContain('NPCC response to Meta');
    expect(credit).toMatch(/not dated/);
    const quotedIn = await card.locator('[data-part="quoted-in"]').innerText();
    expect(quotedIn).toContain('Quoted in');
    expect(quotedIn).toContain('Neil Wilby');
    const link = card.locator('a[data-action="open-source"]');
    await expect.poll(() => link.getAttribute('href')).toContain('#:~:text=staggering');
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toContain('noopener');
    expect(await seriousViolations(article, 'verbatim-card')).toEqual([]);
    await article.screenshot({ path: join(SCREENSHOTS, 'card-verbatim.png') });

    // Copy citation, in the reader's style (Harvard by default): plain text and HTML.
    await clearClipboard(article);
    await card.locator('[data-action="copy-citation"]').click();
    await expect.poll(() => card.locator('[role="status"]').innerText()).toBe('Copied the Harvard citation.');
    const clip = await waitForClipboard(article);
    expect(clip.text).toBe(
      `National Police Chiefs’ Council (no date) NPCC response to Meta’s rollout of end-to-end-encryption. Available at: https://www.vkpp.org.uk/news/npcc-response-to-metas-rollout-of-end-to-end-encryption/ (Accessed: ${accessedToday()}).`,
    );
    expect(clip.html).toContain('<i>NPCC response to Meta’s rollout of end-to-end-encryption</i>');

    // Copy quote with citation: the words in quotation marks, the entry with the deep link, and the article.
    await clearClipboard(article);
    await card.locator('[data-action="copy-quote"]').click();
    const quoted = await waitForClipboard(article);
    const lines = quoted.text.split('\n');
    expect(lines[0]).toBe('“staggering”');
    expect(lines[1]).toMatch(/^National Police Chiefs’ Council \(no date\) NPCC response .*#:~:text=staggering.* \(Accessed: /);
    expect(lines[2]).toMatch(/^Quoted in: Neil Wilby, ‘More grooming gang failings/);
    expect(quoted.html).toContain('<blockquote>“staggering”</blockquote>');
  });

  it('q17, minor: names the press release and Wendy Williams, shows the diff, and copies all five styles exactly', async () => {
    const card = await openCard(article, 'victim blaming');
    expect(await card.getAttribute('data-verdict')).toBe('minor');
    expect(await card.locator('h2').innerText()).toBe('Minor differences — HMICFRS press release, 8 Dec 2023 (Wendy Williams)');
    expect((await card.locator('.vb-passage mark').innerText()).toLowerCase()).toBe('victim-blaming');
    // The difference is marked by more than colour: struck and underlined, and in words for screen readers.
    expect(await card.locator('.vb-diff del').count()).toBeGreaterThan(0);
    expect(await card.locator('.vb-diff ins').count()).toBeGreaterThan(0);
    expect(await card.locator('.vb-diff .vb-sr').first().innerText()).toMatch(/removed|added/);
    await article.screenshot({ path: join(SCREENSHOTS, 'card-minor.png') });

    const entries = pressReleaseEntries(accessedToday());
    for (const style of ['harvard', 'apa', 'mla', 'chicago', 'oscola']) {
      await clearClipboard(article);
      await card.locator('[data-action="citation-menu"]').click();
      const menu = card.locator('[role="menu"]');
      await menu.waitFor();
      if (style === 'chicago') await article.screenshot({ path: join(SCREENSHOTS, 'card-citation-menu.png') });
      await menu.locator(`[data-style="${style}"]`).click();
      const clip = await waitForClipboard(article);
      expect(clip.text, style).toBe(entries[style]);
      expect(clip.html, style).toBeTruthy();
      const italic = style === 'mla' || style === 'oscola' ? 'HMICFRS' : style === 'chicago' ? null : P_TITLE;
      if (italic) expect(clip.html, style).toContain(`<i>${italic}</i>`);
      if (style !== 'mla') expect(clip.html, style).toContain(BODY.slice(0, 20));
    }
    expect(P_TITLE_CAPS).toBeTruthy();

    // The exports are in the same menu.
    await clearClipboard(article);
    await card.locator('[data-action="citation-menu"]').click();
    await card.locator('[role="menu"] [data-export="bibtex"]').click();
    const bib = await waitForClipboard(article);
    expect(bib.text).toMatch(/^@\w+\{/);
    expect(bib.text).toContain(P_TITLE);
  });

  it('the citation menu works by keyboard: arrows move, Enter copies, Escape closes the menu and not the card', async () => {
    const card = await openCard(article, 'victim blaming');
    const more = card.locator('[data-action="citation-menu"]');
    await more.focus();
    await article.keyboard.press('ArrowDown');
    const menu = card.locator('[role="menu"]');
    await menu.waitFor();
    expect(await more.getAttribute('aria-expanded')).toBe('true');
    const focused = () => article.evaluate(() => {
      const host = document.querySelector('verbatim-card')!;
      const el = host.shadowRoot!.activeElement as HTMLElement | null;
      return el?.getAttribute('data-style') ?? el?.getAttribute('data-export') ?? el?.getAttribute('data-action') ?? null;
    });
    await expect.poll(focused).toBe('harvard');
    await article.keyboard.press('ArrowDown');
    await expect.poll(focused).toBe('apa');
    await article.keyboard.press('End');
    await expect.poll(focused).toBe('csljson');
    await article.keyboard.press('ArrowDown');
    await expect.poll(focused).toBe('harvard');
    // A visible focus ring on the focused item.
    const outline = await article.evaluate(() => {
      const el = document.querySelector('verbatim-card')!.shadowRoot!.activeElement as HTMLElement;
      return getComputedStyle(el).outlineStyle;
    });
    expect(outline).toBe('solid');
    expect(await seriousViolations(article, 'verbatim-card')).toEqual([]);
    await article.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
    expect(await card.isVisible()).toBe(true);
    await expect.poll(focused).toBe('citation-menu');
    await clearClipboard(article);
    await article.keyboard.press('ArrowDown');
    await expect.poll(focused).toBe('harvard');
    await article.keyboard.press('ArrowDown');
    await expect.poll(focused).toBe('apa');
    await article.keyboard.press('Enter');
    const clip = await waitForClipboard(article);
    expect(clip.text).toBe(pressReleaseEntries(accessedToday()).apa);
    await article.keyboard.press('Escape');
    await article.locator('verbatim-card').waitFor({ state: 'detached' });
  });

  it('a quote not in the library: says so, offers to add a source and a web search of the exact words', async () => {
    const words = 'the pace of change needs to increase';
    const card = await openCard(article, words);
    expect(await card.getAttribute('data-verdict')).toBe('not_found');
    expect(await card.locator('h2').innerText()).toBe('Not in your library');
    expect(await card.locator('[data-action="add-source"]').innerText()).toBe('Add a source');
    const search = card.locator('a[data-action="web-search"]');
    const href = (await search.getAttribute('href'))!;
    expect(href.startsWith('https://duckduckgo.com/?q=')).toBe(true);
    expect(decodeURIComponent(new URL(href).searchParams.get('q')!)).toMatch(/^"the pace of change needs to increase, and this starts with/);
    expect(await search.getAttribute('target')).toBe('_blank');
    expect(await search.getAttribute('rel')).toContain('noopener');
    expect(await card.locator('[data-action="copy-citation"]').count()).toBe(0);
    expect(await seriousViolations(article, 'verbatim-card')).toEqual([]);
    // The card has room for all of itself, down to "Quoted in": the page scrolled a little on opening.
    const whole = await card.evaluate((el) => ({ scroll: el.scrollHeight, client: el.clientHeight }));
    expect(whole.scroll).toBeLessThanOrEqual(whole.client + 1);
    expect(await card.getByText('Quoted in').isVisible()).toBe(true);
    await article.screenshot({ path: join(SCREENSHOTS, 'card-not-found.png') });
  });

  it('"Open source at passage" opens the source in a new tab scrolled to the passage', async () => {
    // The library's copy of the press release now points at a page served here.
    const url = `${sourceSite.origin}/press-release.html`;
    await launched.worker.evaluate(async ([id, newUrl]) => {
      await new Promise<void>((ok, fail) => {
        const open = indexedDB.open('verbatim');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('sources', 'readwrite');
          const store = tx.objectStore('sources');
          const get = store.get(id);
          get.onsuccess = () => store.put({ ...get.result, url: newUrl });
          tx.oncomplete = () => { open.result.close(); ok(); };
          tx.onerror = () => fail(tx.error);
        };
      });
    }, [SOURCE_ID, url] as const);

    const card = await openCard(article, 'victim blaming');
    const link = card.locator('a[data-action="open-source"]');
    await expect.poll(() => link.getAttribute('href')).toMatch(new RegExp(`^${url.replace(/[.?]/g, '\\$&')}#:~:text=`));
    const [tab] = await Promise.all([launched.context.waitForEvent('page'), link.click()]);
    await tab.waitForLoadState('load');
    await expect
      .poll(
        () =>
          tab.evaluate(() => {
            const p = [...document.querySelectorAll('p')].find((e) => e.textContent!.includes('victim-blaming'))!;
            const r = p.getBoundingClientRect();
            return r.bottom > 0 && r.top < innerHeight && scrollY > 1000;
          }),
        { timeout: 10_000 },
      )
      .toBe(true);
    await tab.close();
  });
});
