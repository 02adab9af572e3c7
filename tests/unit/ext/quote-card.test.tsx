import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { render as renderInto } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { QuoteCard, cardHeadline } from '../../../components/QuoteCard';
import type { SourceInfo } from '../../../lib/messages';
import type { QuoteCheck } from '../../../lib/types';

afterEach(cleanup);

const release: SourceInfo = {
  id: 'hmicfrs-press-release-2023',
  type: 'press-release',
  title: 'Police not doing enough to tackle group-based child sexual exploitation',
  publisher: 'His Majesty’s Inspectorate of Constabulary and Fire & Rescue Services (HMICFRS)',
  author: null,
  speaker: 'Wendy Williams, His Majesty’s Inspector of Constabulary',
  published: '2023-12-08',
  url: 'https://example.org/release',
  licence: null,
  coverage: 'Excerpt only.',
  excerpt: true,
  origin: 'builtin',
  words: 400,
};
const report: SourceInfo = { ...release, id: 'report', type: 'report', title: 'An inspection', speaker: null, excerpt: false };
const sources = { [release.id]: release, [report.id]: report };

const context = 'Wendy Williams said: “It cannot be overstated how complex and challenging these crimes can be to prevent and investig';
const original = 'It cannot be overstated how complex and challenging these crimes can be to prevent and investig';
const partial: QuoteCheck = {
  verdict: 'partial',
  match: {
    sourceId: release.id,
    start: 1000 + context.indexOf(original),
    end: 1000 + context.length,
    original,
    context,
    contextStart: 1000,
    section: 'Statement',
    page: null,
    similarity: 0.9,
    diff: [
      { op: 'equal', quote: 'It cannot be overstated how complex and challenging these crimes can be to prevent and', source: 'It cannot be overstated how complex and challenging these crimes can be to prevent and' },
      { op: 'replace', quote: 'investigate, and the police can’t tackle them alone.', source: 'investig' },
    ],
    sourceEnds: true,
  },
  alsoIn: [{ sourceId: report.id, verdict: 'altered', start: 5, end: 90 }],
};
const quote = { text: 'It cannot be overstated how complex and challenging these crimes can be to prevent and investigate, and the police can’t tackle them alone.', attribution: 'the report', short: false };

describe('QuoteCard', () => {
  it('takes focus once drawn, unless focus has already moved to one of its controls', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const effects = () => new Promise((resume) => setTimeout(resume, 50));
    try {
      // Rendered without act(), so that the card's effects run later, as in the page.
      renderInto(<QuoteCard quote={quote} check={partial} sources={sources} onClose={() => {}} />, host);
      await effects();
      const dialog = host.querySelector<HTMLElement>('[role="dialog"]')!;
      expect(document.activeElement).toBe(dialog);
      renderInto(null, host);
      renderInto(<QuoteCard quote={quote} check={partial} sources={sources} onClose={() => {}} />, host);
      const button = host.querySelector<HTMLElement>('[role="dialog"] button')!;
      button.focus(); // a key or a click on the card before its effects have run
      await effects();
      expect(document.activeElement).toBe(button);
    } finally {
      renderInto(null, host);
      host.remove();
    }
  });

  it('says the verdict in words with the source and date', () => {
    render(<QuoteCard quote={quote} check={partial} sources={sources} onClose={() => {}} />);
    const dialog = screen.getByRole('dialog');
    expect(dialog.getAttribute('aria-label')).toBe('Quote check: Partly found — HMICFRS press release, 8 Dec 2023 (Wendy Williams)');
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Partly found — HMICFRS press release, 8 Dec 2023 (Wendy Williams)');
    expect(dialog.textContent).toContain('Police not doing enough to tackle group-based child sexual exploitation');
    expect(dialog.textContent).toContain('Wendy Williams');
    expect(dialog.textContent).toContain('Section: Statement');
    expect(screen.getByText('Excerpt')).toBeTruthy();
  });

  it('marks the matched span inside the original passage', () => {
    const { container } = render(<QuoteCard quote={quote} check={partial} sources={sources} onClose={() => {}} />);
    const marks = container.querySelectorAll('.vb-passage mark');
    expect(marks).toHaveLength(1);
    expect(marks[0].textContent).toBe(original);
    expect(container.querySelector('.vb-passage')!.textContent).toContain('Wendy Williams said:');
  });

  it('shows the word diff with removals struck and additions underlined, in words as well', () => {
    const altered: QuoteCheck = {
      verdict: 'altered',
      alsoIn: [],
      match: {
        ...partial.match!,
        sourceEnds: false,
        diff: [
          { op: 'equal', quote: 'It', source: 'It' },
          { op: 'replace', quote: 'cannot be overstated', source: 'shouldn’t be underestimated' },
          { op: 'equal', quote: 'how complex and challenging these crimes', source: 'how complex and challenging these crimes' },
          { op: 'delete', quote: '', source: 'really' },
          { op: 'insert', quote: 'can be', source: '' },
          { op: 'equal', quote: 'to prevent', source: 'to prevent' },
        ],
      },
    };
    const { container } = render(<QuoteCard quote={quote} check={altered} sources={sources} onClose={() => {}} />);
    const diff = container.querySelector('.vb-diff')!;
    expect([...diff.querySelectorAll('del')].map((d) => d.textContent)).toEqual(['removed: shouldn’t be underestimated', 'removed: really']);
    expect([...diff.querySelectorAll('ins')].map((d) => d.textContent)).toEqual(['added: cannot be overstated', 'added: can be']);
    expect(diff.textContent).toContain('how complex and challenging these crimes');
  });

  it('shows the words past the end of an excerpt as unchecked, not as changes', () => {
    const { container } = render(<QuoteCard quote={quote} check={partial} sources={sources} onClose={() => {}} />);
    const diff = container.querySelector('.vb-diff')!;
    expect(diff.querySelector('del')).toBeNull();
    expect(diff.querySelector('ins')).toBeNull();
    expect(diff.querySelector('.vb-unchecked')!.textContent).toBe('not checked: investigate, and the police can’t tackle them alone.');
  });

  it('tells the article’s attribution from where the words were found, and lists other sources', () => {
    const { container } = render(<QuoteCard quote={quote} check={partial} sources={sources} onClose={() => {}} />);
    expect(container.querySelector('.vb-note[role="note"]')!.textContent).toContain('attributes these words to “the report”');
    const also = container.querySelector('.vb-also')!;
    expect(also.textContent).toContain('Altered');
    expect(also.textContent).toContain('HMICFRS report, 8 Dec 2023');
  });

  it('links to the source, web links only', () => {
    const { container, rerender } = render(<QuoteCard quote={quote} check={partial} sources={sources} onClose={() => {}} />);
    const link = container.querySelector('a.vb-button') as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe('https://example.org/release');
    expect(link.getAttribute('rel')).toContain('noopener');
    expect(link.getAttribute('target')).toBe('_blank');
    const hostile = { ...sources, [release.id]: { ...release, url: 'javascript:alert(1)' } };
    rerender(<QuoteCard quote={quote} check={partial} sources={hostile} onClose={() => {}} />);
    expect(container.querySelector('a.vb-button')).toBeNull();
  });

  it('says plainly when the words are not in the library', () => {
    const check: QuoteCheck = { verdict: 'not_found', match: null, alsoIn: [] };
    render(<QuoteCard quote={{ text: 'our sample size isn’t fully representative', attribution: null, short: false }} check={check} sources={{}} librarySize={4} onClose={() => {}} />);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Not in your library');
    expect(screen.getByRole('dialog').textContent).toContain('None of the 4 documents in your library');
    expect(cardHeadline(check, sources)).toBe('Not in your library');
  });

  it('renders page text as text, never as HTML', () => {
    const evil = { text: 'Hello <img src=x onerror=alert(1)> world', attribution: '<b>bold</b>', short: false };
    const check: QuoteCheck = {
      verdict: 'altered',
      match: { ...partial.match!, context: '<script>x()</script> <img src=x onerror=alert(2)>', contextStart: 0, start: 0, end: 10, original: '<script>x', diff: [{ op: 'insert', quote: '<img src=x onerror=alert(3)>', source: '' }] },
      alsoIn: [],
    };
    const { container } = render(<QuoteCard quote={evil} check={check} sources={sources} onClose={() => {}} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror=alert(3)>');
    expect(container.querySelector('.vb-passage')!.textContent).toContain('<script>x()</script>');
    expect(container.querySelector('.vb-facts')!.textContent).toContain('<b>bold</b>');
    // With nothing matched, the card repeats the quote itself: as text too.
    cleanup();
    const missing = render(<QuoteCard quote={evil} check={{ verdict: 'not_found', match: null, alsoIn: [] }} sources={{}} onClose={() => {}} />);
    expect(missing.container.querySelector('img')).toBeNull();
    expect(missing.container.querySelector('.vb-quote')!.textContent).toBe('“Hello <img src=x onerror=alert(1)> world”');
  });

  it('closes on Escape and on its close button, and takes focus when opened', () => {
    const onClose = vi.fn();
    render(<QuoteCard quote={quote} check={partial} sources={sources} onClose={onClose} />);
    const dialog = screen.getByRole('dialog');
    expect(document.activeElement).toBe(dialog);
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalledTimes(2);
    fireEvent.keyDown(dialog, { key: 'Enter' });
    expect(onClose).toHaveBeenCalledTimes(2);
  });
});
