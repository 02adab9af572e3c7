// `npm run bench`: how fast the engine is, measured on this machine, next to two simple baselines
// run in the same process on the same quotes. Prints a table and writes BENCHMARKS.md.
//   --seed N    generator seed for the checked article (1)
//   --out FILE  where the report goes (BENCHMARKS.md); --no-write to only print
//   --quick     the State of the Union library only, fewer runs, no approximate baseline (about a minute)
//   --copies N  perturbed copies of each address in the large library (9: ten times the words)
//   --json FILE also write the figures as JSON
//   --render FILE  rewrite the report from figures saved with --json (and the current analysis.md), measuring nothing
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, platform, release, arch } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseHTML } from 'linkedom';
import { checkQuote, LibraryIndex } from '../lib/match/index';
import { detectQuotes, extractArticle, quoteContext } from '../lib/quotes/index';
import type { QuoteCheck, QuoteQuery, Source, Verdict } from '../lib/types';
import { approximateSearch, APPROX_ERROR_BUDGET, exactSearch, normaliseQuote, normaliseSources } from './bench/baselines';
import { coldStart, dropLibrary, storeLibrary } from './bench/cold-start';
import { articleText, markedText, singleNodePage } from './bench/inputs';
import { formatReport, type BenchFigures, type LibraryFigures, type Row } from './bench/report';
import { tenfoldLibrary, PERTURB_RATE } from './bench/tenfold';
import { collectGarbage, heapUsed, progressLine, scale, summarise, timeRuns } from './bench/timing';
import { generatePages } from './eval/generate';
import { loadSotuLibrary } from './eval/library';

/** Truth verdicts whose quote is not the source's words as they stand: where a fuzzy matcher earns its keep. */
const NOT_EXACT: ReadonlySet<Verdict> = new Set(['minor', 'elided', 'altered', 'partial', 'spliced']);
/** Every n-th quote is timed with the approximate baseline; the rest of its cost is extrapolated. */
const APPROX_SUBSET_STEP = 5;

interface Args {
  seed: number;
  out: string | null;
  quick: boolean;
  copies: number;
  json: string | null;
  render: string | null;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { seed: 1, out: 'BENCHMARKS.md', quick: false, copies: 9, json: null, render: null };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--seed') args.seed = Number(argv[++i]);
    else if (argv[i] === '--out') args.out = argv[++i] ?? null;
    else if (argv[i] === '--no-write') args.out = null;
    else if (argv[i] === '--quick') args.quick = true;
    else if (argv[i] === '--copies') args.copies = Number(argv[++i]);
    else if (argv[i] === '--json') args.json = argv[++i] ?? null;
    else if (argv[i] === '--render') args.render = argv[++i] ?? null;
    else throw new Error(`unknown option ${argv[i]}`);
  }
  if (!Number.isInteger(args.seed)) throw new Error('--seed wants a whole number');
  if (!Number.isInteger(args.copies) || args.copies < 1) throw new Error('--copies wants a whole number ≥ 1');
  return args;
}

const started = performance.now();
const loadAtStart = loadavg()[0];
const ANALYSIS = new URL('./bench/analysis.md', import.meta.url);
const progress = (message: string) => progressLine(started, message);

function gitCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

function librarySize(sources: readonly Source[]): { sources: number; words: number; chars: number; bytes: number } {
  return {
    sources: sources.length,
    words: sources.reduce((n, s) => n + (s.text.match(/\S+/g)?.length ?? 0), 0),
    chars: sources.reduce((n, s) => n + s.text.length, 0),
    bytes: sources.reduce((n, s) => n + Buffer.byteLength(s.text, 'utf8'), 0),
  };
}

/**
 * Index build (repeated), heap held by the index, stored size, warm checks and a cold start from
 * the database, for one library. The index of the last build run is returned for the baselines' recall.
 */
async function measureLibrary(
  label: string,
  sources: Source[],
  queries: readonly QuoteQuery[],
  runs: { build: number; check: number; cold: number },
): Promise<{ figures: LibraryFigures; checks: QuoteCheck[] }> {
  const size = librarySize(sources);
  const buildSamples: number[] = [];
  let index: LibraryIndex | null = null;
  let heapBytes = 0;
  let heapBefore = 0;
  for (let r = 0; r < runs.build; r++) {
    progress(`${label}: building the index over ${sources.length} sources, ${(size.words / 1e6).toFixed(1)} M words (run ${r + 1}/${runs.build})`);
    index = null;
    const before = heapUsed();
    if (r === 0) heapBefore = before;
    const t = performance.now();
    const built = LibraryIndex.fromSources(sources);
    buildSamples.push(performance.now() - t);
    built.compact(); // held as the service worker holds its index
    // First run only: afterwards the previous run's index may still be held by a stale stack slot.
    if (r === 0) heapBytes = heapUsed() - before;
    index = built;
  }
  const libraryIndex = index as LibraryIndex;

  let checks: QuoteCheck[] = [];
  progress(`${label}: checking ${queries.length} quotes, warm (${runs.check} runs)`);
  // Three untimed runs first, as for detection: the first builds what quotes need on first use
  // and the JIT settles over the next ones.
  const check = summarise(timeRuns(() => {
    checks = queries.map((q) => checkQuote(libraryIndex, q));
  }, runs.check, 3));
  // Positions by word are grouped for a source the first time a quote needs them: count those too.
  const heapAfterChecksBytes = heapUsed() - heapBefore;

  progress(`${label}: storing the library in IndexedDB (fake-indexeddb) for the cold start`);
  const stored = await storeLibrary(sources, libraryIndex);
  const storedBytes = stored.indexBytes; // every index row and the library lexicon, as stored
  const cold: Array<Awaited<ReturnType<typeof coldStart>>> = [];
  for (let r = 0; r < runs.cold; r++) {
    progress(`${label}: cold start ${r + 1}/${runs.cold}`);
    collectGarbage?.();
    cold.push(await coldStart(stored.name, queries));
  }
  await dropLibrary(stored.name);
  const figures: LibraryFigures = {
    label,
    library: size,
    build: summarise(buildSamples),
    heapBytes,
    heapAfterChecksBytes,
    storedBytes,
    typedBytes: libraryIndex.typedBytes(),
    lexicon: libraryIndex.lexicon.size,
    check,
    cold: {
      load: summarise(cold.map((c) => c.loadMs)),
      first: summarise(cold.map((c) => c.firstVerdictMs)),
      all: summarise(cold.map((c) => c.allVerdictsMs)),
      rebuilt: Math.max(...cold.map((c) => c.built)),
    },
  };
  return { figures, checks };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.render) {
    const saved = JSON.parse(readFileSync(args.render, 'utf8')) as BenchFigures;
    const report = formatReport({ ...saved, analysis: existsSync(ANALYSIS) ? readFileSync(ANALYSIS, 'utf8') : null });
    if (args.out) writeFileSync(args.out, report);
    process.stdout.write(`${report}\n`);
    return;
  }
  const rows: Row[] = [];
  const quick = args.quick;

  progress('loading the State of the Union library');
  const sources = loadSotuLibrary();

  progress('generating a 100-quote article');
  const page = generatePages(sources, { seed: args.seed, pages: 1, quotesPerPage: 100 })[0];

  // 1. Detection and extraction against input size.
  const scaling: BenchFigures['scaling'] = [];
  const few = (n: number) => (quick ? Math.min(n, 3) : n);
  for (const marks of [10_000, 100_000]) {
    const input = markedText(marks);
    progress(`detectQuotes on ${input.marks.toLocaleString('en')} quote marks`);
    scaling.push({ group: 'detectQuotes, quote marks', size: marks, label: `${marks.toLocaleString('en')} marks`, chars: input.text.length, ms: summarise(timeRuns(() => detectQuotes(input.text), few(marks > 10_000 ? 5 : 9), 3)) });
  }
  for (const chars of [100_000, 1_000_000]) {
    const text = articleText(page.text, chars);
    progress(`detectQuotes on ${chars >= 1e6 ? '1 MB' : '100 kB'} of article text`);
    scaling.push({ group: 'detectQuotes, article text', size: chars, label: `${chars >= 1e6 ? '1 MB' : '100 kB'} text`, chars, ms: summarise(timeRuns(() => detectQuotes(text), few(chars > 100_000 ? 5 : 9), 3)) });
  }
  for (const chars of [100_000, 1_000_000]) {
    const html = singleNodePage(articleText(page.text, chars));
    const doc = parseHTML(html).document as unknown as Document;
    progress(`extractArticle on a ${chars >= 1e6 ? '1 MB' : '100 kB'} text node`);
    scaling.push({ group: 'extractArticle, one text node', size: chars, label: `${chars >= 1e6 ? '1 MB' : '100 kB'} node`, chars, ms: summarise(timeRuns(() => extractArticle(doc), few(chars > 100_000 ? 5 : 9), 3)) });
  }

  // 2–3. Index build, stored size, heap, warm checks and cold start, at 1× and 10×.
  const quotes = page.quotes;
  const queries: QuoteQuery[] = quotes.map((q) => ({ text: q.text, attribution: q.attribution, ...quoteContext(page.text, q) }));
  const small = await measureLibrary('1×', sources, queries, quick ? { build: 2, check: 9, cold: 2 } : { build: 5, check: 25, cold: 5 });
  const libraries: LibraryFigures[] = [small.figures];
  const checks = small.checks;
  const engine = small.figures.check;

  // 4. Baselines on the same quotes, 1× library.
  progress('baselines: normalising the library');
  let t = performance.now();
  const normSources = normaliseSources(sources);
  const normaliseMs = performance.now() - t;
  const normQuotes = quotes.map((q) => normaliseQuote(q.text));
  let exactHits: (string | null)[] = [];
  progress('baseline (a): exact indexOf');
  const exact = summarise(timeRuns(() => {
    exactHits = normQuotes.map((q) => exactSearch(normSources, q));
  }, quick ? 3 : 7));

  const step = quick ? 20 : APPROX_SUBSET_STEP;
  const subset = normQuotes.filter((_, i) => i % step === 0);
  const approxRuns: number[] = [];
  const approxRunCount = quick ? 1 : 3;
  for (let r = 0; r < approxRunCount; r++) {
    progress(`baseline (b): approx-string-match on ${subset.length} of ${quotes.length} quotes (run ${r + 1}/${approxRunCount})`);
    const t0 = performance.now();
    for (const q of subset) approximateSearch(normSources, q);
    approxRuns.push(performance.now() - t0);
  }
  const approx = scale(summarise(approxRuns), quotes.length / subset.length);

  const notExact = quotes.map((q, i) => ({ q, i })).filter(({ q }) => NOT_EXACT.has(q.verdict) && q.parts.length > 0);
  const verbatim = quotes.map((q, i) => ({ q, i })).filter(({ q }) => q.verdict === 'verbatim' && q.parts.length > 0);
  const approxHits = new Map<number, string | null>();
  let approxRecallMs = Number.NaN;
  if (!quick) {
    progress(`baseline (b): approx-string-match on the ${notExact.length} non-exact quotes, for recall`);
    t = performance.now();
    for (const { i } of notExact) approxHits.set(i, approximateSearch(normSources, normQuotes[i]));
    approxRecallMs = performance.now() - t;
    // The verbatim quotes too, as a check that each method finds what is plainly there.
    progress(`baseline (b): approx-string-match on the ${verbatim.length} verbatim quotes, for reference`);
    for (const { i } of verbatim) approxHits.set(i, approximateSearch(normSources, normQuotes[i]));
  }

  const recall: BenchFigures['recall'] = [];
  for (const verdict of [...NOT_EXACT, 'all', 'verbatim'] as const) {
    const mine = (verdict === 'verbatim' ? verbatim : notExact).filter(({ q }) => verdict === 'all' || q.verdict === verdict);
    const finds = (pick: (i: number) => string | null | undefined) =>
      mine.filter(({ q, i }) => {
        const got = pick(i);
        return !!got && q.parts.some((p) => p.sourceId === got);
      }).length;
    recall.push({
      verdict,
      quotes: mine.length,
      engine: finds((i) => checks[i].match?.sourceId),
      exact: finds((i) => exactHits[i]),
      approx: quick ? null : finds((i) => approxHits.get(i)),
    });
  }

  rows.push(
    { method: 'engine (LibraryIndex + checkQuote)', ms: engine, perQuote: engine.median / quotes.length, note: `${engine.runs} runs after 3 warm-ups` },
    { method: 'baseline (a): exact indexOf', ms: exact, perQuote: exact.median / quotes.length, note: `${exact.runs} runs; library normalised once beforehand (${(normaliseMs / 1000).toFixed(1)} s, not counted)` },
    {
      method: `baseline (b): approx-string-match, ≤ ${APPROX_ERROR_BUDGET * 100} % edits`,
      ms: approx,
      perQuote: approx.median / quotes.length,
      note:
        `extrapolated ×${(quotes.length / subset.length).toFixed(1)} from ${approxRunCount} run(s) over every ${step}th quote (${subset.length})` +
        (quick ? '' : `; one full pass over the ${notExact.length} non-exact quotes took ${(approxRecallMs / 1000).toFixed(1)} s (${(approxRecallMs / notExact.length).toFixed(0)} ms/quote)`),
    },
  );

  // 5. The tenfold library: perturbed copies of every address.
  let large: BenchFigures['large'] = null;
  if (!quick) {
    progress(`making the large library: ${args.copies} perturbed copies of each address`);
    const big = tenfoldLibrary(sources, args.copies);
    const measured = await measureLibrary(`${args.copies + 1}×`, big, queries, { build: 2, check: 15, cold: 2 });
    libraries.push(measured.figures);
    progress(`${args.copies + 1}×: baseline (a) exact indexOf`);
    const bigNorm = normaliseSources(big);
    const bigExact = summarise(timeRuns(() => normQuotes.map((q) => exactSearch(bigNorm, q)), 3));
    const recallAll = notExact.filter(({ q, i }) => {
      const got = measured.checks[i].match?.sourceId;
      return !!got && q.parts.some((p) => got === p.sourceId || got.startsWith(`${p.sourceId}~`));
    }).length;
    const sameVerdict = quotes.filter((_, i) => measured.checks[i].verdict === checks[i].verdict).length;
    large = { copies: args.copies, perturbRate: PERTURB_RATE, exact: bigExact, recallNotExact: recallAll, sameVerdict };
  }

  const cpu = cpus();
  const figures: BenchFigures = {
    machine: {
      cpu: cpu[0]?.model.trim() ?? 'unknown',
      cores: cpu.length,
      memoryGiB: totalmem() / 2 ** 30,
      node: process.version,
      os: `${platform()} ${release()} ${arch()}`,
      load: [loadAtStart, loadavg()[0]],
    },
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    commit: gitCommit(),
    quick,
    article: { quotes: quotes.length, nested: quotes.filter((q) => q.parent !== null).length, notExact: notExact.length, seed: args.seed },
    scaling,
    libraries,
    checks: rows,
    recall,
    large,
    totalSeconds: (performance.now() - started) / 1000,
    analysis: existsSync(ANALYSIS) ? readFileSync(ANALYSIS, 'utf8') : null,
  };
  if (args.json) writeFileSync(args.json, JSON.stringify(figures, null, 1));
  const report = formatReport(figures);
  process.stdout.write(`\n${report}\n`);
  if (args.out) {
    writeFileSync(args.out, report);
    progress(`wrote ${args.out}`);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exitCode = 1;
});
