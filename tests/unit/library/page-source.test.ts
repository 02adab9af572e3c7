// "Add this page": the page-document request and answer are checked by shape, only the popup may
// ask, the content script's copy of the page leaves the page as it was, and the popup's reading of
// that copy keeps the article and its declared details, not the page's chrome.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  LIMITS,
  PAGE_DOCUMENT_CHARS,
  isPageSource,
  isPopupSender,
  parseBackgroundRequest,
  parsePageDocumentRequest,
  parsePageDocumentResponse,
  parseTabRequest,
} from '../../../lib/messages';
import { parsePageCopy, readPageSource } from '../../../lib/page/page-source';
import { serialisePage } from '../../../entrypoints/content/page-source';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}`;
const copy = { url: 'https://example.org/news/1', html: '<!DOCTYPE html><html><head></head><body><p>Words.</p></body></html>' };

describe('page-document messages', () => {
  it('accepts only the bare request, which is neither a tab request of the checker nor a background request', () => {
    expect(parsePageDocumentRequest({ type: 'page-document' })).toEqual({ type: 'page-document' });
    expect(parsePageDocumentRequest({ type: 'page-document', tabId: 3 })).toBeNull();
    expect(parsePageDocumentRequest({ type: 'page-source' })).toBeNull();
    expect(parsePageDocumentRequest('page-document')).toBeNull();
    expect(parseTabRequest({ type: 'page-document' })).toBeNull();
    expect(parseBackgroundRequest({ type: 'page-document' })).toBeNull();
  });

  it('accepts a well-formed answer and refuses anything else', () => {
    expect(parsePageDocumentResponse({ ok: true, page: copy })).toEqual({ ok: true, page: copy });
    expect(parsePageDocumentResponse({ ok: false, error: 'This page is too long to add as one source.' })).toEqual({
      ok: false,
      error: 'This page is too long to add as one source.',
    });
    const bad: unknown[] = [
      null,
      'x',
      { ok: true },
      { ok: true, page: copy, extra: 1 },
      { ok: true, page: { ...copy, title: 'x' } },
      { ok: true, page: { ...copy, url: 'javascript:alert(1)' } },
      { ok: true, page: { ...copy, url: `https://example.org/${'x'.repeat(LIMITS.urlChars)}` } },
      { ok: true, page: { ...copy, html: 42 } },
      { ok: true, page: { ...copy, html: 'x'.repeat(PAGE_DOCUMENT_CHARS + 1) } },
      { ok: true, page: { url: copy.url } },
      { ok: false, error: 42 },
      { ok: false, error: 'x', page: copy },
    ];
    for (const v of bad) expect(parsePageDocumentResponse(v), JSON.stringify(v)?.slice(0, 80)).toBeNull();
  });

  it('is answered to the extension’s popup alone', () => {
    expect(isPopupSender({ id: ID, url: `${ORIGIN}/popup.html` }, ID, ORIGIN)).toBe(true);
    expect(isPopupSender({ id: ID, url: `${ORIGIN}/popup.html`, origin: ORIGIN }, ID, `${ORIGIN}/`)).toBe(true);
    expect(isPopupSender({ id: ID, url: `${ORIGIN}/popup.html?tab=3` }, ID, ORIGIN)).toBe(true);
    // The library page, another extension, a web page, a content script: refused.
    expect(isPopupSender({ id: ID, url: `${ORIGIN}/options.html` }, ID, ORIGIN)).toBe(false);
    expect(isPopupSender({ id: ID, url: `${ORIGIN}/popup.html.evil` }, ID, ORIGIN)).toBe(false);
    expect(isPopupSender({ id: 'another', url: `chrome-extension://another/popup.html` }, ID, ORIGIN)).toBe(false);
    expect(isPopupSender({ id: ID, url: 'https://example.org/popup.html', tab: { id: 3 } }, ID, ORIGIN)).toBe(false);
    expect(isPopupSender({ id: ID, url: `${ORIGIN}/popup.html`, origin: 'https://example.org' }, ID, ORIGIN)).toBe(false);
    expect(isPopupSender({ url: `${ORIGIN}/popup.html` }, ID, ORIGIN)).toBe(false);
  });
});

describe('the page’s copy and the popup’s reading of it', () => {
  const html = readFileSync(join(__dirname, '../../fixtures/corpus/articles/wilby-2023-12-08.html'), 'utf8');
  const live = new DOMParser().parseFromString(html, 'text/html');
  const before = live.documentElement.outerHTML;
  const served = serialisePage(live, 'http://127.0.0.1:8000/wilby-2023-12-08.html');
  if (!served.ok) throw new Error(served.error);
  const doc = parsePageCopy(served.page.html, served.page.url);
  const answer = readPageSource(doc, served.page.url);

  it('the copy is the page’s HTML, and taking it changes nothing in the page', () => {
    expect(served.page.html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(served.page.html).toContain('This will particularly disappoint conspiracy theorists');
    expect(live.documentElement.outerHTML).toBe(before);
    expect(parsePageDocumentResponse(served)).toEqual(served);
  });

  it('only web pages are copied', () => {
    expect(serialisePage(live, 'file:///home/me/page.html')).toEqual({ ok: false, error: 'Only web pages can be added.' });
  });

  it('the copy is based at the page’s address, unless the page names its own base', () => {
    const relative = parsePageCopy('<html><head><title>T</title></head><body><a href="/about">About</a></body></html>', 'https://example.org/news/1');
    expect(relative.head.firstElementChild?.localName).toBe('base');
    expect(relative.querySelector('base')?.getAttribute('href')).toBe('https://example.org/news/1');
    const declared = parsePageCopy('<html><head><base href="https://cdn.example.net/"></head><body></body></html>', 'https://example.org/news/1');
    expect(declared.querySelectorAll('base')).toHaveLength(1);
  });

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

  it('leaves out the navigation, the aside and the comment form', () => {
    if (!answer.ok) throw new Error(answer.error);
    expect(answer.page.text).not.toContain('Support this site');
    expect(answer.page.text).not.toContain('Great piece'); // the comment form's text
    expect(answer.page.text).not.toContain('Most read'); // the aside
  });

  it('says so when a page has no article', () => {
    const empty = parsePageCopy('<html><body><nav><a href="/">Home</a></nav></body></html>', 'https://example.org/');
    expect(readPageSource(empty, 'https://example.org/')).toEqual({ ok: false, error: 'No article text found on this page.' });
  });
});
