// The popup with automatic checking off: the tab reports 'waiting', the popup offers "Check this
// page", sends the tab a check-page request, and lists the quotes once the tab has reported them.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { App } from '../../../entrypoints/popup/App';
import type { PageResults } from '../../../lib/messages';

const waiting: PageResults = {
  url: 'https://news.example/a', title: 'A', state: 'waiting', error: null, librarySize: 4, sources: {}, quotes: [],
};
const checked: PageResults = {
  ...waiting,
  state: 'done',
  quotes: [{ index: 0, text: 'It cannot be overstated how complex', words: 6, short: false, attribution: null, verdict: 'not_found', sourceId: null, alsoIn: [] }],
};

let stored: PageResults;

beforeEach(() => {
  stored = waiting;
  fakeBrowser.runtime.onMessage.addListener(async (message: unknown) => {
    const m = message as { type: string };
    if (m.type === 'sources') return { ok: true, sources: [] };
    if (m.type === 'page-results') return { ok: true, results: stored };
    return { ok: false, error: 'unexpected' };
  });
});

afterEach(() => {
  cleanup();
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('Check this page', () => {
  it('is offered for a waiting tab; a click asks that tab to check, then lists its quotes', async () => {
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(async () => {
      stored = checked; // the content script reports its results before it answers
      return { ok: true };
    });
    const { container } = render(<App tabIdParam={7} />);
    const button = await screen.findByRole('button', { name: 'Check this page' });
    expect(container.textContent).toContain('Automatic checking is off');
    fireEvent.click(button);
    await waitFor(() => expect(container.querySelector('.pp-page')?.getAttribute('data-total')).toBe('1'));
    expect(send).toHaveBeenCalledWith(7, { type: 'check-page' });
    expect(screen.queryByRole('button', { name: 'Check this page' })).toBeNull();
  });

  it('says so when the tab does not answer', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Receiving end does not exist.'));
    const { container } = render(<App tabIdParam={7} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Check this page' }));
    await waitFor(() => expect(container.textContent).toContain('Could not check this page: Receiving end does not exist.'));
    expect(screen.getByRole('button', { name: 'Check this page' })).not.toBeNull();
  });
});
