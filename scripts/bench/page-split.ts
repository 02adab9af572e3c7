// Where the time goes between the article being in the DOM and its highlights, in Chromium: the
// timing marks of the traced build (lib/page/trace.ts) from the page and from the service worker,
// put on one clock and cut into phases. Used by `npm run bench:browser`.
import { execSync } from 'node:child_process';
import { join } from 'node:path';
import type { BrowserContext, CDPSession, Page, Worker } from 'playwright-core';
import { type Launched, ROOT, stopServiceWorker } from '../../tests/e2e/harness';
import { summarise, type Stats } from './timing';

/** Where the benchmark's traced build goes (wxt.config.ts sends VERBATIM_TRACE=1 builds there). */
export const TRACED_EXTENSION = join(ROOT, '.output/trace/chrome-mv3');

/** Builds the extension with its timing marks on (a few seconds). */
export function buildTraced(): void {
  execSync('npx wxt build', { cwd: ROOT, env: { ...process.env, VERBATIM_TRACE: '1' }, stdio: 'ignore' });
}

/** Marks by name, in ms since the page's time origin. */
type Marks = Map<string, number>;

interface Timeline {
  dcl: number;
  page: Marks;
  worker: Marks;
  /** When the service worker started, on the page's clock (null when it was not read). */
  workerStart: number | null;
}

/** The page's marks and DOMContentLoaded, with epoch time origin for the worker's clock. */
export async function pageMarks(page: Page): Promise<{ dcl: number; origin: number; marks: [string, number][] }> {
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return {
      dcl: nav.domContentLoadedEventEnd,
      origin: performance.timeOrigin,
      marks: performance
        .getEntriesByType('mark')
        .filter((m) => m.name.startsWith('verbatim:'))
        .map((m) => [m.name.slice('verbatim:'.length), m.startTime] as [string, number]),
    };
  });
}

/** The service worker's marks and its time origin (epoch ms). */
export async function workerMarks(worker: Worker): Promise<{ origin: number; marks: [string, number][] } | null> {
  try {
    return await worker.evaluate(() => ({
      origin: performance.timeOrigin,
      marks: performance
        .getEntriesByType('mark')
        .filter((m) => m.name.startsWith('verbatim:'))
        .map((m) => [m.name.slice('verbatim:'.length), m.startTime] as [string, number]),
    }));
  } catch {
    return null; // the worker went away meanwhile
  }
}

/** Forgets the worker's marks, so that the next page's are its own. */
export async function clearWorkerMarks(worker: Worker): Promise<void> {
  await worker.evaluate(() => performance.clearMarks()).catch(() => undefined);
}

export function timeline(
  page: { dcl: number; origin: number; marks: [string, number][] },
  worker: { origin: number; marks: [string, number][] } | null,
): Timeline {
  const shift = worker ? worker.origin - page.origin : 0;
  return {
    dcl: page.dcl,
    page: new Map(page.marks),
    worker: new Map((worker?.marks ?? []).map(([n, t]) => [n, t + shift])),
    workerStart: worker ? shift : null,
  };
}

/** The phases of one page load, in ms (NaN where a mark is missing). */
export interface Split {
  /** DOMContentLoaded → the content script's code begins to run (injected at document_end, parsed). */
  inject: number;
  /** The content script's code evaluated, up to its main(). */
  evalContent: number;
  /** The content script's start → its scan begins (the wait for the page's first frame and for the settings; the article is read once the frame is drawn). */
  start: number;
  /** extractArticle (while the settings are on their way, or after them in a later scan). */
  read: number;
  /** Quote detection, in slices (wall time), until the first batch's quotes are final. */
  detect: number;
  /** The first batch's quotes final → the batch sent (its queries and ranges). */
  prepare: number;
  /** Quote detection to its end (wall time); it overlaps the later batches' preparing and checking. */
  detectAll: number;
  /** The first batch: page → background. */
  out: number;
  /** The first batch waits for the library (its loading, on a cold start). */
  wait: number;
  /** The first batch checked in the background. */
  check: number;
  /** The first batch's answer: background → page. */
  back: number;
  /** Its highlights painted. */
  paint: number;
  /** DOMContentLoaded → the first highlights. */
  first: number;
  /** Cold start: the service worker started (nothing in memory) → the first highlights. */
  firstFromStart: number;
  /** All batches: the background's checking time, summed. */
  checkAll: number;
  /** DOMContentLoaded → every verdict painted. */
  all: number;
  batches: number;
  /** Cold start: DOMContentLoaded → the service worker started (negative: before it). */
  workerStart: number;
  /** Cold start: the worker's start → its script evaluated (background.js). */
  evaluate: number;
  /** Cold start: the library's loading from IndexedDB into the in-memory index. */
  load: number;
  /**
   * Cold start: how much of that loading was left when the first batch was sent. The worker's
   * thread is busy loading meanwhile, so the batch's message is only received after it.
   */
  loadLeft: number;
}

export function split(t: Timeline): Split {
  const p = (name: string) => t.page.get(name) ?? Number.NaN;
  const w = (name: string) => t.worker.get(name) ?? Number.NaN;
  let batches = 0;
  while (t.page.has(`sent:${batches}`)) batches++;
  // The worker numbers the checks it received; this page's first is the lowest number it holds.
  const received = [...t.worker.keys()].filter((k) => k.startsWith('bg:received:')).map((k) => Number(k.split(':')[2]));
  const b0 = received.length ? Math.min(...received) : 0;
  let checkAll = 0;
  for (let i = 0; i < batches; i++) checkAll += w(`bg:checked:${b0 + i}`) - w(`bg:loaded:${b0 + i}`);
  const cold = t.worker.has('bg:main');
  // The article is read while the settings are on their way (builds before that read it after
  // them, and have no `read` mark): detection begins once both are done.
  const detectFrom = Math.max(p('extracted'), p('scan'));
  const firstPainted = batches ? p('painted:0') : p('done');
  return {
    inject: p('script') - t.dcl,
    evalContent: p('main') - p('script'),
    start: p('scan') - p('main'),
    read: p('extracted') - (t.page.has('read') ? p('read') : p('scan')),
    // Builds before detection was overlapped with the batches have no first-ready mark.
    detect: (t.page.has('first-ready') ? p('first-ready') : p('detected')) - detectFrom,
    prepare: p('sent:0') - (t.page.has('first-ready') ? p('first-ready') : p('detected')),
    detectAll: p('detected') - detectFrom,
    out: w(`bg:received:${b0}`) - p('sent:0'),
    wait: w(`bg:loaded:${b0}`) - w(`bg:received:${b0}`),
    check: w(`bg:checked:${b0}`) - w(`bg:loaded:${b0}`),
    back: p('answered:0') - w(`bg:checked:${b0}`),
    paint: p('painted:0') - p('answered:0'),
    first: firstPainted - t.dcl,
    firstFromStart: cold && t.workerStart !== null ? firstPainted - t.workerStart : Number.NaN,
    checkAll: batches ? checkAll : Number.NaN,
    all: p('done') - t.dcl,
    batches,
    workerStart: cold && t.workerStart !== null ? t.workerStart - t.dcl : Number.NaN,
    evaluate: cold ? w('bg:main') - (t.workerStart ?? Number.NaN) : Number.NaN,
    load: cold ? w('bg:warmed') - w('bg:warm-up') : Number.NaN,
    loadLeft: cold ? Math.max(0, w('bg:warmed') - p('sent:0')) : Number.NaN,
  };
}

const PHASES: [keyof Split, string][] = [
  ['inject', 'DOMContentLoaded → content script begins to run'],
  ['evalContent', 'content script evaluated, up to its main()'],
  ['start', 'content script runs → scan starts (waits for the page\'s first frame and the settings; the article is read once the frame is drawn)'],
  ['read', 'read the article (extractArticle; overlaps the settings read)'],
  ['detect', 'detect quotes, until the first batch\'s are final (in slices)'],
  ['prepare', 'prepare the first batch'],
  ['detectAll', 'detect quotes, to the end (overlaps the later batches)'],
  ['workerStart', 'service worker started, from DOMContentLoaded (negative: before it)'],
  ['evaluate', 'evaluate background.js'],
  ['load', 'load the library (IndexedDB → index)'],
  ['loadLeft', 'library loading still to do when the first batch is sent'],
  ['out', 'first batch: message to the background (received once the worker is free)'],
  ['wait', 'first batch: waits for the library'],
  ['check', 'first batch: checked'],
  ['back', 'first batch: answer back to the page'],
  ['paint', 'first batch: painted'],
  ['first', 'DOMContentLoaded → first highlights'],
  ['firstFromStart', 'service worker started (nothing in memory) → first highlights'],
  ['checkAll', 'all batches: checking in the background (sum)'],
  ['all', 'DOMContentLoaded → all verdicts painted'],
];

const cell = (s: Stats) => (Number.isFinite(s.median) ? `${s.median.toFixed(1)} (${s.min.toFixed(1)}–${s.max.toFixed(1)})` : '—');

/**
 * Cold start: the library's loading (`load` above) in its steps, from the marks the traced
 * background makes as `loadLibraryIndex` reports each one (see LoadPhase in
 * lib/library/stored-index.ts), each timed from the end of the one before. The sources are read
 * while the rows are unpacked, so their step is only the wait left after unpacking.
 */
export interface LoadSplit {
  open: number;
  lexiconRead: number;
  rows: number;
  lexicon: number;
  unpack: number;
  sources: number;
  build: number;
  addAll: number;
  rest: number;
  total: number;
}

// Each step of a load ends at one of these marks; its time runs from the mark before it in time
// (the index is built from the rows before the sources are in, or after them when a row is stale).
const LOAD_STEPS: [Exclude<keyof LoadSplit, 'total'>, string][] = [
  ['open', 'bg:load:opened'],
  ['lexiconRead', 'bg:load:lexicon-read'],
  ['lexicon', 'bg:load:lexicon'],
  ['rows', 'bg:load:rows-read'],
  ['unpack', 'bg:load:unpacked'],
  ['addAll', 'bg:load:added'],
  ['sources', 'bg:load:sources-read'],
  ['build', 'bg:load:built'],
  ['rest', 'bg:warmed'],
];

export function loadSplit(t: Timeline): LoadSplit | null {
  if (!t.worker.has('bg:main') || !t.worker.has('bg:load:added')) return null;
  const w = (name: string) => t.worker.get(name) ?? Number.NaN;
  const ends = LOAD_STEPS.map(([key, mark]) => ({ key, at: w(mark) })).sort((a, b) => a.at - b.at);
  const out = { total: w('bg:warmed') - w('bg:warm-up') } as LoadSplit;
  let before = w('bg:warm-up');
  for (const { key, at } of ends) {
    out[key] = at - before;
    before = at;
  }
  return out;
}

const LOAD_PHASES: [keyof LoadSplit, string][] = [
  ['open', 'open the database, start the first read\'s transaction'],
  ['lexiconRead', 'read the lexicon row (alone: the rows are asked for once it is in)'],
  ['lexicon', 'decode the lexicon and its stored stems (without usable stems, its words are stemmed in pieces while reads are awaited)'],
  ['rows', 'read the index rows (the snapshot, one value, with the separate rows written since it, usually none): what is left of it once the lexicon is decoded'],
  ['unpack', 'unpack the index rows'],
  ['addAll', 'add them to the index (addAll; before the sources are in when every row is usable)'],
  ['sources', 'read every source (texts included; asked for once the rows are in): what is left of it once the rows are unpacked and added'],
  ['build', 'check the sources against their rows (and index those without a current row)'],
  ['rest', 'the service\'s maps of source details'],
  ['total', 'load the library, in all'],
];

/** A Markdown table of a cold start's library loading, step by step. */
export function loadSplitTable(runs: LoadSplit[]): string[] {
  return [
    '| library loading step (cold start), ms | median (min–max) |',
    '|---|---|',
    ...LOAD_PHASES.map(([key, label]) => `| ${label} | ${cell(summarise(runs.map((r) => r[key]).filter((v) => Number.isFinite(v))))} |`),
  ];
}

/** A Markdown table of the phases, one column per set of runs (e.g. warm, cold). */
export function splitTable(columns: { label: string; runs: Split[] }[]): string[] {
  const stats = (runs: Split[], key: keyof Split) => summarise(runs.map((r) => r[key]).filter((v) => Number.isFinite(v)));
  const batches = columns.map((c) => stats(c.runs, 'batches').median);
  return [
    `| phase, ms | ${columns.map((c) => c.label).join(' | ')} |`,
    `|---|${columns.map(() => '---').join('|')}|`,
    ...PHASES.map(([key, label]) => `| ${label} | ${columns.map((c) => cell(stats(c.runs, key))).join(' | ')} |`),
    `| batches sent | ${batches.map((b) => (Number.isFinite(b) ? String(b) : '—')).join(' | ')} |`,
  ];
}

// ---------------------------------------------------------------------------------------------
// What fills the long tasks: one page load recorded as a Chromium trace (the DevTools timeline's
// categories), its main-thread tasks over 50 ms after DOMContentLoaded broken down by the kind of
// work inside them (script, style, layout, paint, …). The longtask observer says how long a task
// was; only the trace says whether it was the content script's code or the browser redrawing.

/** One trace event, as Chromium's tracing reports it (only the fields read here). */
export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number; // the thread's CPU time in the event (µs), where the trace records it
  pid: number;
  tid: number;
}

/** A main-thread task over 50 ms: when it started (ms after DOMContentLoaded), how long, what filled it. */
export interface LongTask {
  start: number;
  duration: number;
  /** Kinds of work by the time spent in them (ms, self time), largest first. */
  kinds: [string, number][];
}

/** The kind of work a trace event stands for, from its name; null for the task's own wrappers. */
export function workKind(name: string): string | null {
  if (/RunTask|OnHandleReady|Receive mojo message|BeginMainFrame|UpdateLifecycle$/.test(name)) return null;
  if (/^V8\.GC|GC$|Scavenge/i.test(name)) return 'garbage collection';
  if (/compile/i.test(name)) return 'script compile';
  if (/^v8\.|EvaluateScript|FunctionCall|Microtask|TimerFire|AsyncTask|EventDispatch|PostMessage|MessagePort|SerializedScriptValue/.test(name)) return 'script';
  if (/Style|CSS|Animation/.test(name)) return 'style';
  if (/Layout|Shape|InlineNode/.test(name)) return 'layout';
  if (/PrePaint/.test(name)) return 'pre-paint';
  if (/Paint/.test(name)) return 'paint';
  if (/Composit|Layerize|Commit|UpdateLayer/.test(name)) return 'compositing';
  if (/Parse|Tokeniz|Preload|Decode/.test(name)) return 'parsing';
  return 'other';
}

/**
 * The tasks over 50 ms on the page's main thread (the thread that holds the traced build's marks),
 * from DOMContentLoaded on, each with its self time summed by kind of work.
 */
export function longTasksOf(events: readonly TraceEvent[], overMs = 50): LongTask[] {
  const mark = events.find((e) => e.name.startsWith('verbatim:'));
  if (!mark) return [];
  const main = events.filter((e) => e.pid === mark.pid && e.tid === mark.tid);
  const dcl = main.find((e) => e.name === 'MarkDOMContent')?.ts;
  if (dcl === undefined) return [];
  const end = (e: TraceEvent) => e.ts + (e.dur ?? 0);
  const slices = main.filter((e) => e.ph === 'X').sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const tasks = slices.filter((e) => e.name === 'ThreadControllerImpl::RunTask' && (e.dur ?? 0) > overMs * 1000 && e.ts >= dcl);
  return tasks.map((task) => {
    // Self time: each slice's duration less its children's, charged to its kind (wrappers pass it on).
    const inside = slices.filter((e) => e !== task && e.ts >= task.ts && end(e) <= end(task));
    const self = new Map<TraceEvent, number>();
    const stack: TraceEvent[] = [];
    for (const e of inside) {
      while (stack.length > 0 && end(stack[stack.length - 1]) <= e.ts) stack.pop();
      const parent = stack[stack.length - 1];
      if (parent) self.set(parent, (self.get(parent) ?? 0) - (e.dur ?? 0));
      self.set(e, (self.get(e) ?? 0) + (e.dur ?? 0));
      stack.push(e);
    }
    const kinds = new Map<string, number>();
    for (const [e, us] of self) {
      const kind = workKind(e.name);
      if (kind !== null && us > 0) kinds.set(kind, (kinds.get(kind) ?? 0) + us / 1000);
    }
    return {
      start: (task.ts - dcl) / 1000,
      duration: (task.dur ?? 0) / 1000,
      kinds: [...kinds].sort((a, b) => b[1] - a[1]),
    };
  });
}

/** The DevTools timeline's categories, with the traced build's marks (blink.user_timing). */
const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'blink.user_timing', 'loading', 'v8'].join(',');

/** What the benchmark's probe (an init script) logs once the page's verdicts are painted. */
export const DONE_SIGNAL = 'verbatim-bench:done';

/**
 * Resolves once the probe reports the verdicts painted (or after 30 s): listening to the console
 * puts nothing in the page, where polling it with an evaluation would inject Playwright's script.
 */
export function waitForDone(page: Page): Promise<void> {
  return page
    .waitForEvent('console', { predicate: (m) => m.text() === DONE_SIGNAL, timeout: 30_000 })
    .then(() => undefined, () => undefined);
}

/** The trace events of `categories` recorded by `cdp` while `run` runs. */
async function traceWhile(cdp: CDPSession, categories: string, run: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (data) => {
    events.push(...(data.value as unknown as TraceEvent[]));
  });
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { categories, transferMode: 'ReportEvents' });
  try {
    await run();
  } finally {
    await cdp.send('Tracing.end');
    await complete;
  }
  return events;
}

/** Loads `url` in `page` until the context's probe reports its verdicts painted. */
async function loadUntilDone(page: Page, url: string): Promise<void> {
  const done = waitForDone(page);
  await page.goto(url);
  await done;
}

/** Loads `url` once in a new tab with a Chromium trace running, until its verdicts are painted. */
export async function traceLongTasks(context: BrowserContext, url: string): Promise<LongTask[]> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    const events = await traceWhile(cdp, TRACE_CATEGORIES, async () => {
      await loadUntilDone(page, url);
      await page.waitForTimeout(300); // the last highlights' frame
    });
    return longTasksOf(events);
  } finally {
    await page.close();
  }
}

/** What one traced cold load shows of the service worker, from the library load's start to the first batch checked. */
export interface WorkerTrace {
  deopts: number; // times V8 threw away optimised code on the worker's thread
  workerCpu: number; // ms of CPU the worker's thread spent in its tasks
  compileCpu: number; // ms of CPU V8's background compiles (Maglev, Turbofan) took in the worker's process
}

/** V8's background compile jobs, one event each (the task around each, `V8.MaglevTask` or `V8.TurbofanTask`, is not counted again). */
const COMPILE_JOBS = new Set(['V8.MaglevBackground', 'V8.OptimizeBackground']);

/**
 * WorkerTrace from a browser-wide trace's events; null when the worker's marks are missing. An
 * event that straddles the window's edge counts by the share of it inside.
 */
export function workerTraceOf(events: readonly TraceEvent[]): WorkerTrace | null {
  const to = events.find((e) => e.name === 'verbatim:bg:checked:0');
  const from = events.filter((e) => e.name === 'verbatim:bg:load:opened' && to && e.ts <= to.ts).pop();
  if (!from || !to) return null;
  const cpuInside = (e: TraceEvent): number => {
    if (!e.dur || e.tdur === undefined) return 0;
    const inside = Math.min(e.ts + e.dur, to.ts) - Math.max(e.ts, from.ts);
    return inside > 0 ? (e.tdur * inside) / e.dur : 0;
  };
  let deopts = 0;
  let workerCpu = 0;
  let compileCpu = 0;
  for (const e of events) {
    if (e.pid !== from.pid) continue;
    const onWorker = e.tid === from.tid;
    if (onWorker && e.name === 'V8.DeoptimizeCode' && e.ts >= from.ts && e.ts <= to.ts) deopts++;
    else if (e.ph === 'X' && onWorker && e.name === 'ThreadControllerImpl::RunTask') workerCpu += cpuInside(e);
    else if (e.ph === 'X' && COMPILE_JOBS.has(e.name)) compileCpu += cpuInside(e);
  }
  return { deopts, workerCpu: workerCpu / 1000, compileCpu: compileCpu / 1000 };
}

/**
 * One cold load of `url` recorded as a browser-wide trace, read as a WorkerTrace: the worker is
 * stopped and the page loaded inside the trace (a page's trace does not see the worker, and
 * stopping it may wake it again, through the tab that stops it); null when the worker's marks
 * are missing. Deoptimisations count loops that keep losing their optimised code; the CPU figures
 * are what a loaded machine's wall clock hides: the worker's own work, and the compiles of its
 * code that take the other core.
 */
export async function traceColdWorker(launched: Launched, url: string): Promise<WorkerTrace | null> {
  const browser = launched.context.browser();
  if (!browser) return null;
  const cdp = await browser.newBrowserCDPSession();
  const opened: Page[] = [];
  let events: TraceEvent[];
  try {
    events = await traceWhile(cdp, 'blink.user_timing,toplevel,v8,disabled-by-default-v8.compile', async () => {
      await stopServiceWorker(launched);
      const page = await launched.context.newPage();
      opened.push(page);
      await loadUntilDone(page, url);
    });
  } finally {
    await cdp.detach();
    for (const page of opened) await page.close();
  }
  return workerTraceOf(events);
}

/** One line per long task: "61 ms at +780 ms: paint 24, compositing 15, pre-paint 9". */
export function longTaskLines(tasks: readonly LongTask[]): string[] {
  if (tasks.length === 0) return ['- none over 50 ms after DOMContentLoaded'];
  return tasks.map(
    (t) =>
      `- ${t.duration.toFixed(0)} ms at +${t.start.toFixed(0)} ms: ` +
      t.kinds
        .filter(([, ms]) => ms >= 1)
        .slice(0, 4)
        .map(([kind, ms]) => `${kind} ${ms.toFixed(0)}`)
        .join(', '),
  );
}
