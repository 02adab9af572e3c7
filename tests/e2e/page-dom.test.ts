// The page's own DOM under Verbatim, in a real headless Chromium: a full check leaves the article
// untouched; a page that re-renders its article is highlighted again without re-sending its quotes;
// a single-page site that moves to a new article in place gets the new article checked.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { type Launched, ONE_PIXEL_GIF, type Served, ROOT, launchWithExtension, serveFolder, tabIdOf, waitForCheck } from './harness';
import type { PageResults } from '../../lib/messages';

const REFERENCE = readFileSync(join(ROOT, 'tests/fixtures/corpus/articles/wilby-2023-12-08.html'), 'utf8');

// Re-creates the article's whole element tree from fresh nodes, as a framework re-render does.
const RERENDER_SCRIPT = `<script>
function rebuild(node) {
  if (node.nodeType === Node.TEXT_NODE) return document.createTextNode(node.data);
  if (node.nodeType !== Node.ELEMENT_NODE) return document.createComment('');
  const el = document.createElement(node.localName);
  for (const a of node.attributes) el.setAttribute(a.name, a.value);
  for (const child of node.childNodes) el.append(rebuild(child));
  return el;
}
window.rerender = (extra) => {
  const old = document.querySelector('article');
  const fresh = rebuild(old);
  if (extra) { const p = document.createElement('p'); p.textContent = extra; fresh.append(p); }
  old.replaceWith(fresh);
};
</script>`;

// The second story of a single-page site: two quotes, one word for word, one altered.
const SECOND_STORY = [
  '<h1>Police chiefs respond to the inspection</h1>',
  '<p>The inspectorate said: “Group-based child sexual exploitation has a devastating effect on children and their families.”</p>',
  '<p>Ian Critchley said: “Policing is absolutely committed to keeping children safe and protecting them from harm in all its forms”.</p>',
].join('');
const SPA_SCRIPT = `<script>
window.goToSecondStory = () => {
  history.pushState({}, '', '/news/second-story');
  const article = document.querySelector('article');
  const fresh = document.createElement('article');
  fresh.innerHTML = ${JSON.stringify(SECOND_STORY)};
  article.replaceWith(fresh);
  document.title = 'Police chiefs respond to the inspection';
};
</script>`;

// A page that builds its article in its own script after DOMContentLoaded, as a client-rendered
// site does once its data is in, with a picture that holds its load event back. So that the
// article comes in after the content script's first look at the page whatever the machine's speed,
// the page builds it as soon as Verbatim marks it as being checked.
const ARTICLE_HTML = REFERENCE.slice(REFERENCE.indexOf('<article'), REFERENCE.indexOf('</article>') + '</article>'.length);
const BUILT_LATE = REFERENCE.replace(ARTICLE_HTML, '<article></article><img src="/picture.gif" width="10" height="10" alt="">').replace(
  '</body>',
  `<script>
new MutationObserver((_, observer) => {
  observer.disconnect();
  document.querySelector('article').outerHTML = ${JSON.stringify(ARTICLE_HTML)};
}).observe(document.documentElement, { attributes: true, attributeFilter: ['data-verbatim-state'] });
</script></body>`,
);
// Every state the page goes through, as the content script marks it on <html>.
const STATES = `window.__verbatimStates = [];
new MutationObserver(() => window.__verbatimStates.push(document.documentElement.getAttribute('data-verbatim-state')))
  .observe(document, { attributes: true, subtree: true, attributeFilter: ['data-verbatim-state'] });`;

let folder: string;
let launched: Launched;
let served: Served;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'verbatim-dom-'));
  writeFileSync(join(folder, 'article.html'), REFERENCE);
  writeFileSync(join(folder, 'rerender.html'), REFERENCE.replace('</body>', `${RERENDER_SCRIPT}</body>`));
  writeFileSync(join(folder, 'spa.html'), REFERENCE.replace('</body>', `${SPA_SCRIPT}</body>`));
  writeFileSync(join(folder, 'built-late.html'), BUILT_LATE);
  writeFileSync(join(folder, 'picture.gif'), ONE_PIXEL_GIF);
  launched = await launchWithExtension();
  served = await serveFolder(folder, undefined, { '/picture.gif': 10_000 });
});

afterAll(async () => {
  await launched?.close();
  await served?.close();
  rmSync(folder, { recursive: true, force: true });
});

declare const chrome: {
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
  storage: { session: { get(k: string): Promise<Record<string, unknown>> } };
};

/** The page's document as its own code sees it, without what Verbatim may add. */
const SNAPSHOT = `(() => {
  const article = document.querySelector('article');
  const texts = [];
  const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n.data);
  const root = document.documentElement.cloneNode(true);
  for (const name of root.getAttributeNames()) if (name.startsWith('data-verbatim-')) root.removeAttribute(name);
  root.querySelectorAll('#verbatim-highlight-style, verbatim-card').forEach((n) => n.remove());
  return { state: document.documentElement.getAttribute('data-verbatim-state'), article: article.outerHTML, texts, document: root.outerHTML };
})()`;

interface Snapshot { state: string | null; article: string; texts: string[]; document: string }

/** The text of every Verbatim highlight range, and whether all of them lie in the live article. */
function painted(page: Page): Promise<{ texts: string[]; live: boolean; names: string[] }> {
  return page.evaluate(() => {
    const article = document.querySelector('article')!;
    const texts: string[] = [];
    const names: string[] = [];
    let live = true;
    CSS.highlights.forEach((h, name) => {
      if (!name.startsWith('verbatim-verdict-')) return;
      names.push(name);
      for (const r of h as unknown as Iterable<Range>) {
        texts.push(r.toString());
        if (!article.contains(r.startContainer) || !article.contains(r.endContainer)) live = false;
      }
    });
    return { texts, live, names };
  });
}

const sentCount = async (page: Page) => Number(await page.getAttribute('html', 'data-verbatim-sent'));

describe('the page’s DOM', () => {
  it('is the same before and after a full check with a card open: only the style, the card host and <html> attributes are added', async () => {
    const page = await launched.context.newPage();
    await page.addInitScript(`document.addEventListener('DOMContentLoaded', () => { window.__verbatimBefore = ${SNAPSHOT}; });`);
    await page.goto(`${served.origin}/article.html`);
    expect(await waitForCheck(page)).toBe('done');
    const before = (await page.evaluate('window.__verbatimBefore')) as Snapshot;
    expect(before.state).toBeNull(); // taken before the content script did anything
    expect(before.texts.length).toBeGreaterThan(50);

    // Open a card as well, through the keyboard command's path.
    const tabId = await tabIdOf(launched, page);
    await launched.worker.evaluate(
      (id) => (globalThis as unknown as { verbatimCommand(c: string, t: { id: number }): Promise<boolean> }).verbatimCommand('next-quote', { id }),
      tabId,
    );
    await page.locator('verbatim-card [role="dialog"]').waitFor({ state: 'visible', timeout: 10_000 });
    expect((await painted(page)).texts).toHaveLength(27);

    const after = (await page.evaluate(SNAPSHOT)) as Snapshot;
    expect(after.state).toBe('done');
    expect(after.texts).toEqual(before.texts);
    expect(after.article).toBe(before.article);
    expect(after.document).toBe(before.document);
    // And what was added is exactly that.
    const added = await page.evaluate(() => ({
      styles: document.querySelectorAll('#verbatim-highlight-style').length,
      cards: document.querySelectorAll('verbatim-card').length,
      cardParent: document.querySelector('verbatim-card')?.parentElement?.localName,
      attributes: document.documentElement.getAttributeNames().filter((n) => n.startsWith('data-verbatim-')).sort(),
    }));
    expect(added).toEqual({
      styles: 1,
      cards: 1,
      cardParent: 'html',
      attributes: ['data-verbatim-current', 'data-verbatim-quotes', 'data-verbatim-sent', 'data-verbatim-state'],
    });
    await page.close();
  });

  it('built by the page’s own script after DOMContentLoaded, the article is read once it is there, not reported empty first', async () => {
    expect(ARTICLE_HTML.length).toBeGreaterThan(1000);
    const page = await launched.context.newPage();
    await page.addInitScript(STATES);
    await page.goto(`${served.origin}/built-late.html`, { waitUntil: 'commit' });
    expect(await waitForCheck(page)).toBe('done');
    expect(await page.evaluate('document.readyState')).not.toBe('complete'); // the picture still holds the load event
    expect(await page.evaluate('window.__verbatimStates')).toEqual(['checking', 'done']);
    expect(await page.getAttribute('html', 'data-verbatim-quotes')).toBe('27');
    expect(await sentCount(page)).toBe(27);
    await page.close();
  });

  it('re-rendered by the page’s own script, the article is highlighted again and no quote is sent twice', async () => {
    const page = await launched.context.newPage();
    await page.goto(`${served.origin}/rerender.html`);
    expect(await waitForCheck(page)).toBe('done');
    expect(await sentCount(page)).toBe(27);
    const first = await painted(page);
    expect(first.live).toBe(true);

    await page.evaluate(() => (window as unknown as { rerender(extra?: string): void }).rerender());
    // The old ranges now point into detached nodes; the rescan paints the fresh ones.
    await expect.poll(async () => (await painted(page)).live, { timeout: 10_000 }).toBe(true);
    const second = await painted(page);
    expect(second.texts.sort()).toEqual(first.texts.sort());
    expect(second.names.sort()).toEqual(first.names.sort());
    expect(await sentCount(page)).toBe(27);

    // A re-render that brings one new quote sends that quote alone.
    await page.evaluate(() =>
      (window as unknown as { rerender(extra?: string): void }).rerender('“Every force must now act on these findings without delay,” a campaigner said.'),
    );
    await expect.poll(() => page.getAttribute('html', 'data-verbatim-quotes'), { timeout: 10_000 }).toBe('28');
    expect(await sentCount(page)).toBe(28);
    const third = await painted(page);
    expect(third.live).toBe(true);
    expect(third.texts).toContain('Every force must now act on these findings without delay,');
    await page.close();
  });

  it('a single-page site moving to a new article in place gets it checked and the old highlights cleared', async () => {
    const page = await launched.context.newPage();
    await page.goto(`${served.origin}/spa.html`);
    expect(await waitForCheck(page)).toBe('done');
    const tabId = await tabIdOf(launched, page);
    expect((await painted(page)).texts).toHaveLength(27);

    await page.evaluate(() => (window as unknown as { goToSecondStory(): void }).goToSecondStory());
    await expect.poll(() => page.getAttribute('html', 'data-verbatim-quotes'), { timeout: 10_000 }).toBe('2');
    const now = await painted(page);
    expect(now.live).toBe(true);
    expect(now.texts.sort()).toEqual([
      'Group-based child sexual exploitation has a devastating effect on children and their families.',
      'Policing is absolutely committed to keeping children safe and protecting them from harm in all its forms',
    ]);
    expect(now.names.sort()).toEqual(['verbatim-verdict-altered', 'verbatim-verdict-verbatim']);
    expect(await sentCount(page)).toBe(29);

    // The popup's copy and the badge follow the new story.
    await expect
      .poll(async () => {
        const stored = (await launched.worker.evaluate(async (id) => (await chrome.storage.session.get(`page-results:${id}`))[`page-results:${id}`], tabId)) as PageResults;
        return [new URL(stored.url).pathname, stored.quotes.length, stored.state];
      }, { timeout: 10_000 })
      .toEqual(['/news/second-story', 2, 'done']);
    await expect.poll(() => launched.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)).toBe('1');
    await page.close();
  });
});
