// A popup row opens in place to the card's details and buttons, asking the background for the check
// and the citation; a quote not found offers to add a source.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { PageQuotes } from '../../../entrypoints/popup/PageQuotes';
import type { PageQuote, PageResults, SourceInfo } from '../../../lib/messages';
import type { QuoteCheck } from '../../../lib/types';

const release: SourceInfo = {
  id: 'rel', type: 'press-release', title: 'Police not doing enough', publisher: 'Inspectorate (HMICFRS)', author: null,
  speaker: 'Wendy Williams, Inspector', published: '2023-12-08', url: 'https://example.org/rel', licence: null, coverage: null,
  excerpt: false, origin: 'builtin', words: 300,
};
const row = (index: number, verdict: PageQuote['verdict'], text: string, sourceId: string | null): PageQuote => ({
  index, text, words: 2, short: true, attribution: 'the watchdog', verdict, sourceId, alsoIn: [],
});
const results: PageResults = {
  url: 'https://news.example/a', title: 'A story', state: 'done', error: null, librarySize: 4, sources: { rel: release },
  quotes: [row(0, 'minor', 'victim blaming', 'rel'), row(1, 'not_found', 'grooming gangs', null)],
};
const context = 'HMICFRS found examples of victim-blaming language. This is unacceptable.';
const check: QuoteCheck = {
  verdict: 'minor',
  match: {
    sourceId: 'rel', start: 26, end: 40, original: 'victim-blaming', context, contextStart: 0, section: null, page: null,
    similarity: 1, diff: [{ op: 'equal', quote: 'victim blaming', source: 'victim-blaming' }], sourceEnds: false,
  },
  alsoIn: [],
};

afterEach(() => {
  cleanup();
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('a popup row', () => {
  it('opens in place to the original, the diff and the citation buttons, and closes again', async () => {
    const sent: { type: string }[] = [];
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => {
      const m = message as { type: string };
      sent.push(m);
      if (m.type === 'check') return { ok: true, checks: [check], sources: { rel: release }, librarySize: 4 };
      if (m.type === 'cite') return { ok: false, error: 'not in this test' };
      return { ok: true };
    });
    const { container } = render(<PageQuotes results={results} tabId={5} closeAfterShow={false} />);
    const toggle = container.querySelector('[data-index="0"] button.pp-quote-text') as HTMLButtonElement;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    await waitFor(() => expect(container.querySelector('[data-index="0"] .vb-passage mark')?.textContent).toBe('victim-blaming'));
    expect(sent[0]).toEqual({ type: 'check', quotes: [{ text: 'victim blaming', attribution: 'the watchdog' }] });
    expect(container.querySelector('[data-index="0"] .vb-diff del')!.textContent).toContain('victim-blaming');
    expect(container.querySelector('[data-index="0"] [data-part="quoted-in"]')!.textContent).toContain('A story');
    await waitFor(() => expect(sent.some((m) => m.type === 'cite')).toBe(true));
    const cite = sent.find((m) => m.type === 'cite');
    expect(cite).toMatchObject({ type: 'cite', sourceId: 'rel', style: 'harvard', span: { start: 26, end: 40 }, quote: 'victim blaming' });
    expect(screen.getByRole('button', { name: /Copy citation/ })).toBeTruthy();
    expect(screen.getAllByRole('button', { name: 'Show on page' })).toHaveLength(2);
    fireEvent.click(toggle);
    expect(container.querySelector('[data-index="0"] .pp-details')).toBeNull();
  });

  it('for a quote not found, asks nothing of the matcher and offers to add a source', async () => {
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ ok: true });
    const { container } = render(<PageQuotes results={results} tabId={5} closeAfterShow={false} />);
    fireEvent.click(container.querySelector('[data-index="1"] button.pp-quote-text')!);
    const add = await screen.findByRole('button', { name: 'Add a source' });
    expect(send).not.toHaveBeenCalled();
    fireEvent.click(add);
    await waitFor(() => expect(send).toHaveBeenCalledWith({ type: 'open-options' }));
    expect(screen.getByRole('link', { name: /Search the web/ }).getAttribute('href')).toContain('%22grooming%20gangs%22');
  });

  it('shows the tab’s own check of the quote, with the article’s site and author, and asks the matcher nothing', async () => {
    const sent: { type: string }[] = [];
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => {
      sent.push(message as { type: string });
      return { ok: false, error: 'not in this test' };
    });
    // The tab's check differs from what a re-check of the bare words would give (another span).
    const inContext: QuoteCheck = { ...check, match: { ...check.match!, start: 20, end: 34, contextStart: 0, context: 'A passage with victim-blaming in it.' } };
    const article = { title: 'A story', url: 'https://news.example/a', site: 'News Example', author: 'A. Writer', published: '2023-12-09' };
    const toTab = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ ok: true, check: inContext, sources: { rel: release }, librarySize: 4, article });
    const { container } = render(<PageQuotes results={results} tabId={5} closeAfterShow={false} />);
    fireEvent.click(container.querySelector('[data-index="0"] button.pp-quote-text')!);
    await waitFor(() => expect(container.querySelector('[data-index="0"] .pp-details')?.getAttribute('data-origin')).toBe('page'));
    expect(toTab).toHaveBeenCalledWith(5, { type: 'quote-details', index: 0, text: 'victim blaming' });
    expect(container.querySelector('[data-index="0"] .vb-passage')!.textContent).toBe('A passage with victim-blaming in it.');
    const quotedIn = container.querySelector('[data-index="0"] [data-part="quoted-in"]')!.textContent!;
    expect(quotedIn).toContain('News Example');
    expect(quotedIn).toContain('A. Writer');
    await waitFor(() => expect(sent.some((m) => m.type === 'cite')).toBe(true));
    expect(sent.some((m) => m.type === 'check')).toBe(false);
    expect(sent.find((m) => m.type === 'cite')).toMatchObject({ span: { start: 20, end: 34 }, article });
  });

  it.each([
    ['the tab does not answer', () => Promise.reject(new Error('Could not establish connection'))],
    ['the tab answers amiss', () => Promise.resolve({ ok: true, check: { verdict: 'certainly' }, sources: {}, librarySize: 1, article: null })],
    ['the quote is no longer on the page', () => Promise.resolve({ ok: false, error: 'That quote is no longer on the page.' })],
  ])('checks the words again when %s, with the article from the page results', async (_what, answer) => {
    const sent: { type: string }[] = [];
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => {
      const m = message as { type: string };
      sent.push(m);
      if (m.type === 'check') return { ok: true, checks: [check], sources: { rel: release }, librarySize: 4 };
      return { ok: false, error: 'not in this test' };
    });
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(answer as () => Promise<never>);
    const withArticle: PageResults = { ...results, article: { title: 'A story', url: results.url, site: 'News Example', author: null, published: null } };
    const { container } = render(<PageQuotes results={withArticle} tabId={5} closeAfterShow={false} />);
    fireEvent.click(container.querySelector('[data-index="0"] button.pp-quote-text')!);
    await waitFor(() => expect(container.querySelector('[data-index="0"] .pp-details')?.getAttribute('data-origin')).toBe('recheck'));
    expect(sent[0]).toEqual({ type: 'check', quotes: [{ text: 'victim blaming', attribution: 'the watchdog' }] });
    expect(container.querySelector('[data-index="0"] .vb-passage mark')!.textContent).toBe('victim-blaming');
    expect(container.querySelector('[data-index="0"] [data-part="quoted-in"]')!.textContent).toContain('News Example');
  });
});
