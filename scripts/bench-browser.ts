// `npm run bench:browser`: the content script's cost in real Chromium on a long article (about
// 20,000 words, 300 quotes), side by side with the same page in the same browser without the
// extension; and the time to first verdicts after Chrome has stopped the idle service worker.
// Prints Markdown and writes it to BENCHMARKS-browser.md (--no-write to only print).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, launchWithExtension, serveFolder } from '../tests/e2e/harness';
import { loadSotuLibrary } from './eval/library';
import { createRng } from './eval/prng';
import { summarise, type Stats } from './bench/timing';

const RUNS = 7;
const TARGET_WORDS = 20_000;
const TARGET_QUOTES = 300;

/** Spans of the starter library's excerpts, so that a third of the quotes are found. */
function starterSentences(): string[] {
  const dir = join(process.cwd(), 'public/sources');
  const catalogue = JSON.parse(readFileSync(join(dir, 'catalogue.json'), 'utf8')) as { sources: string[] };
  const text = catalogue.sources.map((id) => readFileSync(join(dir, `${id}.txt`), 'utf8')).join('\n');
  return text
    .split(/(?<=[.!?])\s+/)
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s) => s.split(' ').length >= 6 && s.split(' ').length <= 30 && !/[“”"]/.test(s));
}

/** A long news page: State of the Union prose with 300 quotes woven in, a third of them from the starter library. */
export function longArticle(): { html: string; words: number; quotes: number } {
  const rng = createRng(7);
  const prose = loadSotuLibrary(6).flatMap((s) => s.text.split(/\n\s*\n/)).filter((p) => p.split(/\s+/).length > 40);
  const starter = starterSentences();
  const paragraphs: string[] = [];
  let words = 0;
  let quotes = 0;
  for (let i = 0; words < TARGET_WORDS && i < prose.length; i++) {
    const para = prose[i].replace(/["“”]/g, '');
    const sentences = para.split(/(?<=[.!?])\s+/);
    // About four quotes to a paragraph of ~110 words: one quoted sentence from the library or from the prose itself.
    const out = sentences.map((s, k) => {
      if (quotes >= TARGET_QUOTES || k % 2 === 1) return s;
      quotes++;
      const fromLibrary = rng.chance(1 / 3) && starter.length > 0;
      const quoted = fromLibrary ? rng.pick(starter) : s.replace(/[.!?]$/, '');
      return `The speaker said “${quoted}”.`;
    });
    const p = out.join(' ');
    words += p.split(/\s+/).length;
    paragraphs.push(`<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`);
  }
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A long article</title></head>
<body><main><article><h1>A long article</h1>${paragraphs.join('\n')}</article></main></body></html>`;
  return { html, words, quotes };
}

// Runs in the page before anything else: records long tasks and the moment the verdicts are painted.
const PROBE = `
  window.__bench = { longtasks: [], done: null };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__bench.longtasks.push(e.duration);
  }).observe({ type: 'longtask', buffered: true });
  new MutationObserver(() => {
    if (window.__bench.done === null && document.documentElement.getAttribute('data-verbatim-state') === 'done') {
      window.__bench.done = performance.now();
    }
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-verbatim-state'] });
`;

interface PageRun { scriptMs: number; longest: number; longCount: number; dclToDone: number | null }

async function measure(context: BrowserContext, url: string, expectDone: boolean): Promise<PageRun> {
  const page: Page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(url);
  if (expectDone) {
    await page.waitForFunction(() => (window as unknown as { __bench: { done: number | null } }).__bench.done !== null, undefined, { timeout: 60_000, polling: 50 });
  } else {
    await page.waitForTimeout(1500);
  }
  await page.waitForTimeout(300);
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  const script = metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0;
  const probe = await page.evaluate(() => {
    const b = (window as unknown as { __bench: { longtasks: number[]; done: number | null } }).__bench;
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return { longtasks: b.longtasks, done: b.done, dcl: nav.domContentLoadedEventEnd };
  });
  await page.close();
  return {
    scriptMs: script * 1000,
    longest: Math.max(0, ...probe.longtasks),
    longCount: probe.longtasks.length,
    dclToDone: probe.done === null ? null : probe.done - probe.dcl,
  };
}

const fmt = (s: Stats, digits = 0) => `${s.median.toFixed(digits)} (${s.min.toFixed(digits)}–${s.max.toFixed(digits)})`;

async function main(): Promise<void> {
  const write = !process.argv.includes('--no-write');
  const folder = mkdtempSync(join(tmpdir(), 'verbatim-bench-browser-'));
  const article = longArticle();
  writeFileSync(join(folder, 'long.html'), article.html);
  const served = await serveFolder(folder);
  const url = `${served.origin}/long.html`;

  // Without the extension: the same page, the same browser build.
  const bareProfile = mkdtempSync(join(tmpdir(), 'verbatim-bench-bare-'));
  const bare = await chromium.launchPersistentContext(bareProfile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  await bare.addInitScript(PROBE);
  const bareRuns: PageRun[] = [];
  for (let r = 0; r < RUNS; r++) bareRuns.push(await measure(bare, url, false));
  await bare.close();
  rmSync(bareProfile, { recursive: true, force: true });

  const launched = await launchWithExtension();
  await launched.context.addInitScript(PROBE);
  await measure(launched.context, url, true); // warm-up: the library's index is built once
  const warmRuns: PageRun[] = [];
  for (let r = 0; r < RUNS; r++) warmRuns.push(await measure(launched.context, url, true));

  // Cold start: stop the service worker as Chrome does after 30 s idle, then load the page.
  const coldRuns: PageRun[] = [];
  for (let r = 0; r < RUNS; r++) {
    const page = await launched.context.newPage();
    const cdp = await launched.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    const stopped = new Promise<void>((ok) => launched.context.once('serviceworker', () => ok()));
    await cdp.send('ServiceWorker.stopAllWorkers');
    await page.close();
    coldRuns.push(await measure(launched.context, url, true));
    await Promise.race([stopped, new Promise((ok) => setTimeout(ok, 2000))]);
  }
  await launched.close();
  await served.close();
  rmSync(folder, { recursive: true, force: true });

  const s = (runs: PageRun[], key: keyof PageRun) => summarise(runs.map((r) => (r[key] as number | null) ?? Number.NaN));
  const commit = (() => {
    try {
      return execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim();
    } catch {
      return 'unknown';
    }
  })();
  const lines = [
    '# Verbatim in Chromium: the content script on a long article',
    '',
    `Run ${new Date().toISOString().slice(0, 10)}, commit ${commit}, headless Chromium (${CHROMIUM}), ${RUNS} runs each, median (min–max).`,
    `Page: ${article.words.toLocaleString('en-GB')} words, ${article.quotes} quotes (a third from the starter library).`,
    '',
    '| | main-thread script time, ms | longest task, ms | tasks over 50 ms | DOMContentLoaded → verdicts painted, ms |',
    '|---|---|---|---|---|',
    `| without Verbatim | ${fmt(s(bareRuns, 'scriptMs'))} | ${fmt(s(bareRuns, 'longest'))} | ${fmt(s(bareRuns, 'longCount'))} | — |`,
    `| with Verbatim, warm service worker | ${fmt(s(warmRuns, 'scriptMs'))} | ${fmt(s(warmRuns, 'longest'))} | ${fmt(s(warmRuns, 'longCount'))} | ${fmt(s(warmRuns, 'dclToDone'))} |`,
    `| with Verbatim, service worker stopped first | ${fmt(s(coldRuns, 'scriptMs'))} | ${fmt(s(coldRuns, 'longest'))} | ${fmt(s(coldRuns, 'longCount'))} | ${fmt(s(coldRuns, 'dclToDone'))} |`,
    '',
    'Targets: no task over 50 ms; verdicts within 200 ms of the article being in the DOM.',
    '',
  ];
  const report = lines.join('\n');
  process.stdout.write(report);
  if (write) writeFileSync('BENCHMARKS-browser.md', report);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err) => {
    process.stderr.write(`${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    process.exit(1);
  });
}
