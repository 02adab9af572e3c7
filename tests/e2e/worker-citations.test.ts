// Citations from a service worker whose script leaves citeproc-js out (lib/cite/citeproc-script.ts):
// background.js holds no citeproc, the worker keeps citeproc.js from its install, and a worker that
// Chrome stopped and started again, woken by the citation request itself, gives the same citations,
// in all five styles, as the worker that was installed; the card copies them after a stop too.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR, SCREENSHOTS, extensionWithArticles, stopServiceWorker, waitForCheck } from './harness';
import { accessedToday, clearClipboard, openCard, pressReleaseEntries, waitForClipboard } from './card-helpers';

const STYLES = ['harvard', 'apa', 'mla', 'chicago', 'oscola'] as const;
const SOURCE_ID = 'hmicfrs-press-release-2023';

const env = extensionWithArticles();

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

/** Every style's answer to a citation request, sent from an extension page, the first message after any stop. */
async function citations(): Promise<unknown[]> {
  const page = await env.launched.context.newPage();
  try {
    await page.goto(`chrome-extension://${env.launched.extensionId}/licences/citeproc-js.txt`);
    return await page.evaluate(
      async ({ styles, sourceId }) => {
        const out: unknown[] = [];
        for (const style of styles) {
          out.push(await chrome.runtime.sendMessage({ type: 'cite', sourceId, style, quote: 'victim blaming', span: { start: 0, end: 40 } }));
        }
        return out;
      },
      { styles: [...STYLES], sourceId: SOURCE_ID },
    );
  } finally {
    await page.close();
  }
}

describe('citations from the service worker', () => {
  it('the worker evaluates background.js without citeproc; citeproc.js is a file of its own', () => {
    const background = join(EXTENSION_DIR, 'background.js');
    const script = join(EXTENSION_DIR, 'citeproc.js');
    expect(existsSync(script)).toBe(true);
    // A string of citeproc-js's own (its HTML bibliography's wrapper), in its script and not in the worker's.
    expect(readFileSync(script, 'utf8')).toContain('csl-bib-body');
    expect(readFileSync(background, 'utf8')).not.toContain('csl-bib-body');
    expect(statSync(background).size).toBeLessThan(300_000);
    expect(statSync(script).size).toBeGreaterThan(300_000);
  });

  it('gives the same citations in every style after Chrome stopped the worker, which the request itself wakes', async () => {
    const installed = await citations();
    const entries = pressReleaseEntries(accessedToday());
    for (const [i, style] of STYLES.entries()) {
      const answer = installed[i] as { ok: boolean; citation: { text: string } };
      expect(answer.ok, style).toBe(true);
      expect(answer.citation.text, style).toBe(entries[style]);
    }
    await stopServiceWorker(env.launched);
    expect(await citations()).toEqual(installed);
    // And once more, from a worker started again that has already imported the script once.
    await stopServiceWorker(env.launched);
    await citations();
    expect(await citations()).toEqual(installed);
  }, 60_000);

  it('the card copies a citation with the worker stopped before the page', async () => {
    await stopServiceWorker(env.launched);
    const page = await env.launched.context.newPage();
    await env.launched.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.served.origin });
    await page.goto(`${env.served.origin}/wilby-2023-12-08.html`);
    expect(await waitForCheck(page, 30_000)).toBe('done');
    const card = await openCard(page, 'victim blaming');
    await clearClipboard(page);
    await card.locator('[data-action="copy-citation"]').click();
    await expect.poll(() => card.locator('[role="status"]').innerText()).toBe('Copied the Harvard citation.');
    expect((await waitForClipboard(page)).text).toBe(pressReleaseEntries(accessedToday()).harvard);
    await page.screenshot({ path: join(SCREENSHOTS, 'card-citation-worker-restarted.png') });
    await page.close();
  }, 60_000);
});
