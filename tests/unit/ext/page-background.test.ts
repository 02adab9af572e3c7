// The background's page behaviours: the badge kept with each tab's results, and the keyboard commands.
import { describe, expect, it } from 'vitest';
import { withBadge, type BadgeAction } from '../../../entrypoints/background/badge';
import { createCommandHandler } from '../../../entrypoints/background/commands';
import { pageResultsStore } from '../../../entrypoints/background/page-results';
import { VERDICT_LOOK } from '../../../lib/page/palette';
import type { PageQuote, PageResults, StepQuoteRequest } from '../../../lib/messages';
import type { Verdict } from '../../../lib/types';

function recordingAction() {
  const calls: Record<number, { text?: string; color?: string; title?: string }> = {};
  const at = (tabId: number) => (calls[tabId] ??= {});
  const action: BadgeAction = {
    setBadgeText: ({ tabId, text }) => void (at(tabId).text = text),
    setBadgeBackgroundColor: ({ tabId, color }) => void (at(tabId).color = color),
    setTitle: ({ tabId, title }) => void (at(tabId).title = title),
  };
  return { action, calls };
}

function results(state: PageResults['state'], verdicts: Verdict[]): PageResults {
  const quotes: PageQuote[] = verdicts.map((verdict, index) => ({
    index, text: `quote ${index}`, words: 5, short: false, attribution: null, verdict, sourceId: null, alsoIn: [],
  }));
  return { url: 'https://news.example/a', title: 'A', state, error: null, quotes, sources: {}, librarySize: 4 };
}

describe('withBadge', () => {
  it('sets each tab’s badge from its results and clears it when they are dropped', async () => {
    const { action, calls } = recordingAction();
    const store = withBadge(pageResultsStore(null), action);
    await store.set(3, results('done', ['verbatim', 'partial', 'altered']));
    await store.set(5, results('done', ['verbatim']));
    expect(calls[3]).toMatchObject({ text: '2', color: VERDICT_LOOK.altered.ink });
    expect(calls[5].text).toBe('');
    expect((await store.get(3))?.quotes).toHaveLength(3);

    await store.remove(3);
    expect(calls[3].text).toBe('');
    expect(await store.get(3)).toBeNull();
  });

  it('shows no count for a page waiting to be checked or one that failed', async () => {
    const { action, calls } = recordingAction();
    const store = withBadge(pageResultsStore(null), action);
    await store.set(1, results('waiting', []));
    expect(calls[1].text).toBe('');
    await store.set(1, results('error', ['altered']));
    expect(calls[1].text).toBe('');
  });
});

describe('createCommandHandler', () => {
  it('sends a step request to the command’s tab, or the active tab when none is given', async () => {
    const sent: [number, StepQuoteRequest][] = [];
    const handle = createCommandHandler({
      sendToTab: async (tabId, request) => (sent.push([tabId, request]), { ok: true }),
      activeTabId: async () => 9,
    });
    expect(await handle('next-quote', { id: 4 })).toBe(true);
    expect(await handle('previous-quote')).toBe(true);
    expect(sent).toEqual([
      [4, { type: 'step-quote', direction: 'next' }],
      [9, { type: 'step-quote', direction: 'previous' }],
    ]);
  });

  it('ignores unknown commands and tabs without a content script', async () => {
    let sends = 0;
    const handle = createCommandHandler({
      sendToTab: async () => {
        sends++;
        throw new Error('Could not establish connection. Receiving end does not exist.');
      },
      activeTabId: async () => null,
    });
    expect(await handle('_execute_action', { id: 1 })).toBe(false);
    expect(sends).toBe(0);
    expect(await handle('next-quote', { id: 1 })).toBe(false);
    expect(await handle('next-quote')).toBe(false);
    expect(sends).toBe(1);
  });
});
