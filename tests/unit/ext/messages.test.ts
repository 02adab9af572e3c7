import { describe, expect, it } from 'vitest';
import {
  LIMITS,
  type PageResults,
  allowed,
  articleForMessage,
  isArticleMeta,
  isPageResults,
  parseBackgroundRequest,
  parseQuoteDetailsResponse,
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

describe('the quote-details request and its answer', () => {
  const check = {
    verdict: 'minor',
    match: {
      sourceId: 's1', start: 26, end: 40, original: 'victim-blaming', context: 'Examples of victim-blaming language.', contextStart: 14,
      section: null, page: null, similarity: 1, diff: [{ op: 'equal', quote: 'victim blaming', source: 'victim-blaming' }], sourceEnds: false,
    },
    alsoIn: [{ sourceId: 's1', verdict: 'altered', start: 1, end: 5 }],
  };
  const article = { title: 'A story', url: 'https://news.example/a', site: 'News', author: 'A. Writer', published: '2023-12-09' };
  const answer = { ok: true, check, sources: results.sources, librarySize: 4, article };

  it('accepts a request naming a quote by index and words, nothing more', () => {
    expect(parseTabRequest({ type: 'quote-details', index: 2, text: 'victim blaming' })).toEqual({ type: 'quote-details', index: 2, text: 'victim blaming' });
    expect(parseTabRequest({ type: 'quote-details', index: 2 })).toBeNull();
    expect(parseTabRequest({ type: 'quote-details', index: -1, text: 'x' })).toBeNull();
    expect(parseTabRequest({ type: 'quote-details', index: 2, text: 7 })).toBeNull();
    expect(parseTabRequest({ type: 'quote-details', index: 2, text: 'x', sourceId: 's1' })).toBeNull();
    expect(parseTabRequest({ type: 'quote-details', index: 2, text: 'a'.repeat(LIMITS.quoteChars + 1) })).toBeNull();
  });

  it('accepts a well-formed answer, with or without the article', () => {
    expect(parseQuoteDetailsResponse(answer)).toEqual(answer);
    expect(parseQuoteDetailsResponse({ ...answer, article: null })).toEqual({ ...answer, article: null });
    expect(parseQuoteDetailsResponse({ ...answer, check: { verdict: 'not_found', match: null, alsoIn: [] } })).not.toBeNull();
  });

  it.each([
    ['a refusal', { ok: false, error: 'That quote is no longer on the page.' }],
    ['nothing', undefined],
    ['an unknown verdict', { ...answer, check: { ...check, verdict: 'probably' } }],
    ['a diff op of another kind', { ...answer, check: { ...check, match: { ...check.match, diff: [{ op: 'html', quote: '<b>', source: '' }] } } }],
    ['a span that runs backwards', { ...answer, check: { ...check, match: { ...check.match, start: 40, end: 26 } } }],
    ['a context that starts after the span', { ...answer, check: { ...check, match: { ...check.match, contextStart: 30 } } }],
    ['a similarity over 1', { ...answer, check: { ...check, match: { ...check.match, similarity: 2 } } }],
    ['an also-in without a verdict', { ...answer, check: { ...check, alsoIn: [{ sourceId: 's1', start: 1, end: 2 }] } }],
    ['a source filed under another id', { ...answer, sources: { other: results.sources.s1 } }],
    ['an article with extra fields', { ...answer, article: { ...article, script: 'x' } }],
    ['an extra field', { ...answer, html: '<b>x</b>' }],
  ])('refuses %s', (_what, message) => {
    expect(parseQuoteDetailsResponse(message)).toBeNull();
  });

  it('page results may carry the article, checked like any other field', () => {
    expect(isPageResults({ ...results, article })).toBe(true);
    expect(isPageResults({ ...results, article: null })).toBe(true);
    expect(isPageResults({ ...results, article: { ...article, author: 5 } })).toBe(false);
  });

  it('trims article metadata to what a message may carry', () => {
    expect(articleForMessage(null)).toBeNull();
    const long = articleForMessage({ ...article, title: 'x'.repeat(LIMITS.titleChars + 50), url: `https://x/${'a'.repeat(LIMITS.urlChars)}` });
    expect(long?.title).toHaveLength(LIMITS.titleChars);
    expect(long?.url).toBeNull();
    expect(isArticleMeta(long)).toBe(true);
  });
});
