// "Add this page": the page-source request and answer are checked by shape, and the content
// script's reading of a news page keeps the article and its declared details, not the page's chrome.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIMITS, PAGE_SOURCE_CHARS, isPageSource, parsePageSourceRequest, parsePageSourceResponse, parseTabRequest } from '../../../lib/messages';
import { readPageSource } from '../../../entrypoints/content/page-source';

const page = { url: 'https://example.org/news/1', title: 'A title', byline: 'A. Writer', site: 'Example News', published: '2023-12-08', text: 'Words.' };

describe('page-source messages', () => {
  it('accepts only the bare request', () => {
    expect(parsePageSourceRequest({ type: 'page-source' })).toEqual({ type: 'page-source' });
    expect(parsePageSourceRequest({ type: 'page-source', tabId: 3 })).toBeNull();
    expect(parsePageSourceRequest({ type: 'check-page' })).toBeNull();
    expect(parsePageSourceRequest('page-source')).toBeNull();
    // It is not one of the checker's tab requests: the page checker ignores it.
    expect(parseTabRequest({ type: 'page-source' })).toBeNull();
  });

  it('accepts a well-formed answer and refuses anything else', () => {
    expect(parsePageSourceResponse({ ok: true, page })).toEqual({ ok: true, page });
    expect(parsePageSourceResponse({ ok: false, error: 'No article text found on this page.' })).toEqual({ ok: false, error: 'No article text found on this page.' });
    const bad: unknown[] = [
      null,
      { ok: true },
      { ok: true, page, extra: 1 },
      { ok: true, page: { ...page, url: 'javascript:alert(1)' } },
      { ok: true, page: { ...page, published: '8 December 2023' } },
      { ok: true, page: { ...page, title: 'x'.repeat(LIMITS.titleChars + 1) } },
      { ok: true, page: { ...page, text: 'x'.repeat(PAGE_SOURCE_CHARS + 1) } },
      { ok: true, page: { ...page, html: '<b>x</b>' } },
      { ok: false, error: 42 },
    ];
    for (const v of bad) expect(parsePageSourceResponse(v), JSON.stringify(v)?.slice(0, 80)).toBeNull();
    expect(isPageSource({ ...page, byline: null, site: null, published: null, title: null })).toBe(true);
  });
});

describe('readPageSource', () => {
  const html = readFileSync(join(__dirname, '../../fixtures/corpus/articles/wilby-2023-12-08.html'), 'utf8');
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const answer = readPageSource(doc, 'http://127.0.0.1:8000/wilby-2023-12-08.html');

  it('answers the article text and the details the page declares', () => {
    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    expect(answer.page).toMatchObject({
      url: 'https://neilwilby.com/2023/12/09/more-grooming-gang-failings-and-myths-unravelled-by-police-watchdog-inspection',
      byline: 'Neil Wilby',
      site: 'Neil Wilby Media',
      published: '2023-12-08',
    });
    expect(answer.page.title).toMatch(/^More grooming gang failings/);
    expect(answer.page.text).toContain('This will particularly disappoint conspiracy theorists in local authority catchments such as Oldham');
    expect(isPageSource(answer.page)).toBe(true);
  });

  it('leaves out the navigation, the aside and the comment form, and does not change the page', () => {
    if (!answer.ok) throw new Error(answer.error);
    expect(answer.page.text).not.toContain('Support this site');
    expect(answer.page.text).not.toContain('Great piece'); // the comment form's text
    expect(answer.page.text).not.toContain('Most read'); // the aside
    expect(doc.querySelector('nav')).not.toBeNull(); // Readability worked on a clone
  });

  it('says so when a page has no article', () => {
    const empty = new DOMParser().parseFromString('<html><body><nav><a href="/">Home</a></nav></body></html>', 'text/html');
    expect(readPageSource(empty, 'https://example.org/')).toEqual({ ok: false, error: 'No article text found on this page.' });
  });
});
