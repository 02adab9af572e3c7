// The cite and open-options requests: checked by shape (and sender) before the background acts.
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { parseBackgroundRequest, allowed } from '../../../lib/messages';
import { createRouter } from '../../../entrypoints/background/router';
import { CitationService, type CitableSource } from '../../../entrypoints/background/citation-service';
import type { LibraryService } from '../../../entrypoints/background/library-service';
import type { PageResultsStore } from '../../../entrypoints/background/page-results';

const article = { title: 'Story', url: 'https://news.example/story', site: 'News', author: 'A Writer', published: '2023-12-08' };

describe('parseBackgroundRequest: cite', () => {
  it('accepts a well-formed request and returns a clean copy', () => {
    const request = { type: 'cite', sourceId: 'release', style: 'apa', quote: 'staggering', span: { start: 3, end: 13 }, article };
    const parsed = parseBackgroundRequest(request);
    expect(parsed).toEqual(request);
    expect(parsed).not.toBe(request);
    expect(parseBackgroundRequest({ type: 'cite', sourceId: 'release', style: 'oscola' })).toEqual({ type: 'cite', sourceId: 'release', style: 'oscola' });
  });

  it('refuses unknown styles, extra keys, bad spans, oversized or empty fields', () => {
    const base = { type: 'cite', sourceId: 'release', style: 'harvard' };
    for (const bad of [
      { ...base, style: 'vancouver' },
      { ...base, style: undefined },
      { ...base, sourceId: '' },
      { ...base, sourceId: 'x'.repeat(201) },
      { ...base, sourceId: 7 },
      { ...base, extra: true },
      { ...base, quote: '   ' },
      { ...base, quote: 'x'.repeat(10_001) },
      { ...base, span: { start: 5, end: 5 } },
      { ...base, span: { start: -1, end: 5 } },
      { ...base, span: { start: 1, end: 5, more: 1 } },
      { ...base, span: [1, 5] },
      { ...base, article: { ...article, title: 3 } },
      { ...base, article: { ...article, html: '<b>' } },
      { ...base, article: { ...article, url: 'x'.repeat(5000) } },
    ]) {
      expect(parseBackgroundRequest(bad), JSON.stringify(bad).slice(0, 80)).toBeNull();
    }
  });

  it('accepts open-options with nothing else', () => {
    expect(parseBackgroundRequest({ type: 'open-options' })).toEqual({ type: 'open-options' });
    expect(parseBackgroundRequest({ type: 'open-options', url: 'https://evil.example' })).toBeNull();
  });

  it('lets both the content script and extension pages cite and open the options page', () => {
    const cite = parseBackgroundRequest({ type: 'cite', sourceId: 'a', style: 'mla' })!;
    const open = parseBackgroundRequest({ type: 'open-options' })!;
    for (const kind of ['content-script', 'extension-page'] as const) {
      expect(allowed(cite, kind)).toBe(true);
      expect(allowed(open, kind)).toBe(true);
    }
  });
});

describe('the router and the citation service', () => {
  const ID = fakeBrowser.runtime.id;
  const ORIGIN = `chrome-extension://${ID}`;
  const contentScript = { id: ID, url: 'https://news.example/story', tab: { id: 3 }, frameId: 0 };
  const text = 'Intro paragraph.\n\nThere are staggering numbers of reports. Then more.';
  const source: CitableSource = {
    id: 'npcc', type: 'statement', title: 'NPCC response to Meta’s rollout', publisher: 'National Police Chiefs’ Council',
    author: null, speaker: 'Ian Critchley, NPCC Lead', published: null, url: 'https://example.org/npcc',
    licence: null, coverage: null, excerpt: true, origin: 'builtin', text,
  };
  let opened = 0;
  const route = createRouter({
    library: {} as LibraryService,
    pages: {} as PageResultsStore,
    runtimeId: ID,
    extensionOrigin: ORIGIN,
    citations: new CitationService(async (id) => (id === 'npcc' ? source : undefined), () => new Date('2024-01-15T12:00:00Z')),
    openOptionsPage: async () => void opened++,
  });

  it('formats the citation, the quote with its citation and the exports, with a link to the passage', async () => {
    const start = text.indexOf('staggering');
    const answer = await route({ type: 'cite', sourceId: 'npcc', style: 'harvard', quote: 'staggering', span: { start, end: start + 10 }, article }, contentScript);
    if (!('citation' in answer)) throw new Error(JSON.stringify(answer));
    expect(answer.citation.text).toBe('National Police Chiefs’ Council (no date) NPCC response to Meta’s rollout. Available at: https://example.org/npcc (Accessed: 15 January 2024).');
    expect(answer.citation.html).toContain('<i>NPCC response to Meta’s rollout</i>');
    expect(answer.passageUrl).toBe('https://example.org/npcc#:~:text=staggering');
    expect(answer.quoteCitation!.text.split('\n')).toEqual([
      '“staggering”',
      'National Police Chiefs’ Council (no date) NPCC response to Meta’s rollout. Available at: https://example.org/npcc#:~:text=staggering (Accessed: 15 January 2024).',
      'Quoted in: A Writer, ‘Story’, News, 8 December 2023, https://news.example/story',
    ]);
    expect(answer.bibtex).toMatch(/^@\w+\{/);
    expect(answer.ris).toContain('TY  - ');
    expect(JSON.parse(answer.csljson)[0].title).toBe('NPCC response to Meta’s rollout');
  });

  it('uses a stored CSL record when the source keeps one', async () => {
    const stored = new CitationService(async () => ({ ...source, csl: { id: 'npcc', type: 'report', title: 'Stored title', publisher: 'Stored press' } }), () => new Date('2024-01-15T00:00:00Z'));
    const answer = await stored.cite({ type: 'cite', sourceId: 'npcc', style: 'apa' });
    if (!answer.ok) throw new Error(answer.error);
    expect(answer.citation.text).toContain('Stored title');
    expect(answer.passageUrl).toBe('https://example.org/npcc');
  });

  it('answers an error for an unknown source, and refuses a web page', async () => {
    expect(await route({ type: 'cite', sourceId: 'nope', style: 'apa' }, contentScript)).toEqual({ ok: false, error: 'no source nope in the library' });
    expect(await route({ type: 'cite', sourceId: 'npcc', style: 'apa' }, { id: 'other', url: 'https://evil.example' })).toEqual({ ok: false, error: 'sender refused' });
  });

  it('opens the options page on request', async () => {
    expect(await route({ type: 'open-options' }, contentScript)).toEqual({ ok: true });
    expect(opened).toBe(1);
  });
});
