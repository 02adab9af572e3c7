// An update keeps the reader's library: the 0.1.0 release fills a profile (the built-in catalogue
// and a source of the reader's own), then the current build is loaded in its place, in the same
// profile, as the browser does on an update.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA, EXTENSION_DIR, ROOT, type Served, launchWithExtension, serveFolder, waitForCheck } from './harness';

const RELEASE = join(ROOT, 'tests/fixtures/releases/0.1.0-chrome-mv3');

/** A source the reader added: stored exactly as 0.1.0 stored sources (schema version 2). */
const OWN_TEXT =
  'The committee found that the scheme had been run with great care and no little imagination. ' +
  'It recommended that the council publish its accounts every quarter from next year.';
const OWN_SOURCE = {
  id: 'user-committee-report',
  type: 'report',
  title: 'Report of the scrutiny committee',
  publisher: 'Example Borough Council',
  author: null,
  speaker: null,
  published: '2023-11-30',
  url: null,
  licence: null,
  coverage: null,
  excerpt: false,
  origin: 'file',
  text: OWN_TEXT,
  contentHash: 'not-checked-by-0.1.0',
  addedAt: 1_700_000_000_000,
  words: OWN_TEXT.split(/\s+/).length,
};

let work: string;
let served: Served;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'verbatim-upgrade-'));
  writeFileSync(
    join(work, 'article.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Council news</title></head><body><article>
<h1>Scheme praised</h1>
<p>The chair said the scheme “had been run with great care and no little imagination” and thanked the staff.</p>
</article></body></html>`,
  );
  served = await serveFolder(work);
});

afterAll(async () => {
  await served?.close();
  rmSync(work, { recursive: true, force: true });
});

declare const chrome: {
  runtime: { sendMessage(m: unknown): Promise<unknown>; getManifest(): { version: string } };
  storage: { local: { get(k: string): Promise<Record<string, unknown>>; set(v: object): Promise<void> } };
};

describe('updating from 0.1.0', () => {
  it('keeps every source and setting, and checks quotes against the reader’s own source', async () => {
    const installed = join(work, 'extension'); // where the browser finds the unpacked extension
    const profile = join(work, 'profile');
    cpSync(RELEASE, installed, { recursive: true });

    // 0.1.0: let it install its catalogue, then add the reader's source and a setting.
    const old = await launchWithExtension({ extensionDir: installed, profileDir: profile });
    expect(await old.worker.evaluate(() => chrome.runtime.getManifest().version)).toBe('0.1.0');
    const before = await old.worker.evaluate(async (own) => {
      const open = () =>
        new Promise<IDBDatabase>((ok, fail) => {
          const req = indexedDB.open('verbatim');
          req.onsuccess = () => ok(req.result);
          req.onerror = () => fail(req.error);
        });
      const ids = async (): Promise<string[]> => {
        const db = await open();
        const all = await new Promise<IDBValidKey[]>((ok, fail) => {
          const req = db.transaction('sources').objectStore('sources').getAllKeys();
          req.onsuccess = () => ok(req.result);
          req.onerror = () => fail(req.error);
        });
        db.close();
        return all.map(String);
      };
      // Wait for 0.1.0 to create its database and install the catalogue (opening it first would create an empty one).
      const exists = async () => (await indexedDB.databases()).some((d) => d.name === 'verbatim' && (d.version ?? 0) > 1);
      for (let i = 0; i < 100 && !(await exists()); i++) await new Promise((r) => setTimeout(r, 100));
      for (let i = 0; i < 100 && (await ids()).length < 4; i++) await new Promise((r) => setTimeout(r, 100));
      const db = await open();
      await new Promise<void>((ok, fail) => {
        const tx = db.transaction('sources', 'readwrite');
        tx.objectStore('sources').put(own);
        tx.oncomplete = () => ok();
        tx.onerror = () => fail(tx.error);
      });
      db.close();
      await chrome.storage.local.set({ settings: { citationStyle: 'apa', autoCheck: true } });
      return (await ids()).sort();
    }, OWN_SOURCE);
    expect(before).toHaveLength(5);
    await old.close();

    // The update: the current build replaces the files, the profile stays. A browser that finds an
    // unpacked extension's files changed keeps running the service worker it had registered (it
    // would go on answering as 0.1.0); an update from the store registers the new one. Dropping
    // the profile's worker registrations does the same here.
    rmSync(installed, { recursive: true, force: true });
    cpSync(EXTENSION_DIR, installed, { recursive: true });
    rmSync(join(profile, 'Default', 'Service Worker'), { recursive: true, force: true });
    const current = JSON.parse(readFileSync(join(installed, 'manifest.json'), 'utf8')).version as string;
    expect(current).not.toBe('0.1.0');

    const updated = await launchWithExtension({ extensionDir: installed, profileDir: profile });
    try {
      expect(await updated.worker.evaluate(() => chrome.runtime.getManifest().version)).toBe(current);
      const page = await updated.context.newPage();
      await page.goto(`chrome-extension://${updated.extensionId}/popup.html`);
      const sources = (await page.evaluate(() => chrome.runtime.sendMessage({ type: 'sources' }))) as {
        ok: boolean;
        sources: { id: string; title: string; words: number }[];
      };
      expect(sources.ok).toBe(true);
      // The current worker answered: it has opened the library and upgraded it to its own schema.
      const databases = await updated.worker.evaluate(() => indexedDB.databases());
      expect(databases.find((d) => d.name === 'verbatim')?.version).toBe(CURRENT_SCHEMA);
      expect(sources.sources.map((s) => s.id).sort()).toEqual(before);
      const own = sources.sources.find((s) => s.id === OWN_SOURCE.id)!;
      expect(own.title).toBe(OWN_SOURCE.title);
      expect(await page.evaluate(async () => (await chrome.storage.local.get('settings')).settings)).toEqual({
        citationStyle: 'apa',
        autoCheck: true,
      });

      // The reader's own source still answers quotes.
      const article = await updated.context.newPage();
      await article.goto(`${served.origin}/article.html`);
      expect(await waitForCheck(article)).toBe('done');
      const names = await article.evaluate(() => {
        const out: string[] = [];
        CSS.highlights.forEach((h, name) => {
          if (name.startsWith('verbatim-verdict-')) out.push(name);
        });
        return out;
      });
      expect(names).toEqual(['verbatim-verdict-verbatim']);
    } finally {
      await updated.close();
    }
  }, 120_000);
});
