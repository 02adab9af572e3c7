// The background answers only well-formed messages from the extension's own contexts: crafted
// messages are refused and counted, and a web page cannot reach it at all.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { type Launched, type Served, ROOT, launchWithExtension, serveFolder, waitForCheck } from './harness';

let launched: Launched;
let served: Served;
let extensionPage: Page;

beforeAll(async () => {
  launched = await launchWithExtension();
  served = await serveFolder(join(ROOT, 'tests/fixtures/corpus/articles'));
  extensionPage = await launched.context.newPage();
  await extensionPage.goto(`chrome-extension://${launched.extensionId}/popup.html`);
}, 60_000);

afterAll(async () => {
  await launched?.close();
  await served?.close();
});

declare const chrome: {
  runtime: { sendMessage(m: unknown): Promise<unknown> };
  storage: { session: { get(k: string): Promise<Record<string, unknown>> } };
};

const refusals = () =>
  launched.worker.evaluate(async () => (await chrome.storage.session.get('refused-messages'))['refused-messages'] ?? {});

describe('messages', () => {
  it('crafted messages from an extension page are refused and counted', async () => {
    const crafted = [
      { type: 'check', quotes: 'not a list' },
      { type: 'check', quotes: [{ text: 'x'.repeat(20_000) }] },
      { type: 'sources', extra: true },
      { type: 'search', query: 42 },
      { type: 'delete-everything' },
      { type: 'page-results', op: 'set', results: { url: 'x' } },
      ['check'],
      null,
    ];
    const answers = await extensionPage.evaluate(async (messages) => {
      const out: unknown[] = [];
      for (const m of messages) out.push(await chrome.runtime.sendMessage(m).catch((e) => `threw ${String(e)}`));
      return out;
    }, crafted);
    for (const answer of answers) expect(answer, JSON.stringify(answer)).toMatchObject({ ok: false });
    const counts = (await refusals()) as Record<string, number>;
    expect(counts['malformed request']).toBe(crafted.length);

    // An allowed request in the wrong direction: only a tab's content script may report results.
    const valid = { url: 'https://x/', title: null, state: 'done', error: null, quotes: [], sources: {}, librarySize: 0 };
    expect(await extensionPage.evaluate((results) => chrome.runtime.sendMessage({ type: 'page-results', op: 'set', results }), valid))
      .toEqual({ ok: false, error: 'not allowed from this sender' });
    expect(((await refusals()) as Record<string, number>)['not allowed from this sender']).toBe(1);
    // And a well-formed request is answered.
    expect(await extensionPage.evaluate(() => chrome.runtime.sendMessage({ type: 'sources' }))).toMatchObject({ ok: true });
  });

  it('a web page cannot reach the background, by runtime messaging or by postMessage', async () => {
    const article = await launched.context.newPage();
    await article.goto(`${served.origin}/wilby-2023-12-08.html`);
    expect(await waitForCheck(article)).toBe('done');
    const before = await refusals();
    const reached = await article.evaluate(async () => {
      // A page has no channel to the extension (no externally_connectable)...
      const rt = (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime;
      const channel = !!rt && typeof rt.sendMessage === 'function';
      // ...and the content script does not listen to window messages.
      window.postMessage({ type: 'check', quotes: [{ text: 'forged quote' }] }, '*');
      window.postMessage({ type: 'show-quote', index: 0 }, '*');
      await new Promise((r) => setTimeout(r, 500));
      return { channel, card: document.querySelector('verbatim-card') !== null };
    });
    expect(reached).toEqual({ channel: false, card: false });
    expect(await refusals()).toEqual(before);
    await article.close();
  });
});
