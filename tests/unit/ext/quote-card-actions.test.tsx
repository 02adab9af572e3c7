// The card's new parts: headlines in plain words, credit and "Quoted in", next steps for a quote not
// in the library, and the citation buttons and menu (copy to the clipboard as text and HTML).
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QuoteCard, cardHeadline, wordsThatDiffer, type CardServices } from '../../../components/QuoteCard';
import { webSearchUrl } from '../../../components/QuoteDetails';
import { sentenceWindow } from '../../../components/passage';
import type { CiteResponse, SourceInfo } from '../../../lib/messages';
import type { ArticleMeta, QuoteCheck } from '../../../lib/types';
import type { CitationStyle } from '../../../lib/cite/styles';

afterEach(cleanup);

const release: SourceInfo = {
  id: 'release', type: 'press-release', title: 'Police not doing enough', publisher: 'His Majesty’s Inspectorate (HMICFRS)',
  author: null, speaker: 'Wendy Williams, His Majesty’s Inspector of Constabulary', published: '2023-12-08',
  url: 'https://example.org/release', licence: null, coverage: null, excerpt: false, origin: 'builtin', words: 300,
};
const report: SourceInfo = { ...release, id: 'report', type: 'report', title: 'An inspection', speaker: null };
const sources = { [release.id]: release, [report.id]: report };
const article: ArticleMeta = { title: 'Failings unravelled', url: 'https://news.example/story', site: 'Neil Wilby Media', author: 'Neil Wilby', published: '2023-12-08' };

const context = 'The inspectors read every file. It was staggering to see. Nothing had changed since.';
const verbatim: QuoteCheck = {
  verdict: 'verbatim',
  match: {
    sourceId: release.id, start: 100 + context.indexOf('staggering'), end: 100 + context.indexOf('staggering') + 10,
    original: 'staggering', context, contextStart: 100, section: 'Statement', page: 4, similarity: 1,
    diff: [{ op: 'equal', quote: 'staggering', source: 'staggering' }], sourceEnds: false,
  },
  alsoIn: [],
};
const altered: QuoteCheck = {
  verdict: 'altered',
  match: {
    ...verbatim.match!, sourceId: report.id, section: 'Foreword',
    diff: [
      { op: 'equal', quote: 'It', source: 'It' },
      { op: 'replace', quote: 'cannot be overstated', source: 'shouldn’t be underestimated' },
      { op: 'equal', quote: 'how complex', source: 'how complex' },
      { op: 'delete', quote: '', source: 'really' },
    ],
  },
  alsoIn: [],
};
const quote = { text: 'staggering', attribution: 'Ian Critchley', short: true };

function answer(style: CitationStyle): CiteResponse {
  return {
    ok: true, style,
    citation: { text: `Entry in ${style}.`, html: `<div class="csl-entry">Entry in <i>${style}</i>.</div>` },
    quoteCitation: { text: `“staggering”\nEntry in ${style}.`, html: `<blockquote>“staggering”</blockquote><p>Entry in ${style}.</p>` },
    bibtex: '@misc{release,\n  title = {Police not doing enough}\n}', ris: 'TY  - ELEC', csljson: '[]',
    passageUrl: 'https://example.org/release#:~:text=staggering',
  };
}

let written: { type: string; text: string }[][];
beforeEach(() => {
  written = [];
  // The clipboard is the browser's: recorded here as the types and texts it was given.
  class FakeItem {
    constructor(readonly parts: Record<string, Promise<Blob>>) {}
  }
  vi.stubGlobal('ClipboardItem', FakeItem);
  Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    value: {
      write: async (items: FakeItem[]) => {
        written.push(await Promise.all(Object.entries(items[0].parts).map(async ([type, blob]) => ({ type, text: await (await blob).text() }))));
      },
      writeText: async (text: string) => void written.push([{ type: 'text/plain', text }]),
    },
  });
});

function services(overrides: Partial<CardServices> = {}): CardServices & { asked: CitationStyle[] } {
  const asked: CitationStyle[] = [];
  return { style: 'harvard', asked, addSource: vi.fn(), cite: async (s) => (asked.push(s), answer(s)), ...overrides };
}

describe('card headlines', () => {
  it('names the source, its date and the speaker', () => {
    expect(cardHeadline(verbatim, sources)).toBe('Verbatim — HMICFRS press release, 8 Dec 2023 (Wendy Williams)');
  });
  it('counts the words that differ for an altered quote and names the section', () => {
    expect(wordsThatDiffer(altered.match!.diff)).toBe(4);
    expect(cardHeadline(altered, sources)).toBe('Altered — 4 words differ from the HMICFRS report, Foreword');
    const oneWord: QuoteCheck = { ...altered, match: { ...altered.match!, diff: [{ op: 'insert', quote: 'very', source: '' }] } };
    expect(cardHeadline(oneWord, sources)).toBe('Altered — 1 word differs from the HMICFRS report, Foreword');
  });
});

describe('attribution by role', () => {
  it('raises no mismatch for a role such as “the watchdog”, which metadata cannot check', () => {
    const check: QuoteCheck = { ...verbatim };
    const { container, rerender } = render(<QuoteCard quote={{ ...quote, attribution: 'the watchdog' }} check={check} sources={sources} onClose={() => {}} />);
    expect(container.querySelector('[role="note"]')).toBeNull();
    rerender(<QuoteCard quote={{ ...quote, attribution: 'the report' }} check={check} sources={sources} onClose={() => {}} />);
    expect(container.querySelector('[role="note"]')!.textContent).toContain('“the report”');
  });
});

describe('the passage', () => {
  it('keeps one sentence before and one after the quoted words', () => {
    const text = 'First one. Second one. The quoted words are here. Fourth one. Fifth one.';
    const at = text.indexOf('quoted words');
    const w = sentenceWindow(text, at, at + 12);
    expect(w.text).toBe('… Second one. The quoted words are here. Fourth one. …');
    expect(w.text.slice(w.start, w.end)).toBe('quoted words');
  });
});

describe('the card with services', () => {
  it('shows credit, section and page, and “Quoted in” from the article’s metadata', () => {
    const { container } = render(<QuoteCard quote={quote} check={verbatim} sources={sources} article={article} services={services()} onClose={() => {}} />);
    expect(container.querySelector('.vb-section')!.textContent).toBe('Section: Statement · page 4');
    const credit = container.querySelector('[data-part="source-credit"]')!.textContent!;
    expect(credit).toContain('Wendy Williams, His Majesty’s Inspector of Constabulary');
    expect(credit).toContain('His Majesty’s Inspectorate (HMICFRS)');
    expect(credit).toContain('8 Dec 2023');
    expect(container.querySelector('[data-part="quoted-in"]')!.textContent).toBe('Quoted in Failings unravelled, Neil Wilby Media, Neil Wilby, 8 Dec 2023');
    expect(container.querySelector('.vb-passage')!.textContent).toContain('The inspectors read every file.');
  });

  it('links to the passage once the background answers, and copies the citation as text and HTML', async () => {
    const svc = services();
    const { container } = render(<QuoteCard quote={quote} check={verbatim} sources={sources} services={svc} onClose={() => {}} />);
    await waitFor(() => expect(container.querySelector('a[data-action="open-source"]')!.getAttribute('href')).toBe('https://example.org/release#:~:text=staggering'));
    fireEvent.click(screen.getByRole('button', { name: /Copy citation/ }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Copied the Harvard citation.'));
    expect(written).toEqual([[{ type: 'text/plain', text: 'Entry in harvard.' }, { type: 'text/html', text: '<div class="csl-entry">Entry in <i>harvard</i>.</div>' }]]);
    fireEvent.click(screen.getByRole('button', { name: 'Copy quote with citation' }));
    await waitFor(() => expect(written).toHaveLength(2));
    expect(written[1][0].text).toBe('“staggering”\nEntry in harvard.');
    expect(svc.asked).toEqual(['harvard']); // asked once, reused
  });

  it('falls back to plain text when rich copying is refused', async () => {
    (navigator.clipboard as unknown as { write: () => Promise<void> }).write = async () => {
      throw new Error('refused');
    };
    render(<QuoteCard quote={quote} check={verbatim} sources={sources} services={services()} onClose={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: /Copy citation/ }));
    await waitFor(() => expect(written).toEqual([[{ type: 'text/plain', text: 'Entry in harvard.' }]]));
  });

  it('has a keyboard menu of styles and exports; Escape closes the menu, not the card', async () => {
    const onClose = vi.fn();
    render(<QuoteCard quote={quote} check={verbatim} sources={sources} services={services()} onClose={onClose} />);
    const more = screen.getByRole('button', { name: 'Other citation styles and exports' });
    expect(more.getAttribute('aria-haspopup')).toBe('menu');
    fireEvent.keyDown(more, { key: 'ArrowDown' });
    const items = await screen.findAllByRole('menuitem');
    expect(items.map((i) => i.textContent)).toEqual(['Harvard (your style)', 'APA 7', 'MLA 9', 'Chicago', 'OSCOLA', 'BibTeX', 'RIS', 'CSL-JSON']);
    await waitFor(() => expect(document.activeElement).toBe(items[0]));
    fireEvent.keyDown(items[0], { key: 'ArrowUp' });
    expect(document.activeElement).toBe(items[7]);
    fireEvent.keyDown(items[7], { key: 'Home' });
    expect(document.activeElement).toBe(items[0]);
    fireEvent.keyDown(items[0], { key: 'Escape' });
    expect(screen.queryByRole('menu')).toBeNull();
    expect(onClose).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(more);

    fireEvent.click(more);
    fireEvent.click(await screen.findByRole('menuitem', { name: 'MLA 9' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Copied the MLA 9 citation.'));
    expect(written[0][0].text).toBe('Entry in mla.');
    fireEvent.click(more);
    fireEvent.click(await screen.findByRole('menuitem', { name: 'BibTeX' }));
    await waitFor(() => expect(written).toHaveLength(2));
    expect(written[1][0].text).toMatch(/^@misc\{release/);
  });

  it('says when the background cannot cite', async () => {
    render(<QuoteCard quote={quote} check={verbatim} sources={sources} services={services({ cite: async () => ({ ok: false, error: 'no source x' }) })} onClose={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: /Copy citation/ }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Could not copy: no source x'));
    expect(written).toEqual([]);
  });
});

describe('a quote not in the library', () => {
  const notFound: QuoteCheck = { verdict: 'not_found', match: null, alsoIn: [] };
  it('offers to add a source and to search the web for the exact words, and no citation', () => {
    const svc = services();
    const words = 'the pace of change needs to increase';
    render(<QuoteCard quote={{ text: words, attribution: null, short: false }} check={notFound} sources={sources} librarySize={4} services={svc} onClose={() => {}} />);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Not in your library');
    fireEvent.click(screen.getByRole('button', { name: 'Add a source' }));
    expect(svc.addSource).toHaveBeenCalledTimes(1);
    const search = screen.getByRole('link', { name: /Search the web for these words/ });
    expect(search.getAttribute('href')).toBe(webSearchUrl(words));
    expect(new URL(search.getAttribute('href')!).searchParams.get('q')).toBe(`"${words}"`);
    expect(search.getAttribute('rel')).toContain('noopener');
    expect(screen.queryByRole('button', { name: /Copy citation/ })).toBeNull();
  });
});
