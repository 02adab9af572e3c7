// `npm run bench:browser`: the content script's cost in real Chromium on a long article (about
// 20,000 words, 300 quotes) and an ordinary one (about 7,000 words, 100 quotes), side by side
// with the same page in the same browser without the extension; warm, and after Chrome has
// stopped the idle service worker. Then the engine's share in Node: extractArticle and
// detectQuotes on the same pages, first call and warm. Prints Markdown and writes it to
// BENCHMARKS-browser.md between its markers, keeping the notes around them (--no-write to only
// print; --node-only prints the Node figures alone and writes nothing; --library-only measures only
// the library sections, 1× and 10×, and writes nothing; --no-tenfold leaves the 10× library out).
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { parseHTML } from 'linkedom';
import { join } from 'node:path';
import { execSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { CHROMIUM, type Launched, ONE_PIXEL_GIF, launchWithExtension, openLibraryPage, serveFolder, stopServiceWorker } from '../tests/e2e/harness';
import { countWords } from '../lib/text/words';
import { loadSotuLibrary } from './eval/library';
import { tenfoldLibrary } from './bench/tenfold';
import { toStored } from '../lib/library/db';
import { buildPack, packJson } from '../lib/library/pack';
import type { Source } from '../lib/types';
import { createRng } from './eval/prng';
import { progressLine, summarise, timeRuns, type Stats } from './bench/timing';
import { detectQuotes, detectQuotesInSteps, extractArticle } from '../lib/quotes/index';
import {
  DONE_SIGNAL,
  TRACED_EXTENSION,
  buildTraced,
  clearWorkerMarks,
  loadSplit,
  loadSplitTable,
  longTaskLines,
  pageMarks,
  split,
  splitTable,
  timeline,
  traceLongTasks,
  traceColdWorker,
  waitForDone,
  workerMarks,
  type LoadSplit,
  type LongTask,
  type Split,
  type WorkerTrace,
} from './bench/page-split';

// Loads of each kind. A cold start's loads spread widely on this machine (210-386 ms to the first
// highlights in one run of 7), so the median is taken over more of them than 7.
const RUNS = 11;

const started = performance.now();
const progress = (message: string) => progressLine(started, message);

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

export interface BenchArticle {
  name: string;
  html: string;
  words: number;
  quotes: number;
}

/**
 * A news page of about `targetWords` words: State of the Union prose with `targetQuotes` quotes
 * woven in, a third of them from the starter library. `quoteEvery` spaces the quotes: in each
 * paragraph, one in every so many sentences, starting with the first.
 */
export function generatedArticle(name: string, targetWords: number, targetQuotes: number, quoteEvery: number, seed = 7): BenchArticle {
  const rng = createRng(seed);
  const prose = loadSotuLibrary(6).flatMap((s) => s.text.split(/\n\s*\n/)).filter((p) => p.split(/\s+/).length > 40);
  const starter = starterSentences();
  const paragraphs: string[] = [];
  let words = 0;
  let quotes = 0;
  for (let i = 0; words < targetWords && i < prose.length; i++) {
    const para = prose[i].replace(/["“”]/g, '');
    const sentences = para.split(/(?<=[.!?])\s+/);
    // A quoted sentence from the library or from the prose itself.
    const out = sentences.map((s, k) => {
      if (quotes >= targetQuotes || k % quoteEvery !== 0) return s;
      quotes++;
      const fromLibrary = rng.chance(1 / 3) && starter.length > 0;
      const quoted = fromLibrary ? rng.pick(starter) : s.replace(/[.!?]$/, '');
      return `The speaker said “${quoted}”.`;
    });
    const p = out.join(' ');
    words += p.split(/\s+/).length;
    paragraphs.push(`<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`);
  }
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${name}</title></head>
<body><main><article><h1>${name}</h1>${paragraphs.join('\n')}</article></main></body></html>`;
  return { name, html, words, quotes };
}

/** The long page of the performance issue: about 20,000 words and 300 quotes (about four to a paragraph). */
export function longArticle(): BenchArticle {
  return generatedArticle('A long article', 20_000, 300, 2);
}

/** Where a bench page's picture is, and how long the bench's server holds it back, in ms. */
const PICTURE = '/picture.gif';
const PICTURE_HELD_MS = 2000;

/**
 * The long article as a news site serves it: its text is in the DOM at once, but a picture (on
 * real pages, pictures and advertisements) is still loading, so the page's load event comes
 * seconds after DOMContentLoaded.
 */
export function withPictureLoading(article: BenchArticle): BenchArticle {
  const picture = `<figure><img src="${PICTURE}" width="640" height="360" alt=""></figure>`;
  return { ...article, name: `${article.name}, its picture still loading`, html: article.html.replace('</h1>', `</h1>${picture}`) };
}

/** An ordinary long read: about 7,000 words and 100 quotes. */
export function ordinaryArticle(): BenchArticle {
  return generatedArticle('An ordinary article', 7_000, 100, 2, 11);
}

// Runs in the page before anything else: records long tasks and the moment the verdicts are painted,
// and says so on the console. The benchmark waits for that message rather than polling the page:
// Playwright's first evaluation in a page injects its own script, a task of 20–40 ms that the
// longtask observer would otherwise count against the extension.
const PROBE = `
  window.__bench = { longtasks: [], done: null };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__bench.longtasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  new MutationObserver(() => {
    if (window.__bench.done === null && document.documentElement.getAttribute('data-verbatim-state') === 'done') {
      window.__bench.done = performance.now();
      console.debug('${DONE_SIGNAL}');
    }
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-verbatim-state'] });
`;

/**
 * One page load. Long tasks before DOMContentLoaded are the page's own parsing (they happen
 * without the extension too, on a loaded machine); those that start after it are where the
 * content script's work shows.
 */
interface PageRun {
  /** Where the time went, from the traced build's marks (null without the extension). */
  split: Split | null;
  /** Cold start: the library's loading step by step (null when the worker did not load it in this run). */
  load: LoadSplit | null;
  scriptMs: number;
  longest: number;
  longCount: number;
  longestAfterDcl: number;
  longCountAfterDcl: number;
  dclToDone: number | null;
}

/** The extension's running service worker, if any (a new one after each stop). */
function currentWorker(context: BrowserContext): Worker | null {
  const workers = context.serviceWorkers();
  return workers[workers.length - 1] ?? null;
}

/**
 * `coldStart`: the worker was stopped before this load; its marks (from its start) are all this
 * page's. A warm worker's earlier marks are cleared first.
 */
async function measure(context: BrowserContext, url: string, expectDone: boolean, coldStart = false): Promise<PageRun> {
  const running = expectDone && !coldStart ? currentWorker(context) : null;
  if (running) await clearWorkerMarks(running);
  const page: Page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  // A run that never finishes is recorded without a time (and counted), not allowed to end the benchmark.
  const done = expectDone ? waitForDone(page) : null;
  await page.goto(url);
  if (done) {
    await done;
  } else {
    await page.waitForTimeout(1500);
  }
  await page.waitForTimeout(300);
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  const script = metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0;
  const probe = await page.evaluate(() => {
    const b = (window as unknown as { __bench: { longtasks: [number, number][]; done: number | null } }).__bench;
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return { longtasks: b.longtasks, done: b.done, dcl: nav.domContentLoadedEventEnd };
  });
  let traced: Split | null = null;
  let loading: LoadSplit | null = null;
  if (expectDone) {
    const worker = currentWorker(context);
    const marks = timeline(await pageMarks(page), worker ? await workerMarks(worker) : null);
    traced = split(marks);
    loading = loadSplit(marks);
  }
  await page.close();
  const after = probe.longtasks.filter(([start]) => start >= probe.dcl);
  return {
    split: traced,
    load: loading,
    scriptMs: script * 1000,
    longest: Math.max(0, ...probe.longtasks.map(([, d]) => d)),
    longCount: probe.longtasks.length,
    longestAfterDcl: Math.max(0, ...after.map(([, d]) => d)),
    longCountAfterDcl: after.length,
    dclToDone: probe.done === null ? null : probe.done - probe.dcl,
  };
}

/**
 * RUNS loads with the service worker warm (after one untimed load, in which the worker loads the
 * library's index), then RUNS with it stopped first, as Chrome stops it after 30 s idle.
 */
async function warmAndCold(launched: Launched, url: string): Promise<{ warm: PageRun[]; cold: PageRun[] }> {
  await measure(launched.context, url, true);
  const warm: PageRun[] = [];
  for (let r = 0; r < RUNS; r++) warm.push(await measure(launched.context, url, true));
  const cold: PageRun[] = [];
  for (let r = 0; r < RUNS; r++) {
    await stopServiceWorker(launched);
    cold.push(await measure(launched.context, url, true, true));
  }
  return { warm, cold };
}


const splits = (runs: PageRun[]): Split[] => runs.flatMap((r) => (r.split ? [r.split] : []));

const fmt = (s: Stats, digits = 0) => `${s.median.toFixed(digits)} (${s.min.toFixed(digits)}–${s.max.toFixed(digits)})`;

const BARE_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

interface BrowserFigures {
  bare: PageRun[];
  warm: PageRun[];
  cold: PageRun[];
  /** One more load of each kind, with a Chromium trace running: what its long tasks were made of. */
  tracedWarm: LongTask[];
  tracedCold: LongTask[];
}

/** The page without the extension, then with it (warm, then with the service worker stopped before each load). */
async function browserFigures(url: string): Promise<BrowserFigures> {
  // Without the extension: the same page, the same browser build.
  const bareProfile = mkdtempSync(join(tmpdir(), 'verbatim-bench-bare-'));
  const bareContext = await chromium.launchPersistentContext(bareProfile, { executablePath: CHROMIUM, headless: true, args: BARE_ARGS });
  await bareContext.addInitScript(PROBE);
  await measure(bareContext, url, false); // warm-up: the page's first load fills the caches
  const bare: PageRun[] = [];
  for (let r = 0; r < RUNS; r++) bare.push(await measure(bareContext, url, false));
  await bareContext.close();
  rmSync(bareProfile, { recursive: true, force: true });

  const launched = await launchWithExtension({ extensionDir: TRACED_EXTENSION });
  await launched.context.addInitScript(PROBE);
  const { warm, cold } = await warmAndCold(launched, url);
  // Apart from the timed runs (tracing slows the page down): what the long tasks are made of.
  const tracedWarm = await traceLongTasks(launched.context, url);
  await stopServiceWorker(launched);
  const tracedCold = await traceLongTasks(launched.context, url);
  await launched.close();
  return { bare, warm, cold, tracedWarm, tracedCold };
}

interface NodeFigures {
  extractFirst: number;
  detectFirst: number;
  extract: Stats;
  detect: Stats;
  longestStep: Stats;
  steps: number;
}

/**
 * extractArticle and detectQuotes on the page in Node (linkedom's DOM): the first call of each
 * (before the JIT has seen them: what a content script pays), then RUNS warm calls; and the
 * longest single step of detectQuotesInSteps, which bounds a slice in the content script.
 */
function nodeFigures(html: string): NodeFigures {
  const doc = parseHTML(html).document as unknown as Document;
  let t = performance.now();
  const article = extractArticle(doc);
  const extractFirst = performance.now() - t;
  t = performance.now();
  detectQuotes(article.text, article.explicit);
  const detectFirst = performance.now() - t;
  const extract = summarise(timeRuns(() => extractArticle(doc), RUNS, 2));
  const detect = summarise(timeRuns(() => detectQuotes(article.text, article.explicit), RUNS, 2));
  const longest: number[] = [];
  let steps = 0;
  for (let r = 0; r < RUNS; r++) {
    const gen = detectQuotesInSteps(article.text, article.explicit);
    let worst = 0;
    steps = 0;
    for (;;) {
      const s = performance.now();
      const step = gen.next();
      worst = Math.max(worst, performance.now() - s);
      steps++;
      if (step.done) break;
    }
    longest.push(worst);
  }
  return { extractFirst, detectFirst, extract, detect, longestStep: summarise(longest), steps };
}

function browserTable(f: BrowserFigures): string[] {
  const s = (runs: PageRun[], key: keyof PageRun) =>
    summarise(runs.map((r) => r[key]).filter((v): v is number => typeof v === 'number' && Number.isFinite(v)));
  const unfinished = (runs: PageRun[]) => runs.filter((r) => r.dclToDone === null).length;
  const row = (label: string, runs: PageRun[], done: boolean) =>
    `| ${label} | ${fmt(s(runs, 'scriptMs'))} | ${fmt(s(runs, 'longest'))} | ${fmt(s(runs, 'longCount'))} | ${fmt(s(runs, 'longestAfterDcl'))} | ${fmt(s(runs, 'longCountAfterDcl'))} | ${done ? fmt(s(runs, 'dclToDone')) + (unfinished(runs) ? `, ${unfinished(runs)} of ${runs.length} never done` : '') : '—'} |`;
  return [
    '| | main-thread script time, ms | longest task, ms | tasks over 50 ms | longest task after DOMContentLoaded, ms | tasks over 50 ms after it | DOMContentLoaded → verdicts painted, ms |',
    '|---|---|---|---|---|---|---|',
    row('without Verbatim', f.bare, false),
    row('with Verbatim, warm service worker', f.warm, true),
    row('with Verbatim, service worker stopped first', f.cold, true),
  ];
}

interface LibraryFigures {
  scale: 1 | 10;
  sources: number;
  words: number;
  packs: number;
  importMs: number;
  warm: Stats;
  cold: Stats;
  warmSplit: Split[];
  coldSplit: Split[];
  coldLoad: LoadSplit[];
  traces: (WorkerTrace | null)[]; // traced cold loads apart from the timed ones (traceColdWorker)
}

/** Cold loads recorded as traces for the worker's CPU and deoptimisations, apart from the timed ones. */
const TRACED_LOADS = 3;

/** Sources in a library pack, at most this many: each file stays well under the importer's 25 MB. */
const SOURCES_PER_PACK = 250;

/**
 * The sources as library packs of SOURCES_PER_PACK, as a newsroom would share them, written as
 * files in `folder` (the browser is handed their paths: the 10× library's 106 MB is more than it
 * takes as buffers); their paths.
 */
async function packFiles(sources: readonly Source[], folder: string): Promise<string[]> {
  const stored = await Promise.all(sources.map((s) => toStored(s)));
  const paths: string[] = [];
  for (let i = 0; i < stored.length; i += SOURCES_PER_PACK) {
    const path = join(folder, `sotu-${paths.length + 1}.verbatim.json`);
    writeFileSync(path, packJson(buildPack(stored.slice(i, i + SOURCES_PER_PACK))));
    paths.push(path);
  }
  return paths;
}

/**
 * A library imported into the extension through the library page, as packs, then the ordinary
 * article checked against it: with the service worker warm, and after stopping it, so that its
 * index is read back from IndexedDB (cold start). `scale` 1 is the 233 State of the Union
 * addresses (1.79 M words); 10 adds nine perturbed copies of each (17.7 M words, as `npm run
 * bench` builds it). The deoptimisations are counted at 1× only.
 */
async function libraryFigures(url: string, scale: 1 | 10): Promise<LibraryFigures> {
  const sotu = loadSotuLibrary();
  // The copies' ids (`<id>~<n>`) made pack ids: a pack allows letters, digits, '.', '_' and '-'.
  const sources = scale === 1 ? sotu : tenfoldLibrary(sotu).map((s) => ({ ...s, id: s.id.replace('~', '.copy-') }));
  const packFolder = mkdtempSync(join(tmpdir(), 'verbatim-bench-packs-'));
  const packs = await packFiles(sources, packFolder);
  progress(`the ${scale}× library: importing ${sources.length} sources as ${packs.length} pack${packs.length === 1 ? '' : 's'}`);
  const launched = await launchWithExtension({ extensionDir: TRACED_EXTENSION });
  try {
    await launched.context.addInitScript(PROBE);
    const options = await openLibraryPage(launched);
    const importStarted = performance.now();
    await options.setInputFiles('#file-input', packs);
    // The import's notice: every source added, or why none was.
    const notice = options.getByTestId('notice').filter({ hasText: /^Added \d+ sources\.|Nothing was imported/ });
    await notice.waitFor({ timeout: scale * 120_000 });
    const said = await notice.textContent();
    if (said !== `Added ${sources.length} sources.`) throw new Error(`the ${scale}× library was not imported: the library page says “${said}”`);
    const importMs = performance.now() - importStarted;
    await options.close();
    progress(`the ${scale}× library: imported; a first load, and its fold`);
    // One load, then the wait for its fold: the timed loads read the library as it is kept.
    await measure(launched.context, url, true);
    await untilFolded(launched);
    progress(`the ${scale}× library: warm and cold loads`);
    const { warm, cold } = await warmAndCold(launched, url);
    const traces: (WorkerTrace | null)[] = [];
    if (scale === 1) for (let r = 0; r < TRACED_LOADS; r++) traces.push(await traceColdWorker(launched, url));
    const done = (runs: PageRun[]) => summarise(runs.map((r) => r.dclToDone ?? Number.NaN));
    return {
      scale,
      sources: sources.length,
      words: sources.reduce((n, s) => n + countWords(s.text), 0),
      packs: packs.length,
      importMs,
      warm: done(warm),
      cold: done(cold),
      warmSplit: splits(warm),
      coldSplit: splits(cold),
      coldLoad: cold.flatMap((r) => (r.load ? [r.load] : [])),
      traces,
    };
  } finally {
    await launched.close();
    rmSync(packFolder, { recursive: true, force: true });
  }
}

/**
 * Waits until the worker has folded what its first load read from separate rows: the index rows
 * into the snapshot, and the texts into the texts fold (see LibraryService.storeSnapshotLater).
 * Read from an extension page that reads nothing else (the library page would read every text).
 */
async function untilFolded(launched: Launched): Promise<void> {
  const page = await launched.context.newPage();
  try {
    await page.goto(`chrome-extension://${launched.extensionId}/manifest.json`);
    const deadline = performance.now() + 600_000;
    for (;;) {
      // Separate index rows, snapshots and texts folds kept now.
      const [separate, snapshots, folds] = await page.evaluate(
        () =>
          new Promise<number[]>((resolve, reject) => {
            const open = indexedDB.open('verbatim');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const db = open.result;
              const tx = db.transaction(['indexes', 'snapshot', 'texts'], 'readonly');
              const counts = ['indexes', 'snapshot', 'texts'].map((name) => tx.objectStore(name).count());
              tx.oncomplete = () => {
                db.close();
                resolve(counts.map((c) => c.result));
              };
              tx.onerror = () => reject(tx.error);
            };
          }),
      );
      if (separate === 0 && snapshots === 1 && folds === 1) return;
      if (performance.now() > deadline) throw new Error(`the library was not folded after its first load (${separate} separate index rows, ${snapshots} snapshots, ${folds} texts folds)`);
      await page.waitForTimeout(500);
    }
  } finally {
    await page.close();
  }
}

/** The report's section for one library's figures. */
function librarySection(library: LibraryFigures): string[] {
  const lines = [
    library.scale === 1
      ? `## The ordinary article against the 1× library: ${library.sources} State of the Union addresses, ${(library.words / 1e6).toFixed(2)} M words`
      : `## The ordinary article against the 10× library: the ${library.sources / 10} addresses and nine perturbed copies of each, ${library.sources.toLocaleString('en-GB')} sources, ${(library.words / 1e6).toFixed(2)} M words`,
    '',
    `Imported as ${library.packs === 1 ? 'one pack' : `${library.packs} packs at once`} through the library page in ${(library.importMs / 1000).toFixed(1)} s (reading, indexing and writing every source and its index row).`,
    '',
    '| | DOMContentLoaded → verdicts painted, ms |',
    '|---|---|',
    `| warm service worker (index in memory) | ${fmt(library.warm)} |`,
    `| service worker stopped first (index read back from IndexedDB: cold start) | ${fmt(library.cold)} |`,
    '',
  ];
  if (library.scale === 1) {
    lines.push(
      'The cold-start target (first verdicts under 300 ms at 1.8 M words) is read two ways below: from DOMContentLoaded, once the reader\'s article is there, and from the service worker\'s start, when nothing of the library is in memory yet (Chrome starts the worker for the page\'s navigation, so it usually starts before DOMContentLoaded).',
      '',
    );
  } else {
    lines.push('No target is set at this size: the figures show how the cold start grows with the library.', '');
  }
  lines.push(
    ...splitTable([
      { label: 'warm service worker', runs: library.warmSplit },
      { label: 'service worker stopped first', runs: library.coldSplit },
    ]),
    '',
    'The cold start\'s library loading, step by step (the background\'s marks as `loadLibraryIndex` reports each step):',
    '',
    ...loadSplitTable(library.coldLoad),
    '',
  );
  if (library.traces.length > 0) {
    const each = (read: (t: WorkerTrace) => string) => library.traces.map((t) => (t === null ? 'not read' : read(t))).join(', ');
    lines.push(
      `In ${TRACED_LOADS} more cold loads recorded as Chromium traces (not among the timed ones), from the library load's start to the first batch checked:`,
      '',
      `- the service worker's thread used ${each((t) => t.workerCpu.toFixed(0))} ms of CPU: the worker's own work, which a loaded machine's wall clock spreads out (docs/performance-history.md, "The cold start's time, thread by thread");`,
      `- V8's background compiles of the worker's code (Maglev, Turbofan) used ${each((t) => t.compileCpu.toFixed(0))} ms of CPU, on the core the worker does not hold;`,
      `- V8 threw away optimised code on the worker's thread ${each((t) => String(t.deopts))} times, and interpreted the work after it again (docs/performance-history.md, "Deoptimisations in the cold worker").`,
      '',
    );
  }
  return lines;
}

async function main(): Promise<void> {
  const nodeOnly = process.argv.includes('--node-only');
  const write = !process.argv.includes('--no-write') && !nodeOnly && !process.argv.includes('--library-only'); // the file keeps the browser figures
  const articles = [longArticle(), ordinaryArticle()];
  // The same long article once more, on a page whose load event waits for a picture.
  const pages = [...articles, withPictureLoading(articles[0])];
  const folder = mkdtempSync(join(tmpdir(), 'verbatim-bench-browser-'));
  pages.forEach((a, i) => writeFileSync(join(folder, `page-${i}.html`), a.html));
  writeFileSync(join(folder, PICTURE), ONE_PIXEL_GIF); // what it shows does not matter, only that the load event waits for it
  const served = await serveFolder(folder, undefined, { [PICTURE]: PICTURE_HELD_MS });

  const nodeRows = articles.map((a) => ({ article: a, figures: nodeFigures(a.html) }));
  // The extension as shipped, with its timing marks on (they cost microseconds), built apart.
  if (!nodeOnly) buildTraced();
  const browserRows: { article: BenchArticle; figures: BrowserFigures }[] = [];
  // --library-only: just the library section (the articles' pages are still served for its page).
  if (!nodeOnly && !process.argv.includes('--library-only')) {
    for (const [i, article] of pages.entries()) {
      progress(article.name);
      browserRows.push({ article, figures: await browserFigures(`${served.origin}/page-${i}.html`) });
    }
  }
  // --no-library: neither library section; --no-tenfold: the 1× library's only.
  const libraries: LibraryFigures[] = [];
  if (!nodeOnly && !process.argv.includes('--no-library')) {
    libraries.push(await libraryFigures(`${served.origin}/page-1.html`, 1));
    if (!process.argv.includes('--no-tenfold')) libraries.push(await libraryFigures(`${served.origin}/page-1.html`, 10));
  }
  await served.close();
  rmSync(folder, { recursive: true, force: true });

  const commit = (() => {
    try {
      return execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim();
    } catch {
      return 'unknown';
    }
  })();
  const describe = (a: BenchArticle) => `${a.name}: ${a.words.toLocaleString('en-GB')} words, ${a.quotes} quotes (a third from the starter library)`;
  const lines = [
    '# Verbatim in Chromium: the content script on long articles',
    '',
    `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, commit ${commit}, headless Chromium (${CHROMIUM}), Node ${process.version}, ${cpus().length} cores, load average ${loadavg()[0].toFixed(1)} at the start.`,
    `Each figure: ${RUNS} runs after one untimed warm-up run, median (min–max). The extension is the build made with timing marks on (\`VERBATIM_TRACE=1\`, in \`.output/trace/\`); \`npm run bench:browser\` writes this file.`,
    '',
  ];
  for (const { article, figures } of browserRows) {
    lines.push(
      `## ${describe(article)}`,
      '',
      ...browserTable(figures),
      '',
      'Where the time goes (the traced build\'s marks; the page\'s and the service worker\'s clocks put on one):',
      '',
      ...splitTable([
        { label: 'warm service worker', runs: splits(figures.warm) },
        { label: 'service worker stopped first', runs: splits(figures.cold) },
      ]),
      '',
      'What the tasks over 50 ms after DOMContentLoaded were made of, in one more load of each kind recorded as a Chromium trace (self time by kind of work, ms; tracing itself slows the page, so these loads are not among the timed ones; the trace counts from the DOMContentLoaded mark, so the page\'s own first layout can show here as a task of layout):',
      '',
      'Warm service worker:',
      '',
      ...longTaskLines(figures.tracedWarm),
      '',
      'Service worker stopped first:',
      '',
      ...longTaskLines(figures.tracedCold),
      '',
    );
  }
  for (const library of libraries) lines.push(...librarySection(library));
  lines.push(
    '## The engine alone, in Node (linkedom)',
    '',
    '| page | extractArticle first call, ms | extractArticle warm, ms | detectQuotes first call, ms | detectQuotes warm, ms | detectQuotesInSteps: steps, longest step (warm), ms |',
    '|---|---|---|---|---|---|',
    ...nodeRows.map(
      ({ article, figures: f }) =>
        `| ${article.name} | ${f.extractFirst.toFixed(1)} | ${fmt(f.extract, 1)} | ${f.detectFirst.toFixed(1)} | ${fmt(f.detect, 1)} | ${f.steps}, ${fmt(f.longestStep, 2)} |`,
    ),
    '',
    'Targets: no task over 50 ms; verdicts within 200 ms of the article being in the DOM.',
    '',
  );
  const report = lines.join('\n');
  process.stdout.write(report);
  if (write) writeFileSync(REPORT_FILE, withReport(existsSync(REPORT_FILE) ? readFileSync(REPORT_FILE, 'utf8') : '', report));
}

const REPORT_FILE = 'BENCHMARKS-browser.md';
const BEGIN = '<!-- bench:browser begin: written by npm run bench:browser -->';
const END = '<!-- bench:browser end -->';

/** The file with its measured part replaced, keeping the notes written around it. */
export function withReport(file: string, report: string): string {
  const block = `${BEGIN}\n${report}${END}\n`;
  const from = file.indexOf(BEGIN);
  const to = file.indexOf(END);
  if (from < 0 || to < from) return block + file;
  return file.slice(0, from) + block + file.slice(to + END.length).replace(/^\n/, '');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err) => {
    process.stderr.write(`${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    process.exit(1);
  });
}
