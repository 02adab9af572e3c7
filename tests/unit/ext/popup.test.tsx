import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { App } from '../../../entrypoints/popup/App';
import { PageQuotes } from '../../../entrypoints/popup/PageQuotes';
import { clipPassage, strongHits } from '../../../entrypoints/popup/LibrarySearch';
import { joinMarks } from '../../../components/MarkedText';
import type { PageQuote, PageResults, SourceInfo } from '../../../lib/messages';

const release: SourceInfo = {
  id: 'rel', type: 'press-release', title: 'Police not doing enough', publisher: 'Inspectorate (HMICFRS)', author: null,
  speaker: null, published: '2023-12-08', url: null, licence: null, coverage: null, excerpt: true, origin: 'builtin', words: 300,
};
const quote = (index: number, verdict: PageQuote['verdict'], text: string, sourceId: string | null = null): PageQuote => ({
  index, text, words: text.split(' ').length, short: text.split(' ').length < 4, attribution: null, verdict, sourceId, alsoIn: [],
});
const results: PageResults = {
  url: 'https://news.example/a', title: 'A', state: 'done', error: null, librarySize: 4,
  sources: { rel: release },
  quotes: [
    quote(0, 'not_found', 'grooming gangs'),
    quote(1, 'partial', 'It cannot be overstated how complex', 'rel'),
    quote(2, 'minor', 'victim blaming', 'rel'),
    quote(3, 'not_found', 'good'),
    quote(4, 'minor', 'victim blaming', 'rel'),
    quote(5, 'not_found', 'requiring improvement'),
    quote(6, 'not_found', 'inadequate'),
    quote(7, 'verbatim', 'staggering', 'rel'),
  ],
};

afterEach(() => {
  cleanup();
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('the popup’s page list', () => {
  it('counts quotes by verdict, strongest evidence first, and names each source', () => {
    const { container } = render(<PageQuotes results={results} tabId={5} closeAfterShow={false} />);
    const counts = [...container.querySelectorAll('.pp-counts li')].map((li) => [li.getAttribute('data-verdict'), li.getAttribute('data-count')]);
    expect(counts).toEqual([['verbatim', '1'], ['minor', '2'], ['partial', '1'], ['not_found', '4']]);
    expect(container.querySelector('.pp-summary')!.textContent).toBe('8 quotes · 4 found in your library');
    expect(container.querySelector('[data-group="partial"] .pp-quote-source')!.textContent).toBe('HMICFRS press release, 8 Dec 2023');
    // The long list of quotes not in the library is folded away, but counted.
    expect(container.querySelector('details[data-group="not_found"] summary')!.textContent).toContain('4');
  });

  it('asks the page’s tab to show a quote', async () => {
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ ok: true });
    render(<PageQuotes results={results} tabId={5} closeAfterShow={false} />);
    fireEvent.click(screen.getAllByRole('button', { name: 'Show on page' })[0]);
    await waitFor(() => expect(send).toHaveBeenCalledWith(5, { type: 'show-quote', index: 7 }));
  });
});

describe('the popup', () => {
  let pages: Record<number, PageResults | null>;
  let library: SourceInfo[];
  beforeEach(() => {
    pages = {};
    library = [release];
    fakeBrowser.runtime.onMessage.addListener(async (message: unknown) => {
      const m = message as { type: string; tabId?: number };
      if (m.type === 'sources') return { ok: true, sources: library };
      if (m.type === 'page-results') return { ok: true, results: pages[m.tabId!] ?? null };
      return { ok: false, error: 'unexpected' };
    });
  });

  it('shows the tab named in its URL', async () => {
    pages[9] = results;
    const { container } = render(<App tabIdParam={9} />);
    await waitFor(() => expect(container.querySelector('.pp-page')?.getAttribute('data-total')).toBe('8'));
    expect(container.querySelector('.pp-library')!.textContent).toBe('1 source');
  });

  it('says when a page has no quotes', async () => {
    pages[9] = { ...results, quotes: [] };
    const { container } = render(<App tabIdParam={9} />);
    await waitFor(() => expect(container.querySelector('[data-state="no-quotes"]')).not.toBeNull());
  });

  it('says when the library is empty', async () => {
    library = [];
    pages[9] = { ...results, quotes: results.quotes.map((q) => ({ ...q, verdict: 'not_found', sourceId: null })) };
    const { container } = render(<App tabIdParam={9} />);
    await waitFor(() => expect(container.textContent).toContain('Your library is empty'));
  });

  it('says when the page cannot be read', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { container } = render(<App tabIdParam={9} />);
    await vi.advanceTimersByTimeAsync(5000);
    await waitFor(() => expect(container.querySelector('[data-state="unreadable"]')).not.toBeNull());
    vi.useRealTimers();
  });
});

describe('clipPassage', () => {
  it('cuts a long passage around its first mark and moves the marks along', () => {
    const text = `${'lead '.repeat(200)}victim-blaming language ${'tail '.repeat(200)}`;
    const at = text.indexOf('victim');
    const clipped = clipPassage(text, [[at, at + 14]], 100);
    expect(clipped.text.startsWith('… ')).toBe(true);
    expect(clipped.text.endsWith(' …')).toBe(true);
    const [[s, e]] = clipped.marks;
    expect(clipped.text.slice(s, e)).toBe('victim-blaming');
  });
});

describe('search results', () => {
  it('holds back hits far weaker than the best', () => {
    const hits = [{ score: 2.8 }, { score: 2.3 }, { score: 0.35 }, { score: 0.35 }];
    expect(strongHits(hits)).toEqual([{ score: 2.8 }, { score: 2.3 }]);
    expect(strongHits([])).toEqual([]);
  });

  it('joins the marks of a hyphenated phrase into one', () => {
    const text = 'examples of victim-blaming language';
    expect(joinMarks(text, [[19, 26], [12, 18]])).toEqual([[12, 26]]);
    expect(joinMarks(text, [[0, 8], [12, 18]])).toEqual([[0, 8], [12, 18]]);
  });
});
