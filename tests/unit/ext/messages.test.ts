import { describe, expect, it } from 'vitest';
import {
  LIMITS,
  type PageResults,
  allowed,
  isPageResults,
  parseBackgroundRequest,
  parseTabRequest,
  senderKind,
} from '../../../lib/messages';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}`;

const results: PageResults = {
  url: 'https://example.org/a',
  title: 'A page',
  state: 'done',
  error: null,
  quotes: [
    { index: 0, text: 'It cannot be overstated', words: 4, short: false, attribution: 'HMICFRS', verdict: 'partial', sourceId: 's1', alsoIn: [{ sourceId: 's2', verdict: 'altered' }] },
  ],
  sources: {
    s1: { id: 's1', type: 'report', title: 'T', publisher: null, author: null, speaker: null, published: '2023-12-08', url: null, licence: null, coverage: null, excerpt: true, origin: 'builtin', words: 10 },
  },
  librarySize: 4,
};

describe('parseBackgroundRequest', () => {
  it('accepts each well-formed request and returns a clean copy', () => {
    expect(parseBackgroundRequest({ type: 'check', quotes: [{ text: 'a quote', attribution: null, before: 'x', after: 'y' }] })).toEqual({
      type: 'check',
      quotes: [{ text: 'a quote', attribution: null, before: 'x', after: 'y' }],
    });
    expect(parseBackgroundRequest({ type: 'search', query: 'victim-blaming', limit: 5 })).toEqual({ type: 'search', query: 'victim-blaming', limit: 5 });
    expect(parseBackgroundRequest({ type: 'search', query: 'x' })).toEqual({ type: 'search', query: 'x' });
    expect(parseBackgroundRequest({ type: 'sources' })).toEqual({ type: 'sources' });
    expect(parseBackgroundRequest({ type: 'page-results', op: 'get', tabId: 7 })).toEqual({ type: 'page-results', op: 'get', tabId: 7 });
    expect(parseBackgroundRequest({ type: 'page-results', op: 'set', results })).not.toBeNull();
  });

  it.each([
    ['not an object', 'check'],
    ['null', null],
    ['an array', [{ type: 'sources' }]],
    ['an unknown type', { type: 'delete-library' }],
    ['quotes not a list', { type: 'check', quotes: 'x' }],
    ['a quote without text', { type: 'check', quotes: [{ attribution: 'x' }] }],
    ['a blank quote', { type: 'check', quotes: [{ text: '   ' }] }],
    ['a numeric quote', { type: 'check', quotes: [{ text: 42 }] }],
    ['an extra field on a quote', { type: 'check', quotes: [{ text: 'a', html: '<b>' }] }],
    ['an extra field on the request', { type: 'sources', also: 1 }],
    ['too many quotes', { type: 'check', quotes: Array.from({ length: LIMITS.quotes + 1 }, () => ({ text: 'a' })) }],
    ['an overlong quote', { type: 'check', quotes: [{ text: 'a'.repeat(LIMITS.quoteChars + 1) }] }],
    ['an overlong search', { type: 'search', query: 'a'.repeat(LIMITS.queryChars + 1) }],
    ['a zero limit', { type: 'search', query: 'a', limit: 0 }],
    ['a fractional limit', { type: 'search', query: 'a', limit: 1.5 }],
    ['a negative tab', { type: 'page-results', op: 'get', tabId: -1 }],
    ['a string tab', { type: 'page-results', op: 'get', tabId: '3' }],
    ['an unknown op', { type: 'page-results', op: 'clear' }],
    ['results with a bad verdict', { type: 'page-results', op: 'set', results: { ...results, quotes: [{ ...results.quotes[0], verdict: 'probably' }] } }],
    ['results whose source key lies', { type: 'page-results', op: 'set', results: { ...results, sources: { other: results.sources.s1 } } }],
    ['results in an unknown state', { type: 'page-results', op: 'set', results: { ...results, state: 'great' } }],
  ])('rejects %s', (_what, message) => {
    expect(parseBackgroundRequest(message)).toBeNull();
  });

  it('checks the page results shape on its own', () => {
    expect(isPageResults(results)).toBe(true);
    expect(isPageResults({ ...results, librarySize: -1 })).toBe(false);
  });
});

describe('parseTabRequest', () => {
  it('accepts show-quote with an index and nothing else', () => {
    expect(parseTabRequest({ type: 'show-quote', index: 3 })).toEqual({ type: 'show-quote', index: 3 });
    expect(parseTabRequest({ type: 'show-quote', index: -1 })).toBeNull();
    expect(parseTabRequest({ type: 'show-quote', index: 1, html: 'x' })).toBeNull();
    expect(parseTabRequest({ type: 'check', quotes: [] })).toBeNull();
  });

  it('accepts a keyboard step in either direction and a request to check the page, nothing more', () => {
    expect(parseTabRequest({ type: 'step-quote', direction: 'next' })).toEqual({ type: 'step-quote', direction: 'next' });
    expect(parseTabRequest({ type: 'step-quote', direction: 'previous' })).toEqual({ type: 'step-quote', direction: 'previous' });
    expect(parseTabRequest({ type: 'step-quote', direction: 'up' })).toBeNull();
    expect(parseTabRequest({ type: 'step-quote' })).toBeNull();
    expect(parseTabRequest({ type: 'step-quote', direction: 'next', index: 2 })).toBeNull();
    expect(parseTabRequest({ type: 'check-page' })).toEqual({ type: 'check-page' });
    expect(parseTabRequest({ type: 'check-page', url: 'https://x' })).toBeNull();
    expect(parseTabRequest(['check-page'])).toBeNull();
  });

  it('a page waiting to be checked reports the waiting state', () => {
    expect(isPageResults({ ...results, state: 'waiting', quotes: [] })).toBe(true);
    expect(isPageResults({ ...results, state: 'asleep' })).toBe(false);
  });
});

describe('senderKind', () => {
  it('knows a content script in a tab and an extension page', () => {
    expect(senderKind({ id: ID, url: 'https://news.example/a', tab: { id: 3 }, frameId: 0 }, ID, ORIGIN)).toBe('content-script');
    expect(senderKind({ id: ID, url: `${ORIGIN}/popup.html`, origin: ORIGIN }, ID, ORIGIN)).toBe('extension-page');
    // The popup opened in a tab of its own is still an extension page.
    expect(senderKind({ id: ID, url: `${ORIGIN}/popup.html?tab=3`, tab: { id: 9 } }, ID, `${ORIGIN}/`)).toBe('extension-page');
  });

  it('refuses other extensions, web pages, subframes and look-alike origins', () => {
    expect(senderKind({ id: 'another', url: 'https://x/', tab: { id: 3 } }, ID, ORIGIN)).toBeNull();
    expect(senderKind({ url: 'https://x/', tab: { id: 3 } }, ID, ORIGIN)).toBeNull();
    expect(senderKind({ id: ID, url: 'https://x/', tab: { id: 3 }, frameId: 2 }, ID, ORIGIN)).toBeNull();
    expect(senderKind({ id: ID, url: `${ORIGIN}.evil.example/popup.html` }, ID, ORIGIN)).toBeNull();
    expect(senderKind({ id: ID, url: `${ORIGIN}/popup.html`, origin: 'https://evil.example' }, ID, ORIGIN)).toBeNull();
    expect(senderKind({ id: '', url: `${ORIGIN}/popup.html` }, '', ORIGIN)).toBeNull();
  });

  it('lets only content scripts report a page and only extension pages read one', () => {
    const set = parseBackgroundRequest({ type: 'page-results', op: 'set', results })!;
    const get = parseBackgroundRequest({ type: 'page-results', op: 'get', tabId: 1 })!;
    expect(allowed(set, 'content-script')).toBe(true);
    expect(allowed(set, 'extension-page')).toBe(false);
    expect(allowed(get, 'extension-page')).toBe(true);
    expect(allowed(get, 'content-script')).toBe(false);
    expect(allowed({ type: 'check', quotes: [] }, 'content-script')).toBe(true);
  });
});
