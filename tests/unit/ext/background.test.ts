import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import background from '../../../entrypoints/background/index';
import { LibraryService } from '../../../entrypoints/background/library-service';
import { pageResultsStore } from '../../../entrypoints/background/page-results';
import { createRouter } from '../../../entrypoints/background/router';
import { REFUSALS_KEY, refusalLog } from '../../../entrypoints/background/refusals';
import { LibraryDb } from '../../../lib/library/db';
import type { CheckResponse, PageResults, PageResultsResponse, SearchResponse, SourcesResponse } from '../../../lib/messages';

const publicDir = join(__dirname, '../../../public');
const readSource = (name: string) => readFile(join(publicDir, 'sources', name), 'utf8');
const gold = JSON.parse(await readFile(join(__dirname, '../../fixtures/corpus/gold/wilby-2023-12-08.json'), 'utf8')) as {
  quotes: { id: string; quote: string }[];
};
const q04 = gold.quotes.find((q) => q.id === 'q04')!.quote;

const ID = fakeBrowser.runtime.id;
const ORIGIN = `chrome-extension://${ID}`;
const contentScript = { id: ID, url: 'https://news.example/story', tab: { id: 12 }, frameId: 0 };
const popup = { id: ID, url: `${ORIGIN}/popup.html`, origin: ORIGIN };

const results: PageResults = {
  url: 'https://news.example/story', title: 'Story', state: 'done', error: null,
  quotes: [{ index: 0, text: q04, words: 24, short: false, attribution: 'HMICFRS', verdict: 'partial', sourceId: 'hmicfrs-press-release-2023', alsoIn: [] }],
  sources: {}, librarySize: 4,
};

describe('the background router', () => {
  const db = new LibraryDb('verbatim-router-test');
  const library = new LibraryService(db);
  const route = createRouter({ library, pages: pageResultsStore(fakeBrowser.storage.session), runtimeId: ID, extensionOrigin: ORIGIN });

  beforeAll(async () => {
    await library.installBuiltins(readSource);
  });

  it('checks quotes against the built-in library and sends the sources the card needs', async () => {
    const answer = (await route({ type: 'check', quotes: [{ text: q04, attribution: 'HMICFRS' }, { text: 'words in no document at all, anywhere' }] }, contentScript)) as CheckResponse;
    expect(answer.ok).toBe(true);
    expect(answer.librarySize).toBe(4);
    expect(answer.checks).toHaveLength(2);
    expect(answer.checks[0].match?.sourceId).toBe('hmicfrs-press-release-2023');
    expect(answer.checks[1].verdict).toBe('not_found');
    const release = answer.sources['hmicfrs-press-release-2023'];
    expect(release.excerpt).toBe(true);
    expect(release.published).toBe('2023-12-08');
    expect(release).not.toHaveProperty('text');
  });

  it('searches the library', async () => {
    const answer = (await route({ type: 'search', query: 'victim-blaming', limit: 5 }, popup)) as SearchResponse;
    expect(answer.ok).toBe(true);
    expect(answer.hits.map((h) => h.sourceId)).toContain('hmicfrs-press-release-2023');
    expect(answer.sources['hmicfrs-press-release-2023'].title).toMatch(/Police not doing enough/);
  });

  it('keeps a tab’s results for the popup, reported only by that tab’s content script', async () => {
    expect(await route({ type: 'page-results', op: 'set', results }, contentScript)).toEqual({ ok: true });
    const got = (await route({ type: 'page-results', op: 'get', tabId: 12 }, popup)) as PageResultsResponse;
    expect(got.results?.quotes[0].verdict).toBe('partial');
    expect(((await route({ type: 'page-results', op: 'get', tabId: 13 }, popup)) as PageResultsResponse).results).toBeNull();
    // A page cannot read another tab's results, and the popup cannot write them.
    expect(await route({ type: 'page-results', op: 'get', tabId: 12 }, contentScript)).toMatchObject({ ok: false });
    expect(await route({ type: 'page-results', op: 'set', results }, popup)).toMatchObject({ ok: false });
  });

  it('refuses strangers and malformed messages', async () => {
    expect(await route({ type: 'sources' }, { id: 'other-extension', url: 'https://x/' , tab: { id: 1 } })).toEqual({ ok: false, error: 'sender refused' });
    expect(await route({ type: 'sources' }, {})).toEqual({ ok: false, error: 'sender refused' });
    expect(await route({ type: 'check', quotes: [{ text: 5 }] }, contentScript)).toEqual({ ok: false, error: 'malformed request' });
    expect(await route('check', contentScript)).toEqual({ ok: false, error: 'malformed request' });
  });

  it('counts what it refuses, by reason', async () => {
    const refusals = refusalLog(fakeBrowser.storage.session);
    const counted = createRouter({ library, pages: pageResultsStore(fakeBrowser.storage.session), runtimeId: ID, extensionOrigin: ORIGIN, refusals });
    await counted({ type: 'sources' }, {});
    await counted({ type: 'sources', extra: 1 }, popup);
    await counted({ type: 'nope' }, contentScript);
    await counted({ type: 'page-results', op: 'get', tabId: 1 }, contentScript);
    expect(await counted({ type: 'sources' }, popup)).toMatchObject({ ok: true });
    expect(await refusals.counts()).toEqual({ 'sender refused': 1, 'malformed request': 2, 'not allowed from this sender': 1 });
  });

  it('has stored the count by the time a refusal is answered', async () => {
    const refusals = refusalLog(fakeBrowser.storage.session);
    const counted = createRouter({ library, pages: pageResultsStore(fakeBrowser.storage.session), runtimeId: ID, extensionOrigin: ORIGIN, refusals });
    const stored = async () =>
      ((await fakeBrowser.storage.session.get(REFUSALS_KEY))[REFUSALS_KEY] as Record<string, number> | undefined)?.['malformed request'] ?? 0;
    const before = await stored();
    for (let i = 1; i <= 3; i++) {
      await counted({ type: 'nope' }, popup);
      expect(await stored()).toBe(before + i);
    }
  });

  it('rebuilds its index from the database after the service worker restarts', async () => {
    const restarted = new LibraryService(db);
    const answer = await restarted.sources();
    expect(answer.sources.map((s) => s.id).sort()).toEqual([
      'hmicfrs-press-release-2023', 'hmicfrs-report-2023', 'npcc-meta-e2ee-2023', 'npcc-response-2023',
    ]);
  });
});

describe('the background entrypoint', () => {
  it('installs the catalogue on install and on update without duplicates, then answers', async () => {
    vi.stubGlobal('fetch', async (url: string) => {
      const path = new URL(url).pathname;
      try {
        return new Response(await readFile(join(publicDir, path), 'utf8'));
      } catch {
        return new Response('missing', { status: 404 });
      }
    });
    background.main();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.0.1', temporary: false });
    const [answer] = (await fakeBrowser.runtime.onMessage.trigger({ type: 'sources' }, popup)) as unknown as SourcesResponse[];
    expect(answer, JSON.stringify(answer)).toMatchObject({ ok: true });
    expect(answer.sources).toHaveLength(4);
    const db = new LibraryDb();
    expect(await db.sources.count()).toBe(4);
    const [refused] = await fakeBrowser.runtime.onMessage.trigger({ type: 'sources' }, { id: 'someone-else' });
    expect(refused).toMatchObject({ ok: false });
    vi.unstubAllGlobals();
  });
});
