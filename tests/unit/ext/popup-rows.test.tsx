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
});
