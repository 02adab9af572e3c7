// `npm run bench`: how fast the engine is, measured on this machine, next to two simple baselines
// run in the same process on the same quotes. Prints a table and writes BENCHMARKS.md.
//   --seed N    generator seed for the checked article (1)
//   --out FILE  where the report goes (BENCHMARKS.md); --no-write to only print
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, totalmem, platform, release, arch } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseHTML } from 'linkedom';
import { checkQuote, LibraryIndex } from '../lib/match/index';
import { detectQuotes, extractArticle, quoteContext } from '../lib/quotes/index';
import type { QuoteCheck, QuoteQuery, Verdict } from '../lib/types';
import { approximateSearch, APPROX_ERROR_BUDGET, exactSearch, normaliseQuote, normaliseSources } from './bench/baselines';
import { articleText, markedText, singleNodePage } from './bench/inputs';
import { formatReport, type BenchFigures, type Row } from './bench/report';
import { collectGarbage, heapUsed, scale, summarise, timeRuns } from './bench/timing';
import { generatePages } from './eval/generate';
import { loadSotuLibrary } from './eval/library';

/** Truth verdicts whose quote is not the source's words as they stand: where a fuzzy matcher earns its keep. */
const NOT_EXACT: ReadonlySet<Verdict> = new Set(['minor', 'elided', 'altered', 'partial', 'spliced']);
/** Every n-th quote is timed with the approximate baseline; the rest of its cost is extrapolated. */
const APPROX_SUBSET_STEP = 5;

function parseArgs(argv: string[]): { seed: number; out: string | null } {
  const args = { seed: 1, out: 'BENCHMARKS.md' as string | null };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--seed') args.seed = Number(argv[++i]);
    else if (argv[i] === '--out') args.out = argv[++i] ?? null;
    else if (argv[i] === '--no-write') args.out = null;
    else throw new Error(`unknown option ${argv[i]}`);
  }
  if (!Number.isInteger(args.seed)) throw new Error('--seed wants a whole number');
  return args;
}

const started = performance.now();
function progress(message: string): void {
  process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(1).padStart(5)} s] ${message}\n`);
}

function gitCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const rows: Row[] = [];

  progress('loading the State of the Union library');
  const sources = loadSotuLibrary();
  const libraryChars = sources.reduce((n, s) => n + s.text.length, 0);
  const libraryBytes = sources.reduce((n, s) => n + Buffer.byteLength(s.text, 'utf8'), 0);
  const libraryWords = sources.reduce((n, s) => n + (s.text.match(/\S+/g)?.length ?? 0), 0);

  progress('generating a 100-quote article');
  const page = generatePages(sources, { seed: args.seed, pages: 1, quotesPerPage: 100 })[0];

  // 1. Detection and extraction against input size.
  const scaling: BenchFigures['scaling'] = [];
  for (const marks of [10_000, 100_000]) {
    const input = markedText(marks);
    progress(`detectQuotes on ${input.marks.toLocaleString('en')} quote marks`);
    scaling.push({ group: 'detectQuotes, quote marks', size: marks, label: `${marks.toLocaleString('en')} marks`, chars: input.text.length, ms: summarise(timeRuns(() => detectQuotes(input.text), marks > 10_000 ? 5 : 9, 3)) });
  }
  for (const chars of [100_000, 1_000_000]) {
    const text = articleText(page.text, chars);
    progress(`detectQuotes on ${chars >= 1e6 ? '1 MB' : '100 kB'} of article text`);
    scaling.push({ group: 'detectQuotes, article text', size: chars, label: `${chars >= 1e6 ? '1 MB' : '100 kB'} text`, chars, ms: summarise(timeRuns(() => detectQuotes(text), chars > 100_000 ? 5 : 9, 3)) });
  }
  for (const chars of [100_000, 1_000_000]) {
    const html = singleNodePage(articleText(page.text, chars));
    const doc = parseHTML(html).document as unknown as Document;
    progress(`extractArticle on a ${chars >= 1e6 ? '1 MB' : '100 kB'} text node`);
    scaling.push({ group: 'extractArticle, one text node', size: chars, label: `${chars >= 1e6 ? '1 MB' : '100 kB'} node`, chars, ms: summarise(timeRuns(() => extractArticle(doc), chars > 100_000 ? 5 : 9, 3)) });
  }

  // 2. Index build over the whole library, and what the index keeps on the heap.
  const buildRuns = 3;
  const buildSamples: number[] = [];
  let index: LibraryIndex | null = null;
  let heapDelta = 0;
  for (let r = 0; r < buildRuns; r++) {
    progress(`building the index over ${sources.length} addresses (run ${r + 1}/${buildRuns})`);
    index = null;
    const before = heapUsed();
    const t = performance.now();
    const built = LibraryIndex.fromSources(sources);
    buildSamples.push(performance.now() - t);
    if (r === 0) heapDelta = heapUsed() - before;
    index = built;
  }
  const libraryIndex = index as LibraryIndex;
  const build = summarise(buildSamples);

  // 3. Warm check of every quote of the generated article, with the context the extension sends.
  const quotes = page.quotes;
  const queries: QuoteQuery[] = quotes.map((q) => ({ text: q.text, attribution: q.attribution, ...quoteContext(page.text, q) }));
  let checks: QuoteCheck[] = [];
  progress(`engine: checking ${quotes.length} quotes against the library`);
  const engineRuns = timeRuns(() => {
    checks = queries.map((q) => checkQuote(libraryIndex, q));
  }, 7);
  const engine = summarise(engineRuns);

  // 4. Baselines on the same quotes.
  progress('baselines: normalising the library');
  let t = performance.now();
  const normSources = normaliseSources(sources);
  const normaliseMs = performance.now() - t;
  const normQuotes = quotes.map((q) => normaliseQuote(q.text));
  let exactHits: (string | null)[] = [];
  progress('baseline (a): exact indexOf');
  const exact = summarise(timeRuns(() => {
    exactHits = normQuotes.map((q) => exactSearch(normSources, q));
  }, 7));

  const subset = normQuotes.filter((_, i) => i % APPROX_SUBSET_STEP === 0);
  const approxRuns: number[] = [];
  for (let r = 0; r < 3; r++) {
    progress(`baseline (b): approx-string-match on ${subset.length} of ${quotes.length} quotes (run ${r + 1}/3)`);
    const t0 = performance.now();
    for (const q of subset) approximateSearch(normSources, q);
    approxRuns.push(performance.now() - t0);
  }
  const approx = scale(summarise(approxRuns), quotes.length / subset.length);

  const notExact = quotes.map((q, i) => ({ q, i })).filter(({ q }) => NOT_EXACT.has(q.verdict) && q.parts.length > 0);
  const approxHits = new Map<number, string | null>();
  progress(`baseline (b): approx-string-match on the ${notExact.length} non-exact quotes, for recall`);
  t = performance.now();
  for (const { i } of notExact) approxHits.set(i, approximateSearch(normSources, normQuotes[i]));
  const approxRecallMs = performance.now() - t;
  // The verbatim quotes too, as a check that each method finds what is plainly there.
  const verbatim = quotes.map((q, i) => ({ q, i })).filter(({ q }) => q.verdict === 'verbatim' && q.parts.length > 0);
  progress(`baseline (b): approx-string-match on the ${verbatim.length} verbatim quotes, for reference`);
  for (const { i } of verbatim) approxHits.set(i, approximateSearch(normSources, normQuotes[i]));

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
      approx: finds((i) => approxHits.get(i)),
    });
  }

  rows.push(
    { method: 'engine (LibraryIndex + checkQuote)', ms: engine, perQuote: engine.median / quotes.length, note: `${engine.runs} runs after 1 warm-up` },
    { method: 'baseline (a): exact indexOf', ms: exact, perQuote: exact.median / quotes.length, note: `${exact.runs} runs; library normalised once beforehand (${(normaliseMs / 1000).toFixed(1)} s, not counted)` },
    {
      method: `baseline (b): approx-string-match, ≤ ${APPROX_ERROR_BUDGET * 100} % edits`,
      ms: approx,
      perQuote: approx.median / quotes.length,
      note: `extrapolated ×${(quotes.length / subset.length).toFixed(1)} from 3 runs over every ${APPROX_SUBSET_STEP}th quote (${subset.length}); one full pass over the ${notExact.length} non-exact quotes took ${(approxRecallMs / 1000).toFixed(1)} s (${(approxRecallMs / notExact.length).toFixed(0)} ms/quote)`,
    },
  );

  const cpu = cpus();
  const figures: BenchFigures = {
    machine: {
      cpu: cpu[0]?.model.trim() ?? 'unknown',
      cores: cpu.length,
      memoryGiB: totalmem() / 2 ** 30,
      node: process.version,
      os: `${platform()} ${release()} ${arch()}`,
    },
    date: new Date().toISOString().slice(0, 10),
    commit: gitCommit(),
    library: { sources: sources.length, words: libraryWords, chars: libraryChars, bytes: libraryBytes },
    article: { quotes: quotes.length, nested: quotes.filter((q) => q.parent !== null).length, notExact: notExact.length, seed: args.seed },
    scaling,
    build: { ms: build, mbPerSecond: libraryBytes / 1e6 / (build.median / 1000), heapBytes: heapDelta, afterGc: collectGarbage !== null },
    checks: rows,
    recall,
    totalSeconds: (performance.now() - started) / 1000,
  };
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
