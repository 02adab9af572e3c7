// Launching the built extension in the system Chromium, headless, and serving test pages locally.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { LibraryDb } from '../../lib/library/db';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const EXTENSION_DIR = join(ROOT, '.output/chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(ROOT, 'docs/screenshots');

export interface Launched {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  close(): Promise<void>;
}

/** A fresh profile with the built extension loaded; the id is read from its service worker's URL. */
export interface LaunchOptions {
  colorScheme?: 'light' | 'dark';
  /** Extra Chromium switches (a proxy, for the network test). */
  args?: string[];
  /** Another build to load (an earlier release, for the upgrade test); the current build by default. */
  extensionDir?: string;
  /** A profile to open and keep (the upgrade test reopens it); a fresh one, removed on close, by default. */
  profileDir?: string;
}

export async function launchWithExtension(options: LaunchOptions = {}): Promise<Launched> {
  const extension = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(extension, 'manifest.json'))) {
    throw new Error(`No built extension at ${extension}: run \`npx wxt build\` first (npm run test:e2e does).`);
  }
  const profile = options.profileDir ?? mkdtempSync(join(tmpdir(), 'verbatim-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    colorScheme: options.colorScheme ?? 'light',
    viewport: { width: 1280, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
      ...(options.args ?? []),
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    async close() {
      await context.close();
      if (!options.profileDir) rmSync(profile, { recursive: true, force: true });
    },
  };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json',
  '.gif': 'image/gif',
};

/** The IndexedDB version the current build opens the library at (Dexie stores its own version times ten). */
export const CURRENT_SCHEMA = new LibraryDb('never-opened').verno * 10;

/** A 1×1 GIF, for pages whose pictures only need to keep the load event back. */
export const ONE_PIXEL_GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

export interface Served {
  origin: string; // http://127.0.0.1:<port>
  close(): Promise<void>;
}

/**
 * Serves the files of one folder on 127.0.0.1 (a free port), read-only; `html` may rewrite pages,
 * and `held` holds back the answers for some paths by so many ms (a slow picture keeps a page's
 * load event back, as a news page's pictures and advertisements do).
 */
export async function serveFolder(folder: string, html?: (page: string) => string, held: Record<string, number> = {}): Promise<Served> {
  const root = resolve(folder);
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = resolve(root, `.${path}`);
    if (!file.startsWith(root + '/') || !existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    const hold = held[path];
    const answer = () => {
      // A held answer is never cached, so that every load of its page waits for it again.
      const headers: Record<string, string> = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' };
      if (hold !== undefined) headers['cache-control'] = 'no-store';
      res.writeHead(200, headers);
      res.end(html && extname(file) === '.html' ? html(readFileSync(file, 'utf8')) : readFileSync(file));
    };
    // The timer does not keep the process alive: a page closed meanwhile no longer wants the answer.
    if (hold !== undefined) setTimeout(answer, hold).unref();
    else answer();
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

/** The library page (options), once it lists the built-in catalogue installed at start-up. */
export async function openLibraryPage(launched: Launched, builtins = 4): Promise<Page> {
  const page = await launched.context.newPage();
  await page.goto(`chrome-extension://${launched.extensionId}/options.html`);
  for (let i = 0; i < 40 && (await page.locator('.lp-item').count()) < builtins; i++) {
    await page.waitForTimeout(250);
    await page.reload();
  }
  return page;
}

/** What extensionWithArticles starts: read its fields inside tests and hooks, once beforeAll has run. */
export interface WithArticles {
  launched: Launched;
  served: Served;
}

/**
 * For a test file: the extension launched with its built-in sources in, and the reference
 * articles served, before the file's tests; both closed after them.
 */
export function extensionWithArticles(): WithArticles {
  const env = {} as WithArticles;
  beforeAll(async () => {
    env.launched = await launchWithExtension();
    env.served = await serveFolder(join(ROOT, 'tests/fixtures/corpus/articles'));
    (await openLibraryPage(env.launched)).close(); // the built-in sources are in
  });
  afterAll(async () => {
    await env.launched?.close();
    await env.served?.close();
  });
  return env;
}

/** Waits until the content script has checked the page (it marks <html data-verbatim-state>). */
export async function waitForCheck(page: Page, timeout = 20_000): Promise<string> {
  // Read from outside the page's scripts (some test pages break the page's own MutationObserver
  // and prototypes, which an in-page wait would lean on).
  const deadline = Date.now() + timeout;
  for (;;) {
    const state = (await page.getAttribute('html', 'data-verbatim-state')) ?? '';
    if (['done', 'no-article', 'error'].includes(state)) return state;
    if (Date.now() > deadline) throw new Error(`the page was not checked within ${timeout} ms (state: ${state || 'none'})`);
    await page.waitForTimeout(100);
  }
}

/**
 * The tab id of a page, as the extension sees it. Without the `tabs` permission the extension is
 * not told tab URLs, so the page is brought to the front and the active tab is asked for.
 */
export async function tabIdOf(launched: Launched, page: Page): Promise<number> {
  await page.bringToFront();
  const ids = await launched.worker.evaluate(async () => {
    const tabs = await chrome.tabs.query({ active: true });
    return tabs.map((t) => t.id ?? -1);
  });
  if (ids.length !== 1 || ids[0] < 0) throw new Error(`expected one active tab, found ${ids.length}`);
  return ids[0];
}

declare const chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } };

/**
 * Stops the extension's service worker, as Chrome does after it idles, and resolves once the
 * browser reports it stopped. Driven from a script-less extension page, which sends the worker
 * nothing; opening or closing a tab afterwards may wake it (the background listens for tab updates).
 */
export async function stopServiceWorker(launched: Launched): Promise<void> {
  const page = await launched.context.newPage();
  try {
    await page.goto(`chrome-extension://${launched.extensionId}/licences/citeproc-js.txt`);
    const cdp = await launched.context.newCDPSession(page);
    const status = new Map<string, string>();
    let onUpdate: () => void = () => undefined;
    cdp.on('ServiceWorker.workerVersionUpdated', (e: { versions: { versionId: string; scriptURL: string; runningStatus: string }[] }) => {
      for (const v of e.versions) if (v.scriptURL.startsWith(`chrome-extension://${launched.extensionId}/`)) status.set(v.versionId, v.runningStatus);
      onUpdate();
    });
    const settled = (test: () => boolean) =>
      new Promise<void>((ok, fail) => {
        const timer = setTimeout(() => fail(new Error(`service worker status: ${JSON.stringify([...status])}`)), 10_000);
        onUpdate = () => {
          if (test()) {
            clearTimeout(timer);
            ok();
          }
        };
        onUpdate();
      });
    await cdp.send('ServiceWorker.enable');
    await settled(() => status.size > 0);
    const stopped = settled(() => [...status.values()].every((s) => s === 'stopped'));
    for (const versionId of status.keys()) await cdp.send('ServiceWorker.stopWorker', { versionId });
    await stopped;
    await cdp.detach();
  } finally {
    await page.close();
  }
}
