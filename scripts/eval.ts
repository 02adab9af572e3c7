// `npm run eval`: generate news pages with known quotes from the State of the Union addresses,
// run the engine over them and print how well it finds the quotes and judges them.
//   --seed N       generator seed (1)           --pages N     pages (48)
//   --per-page N   quotes per page (24)         --library N   addresses in the library (all 233)
//   --out DIR      where pages and truth go (.cache/eval/seed-N)
//   --json FILE    also write the figures       --examples N  examples per confusion (2)
//   --strict       exit 1 when a target is missed
//   --truth-spans  skip extraction and detection: check the true quotes (the matcher alone)
//   --generate-only  write the pages and stop
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { DEFAULT_GENERATE, generatePages, writePages } from './eval/generate';
import { loadSotuLibrary } from './eval/library';

interface Args {
  seed: number;
  pages: number;
  perPage: number;
  library: number | undefined;
  out: string | null;
  json: string | null;
  examples: number;
  strict: boolean;
  generateOnly: boolean;
  truthSpans: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    seed: DEFAULT_GENERATE.seed,
    pages: DEFAULT_GENERATE.pages,
    perPage: DEFAULT_GENERATE.quotesPerPage,
    library: undefined,
    out: null,
    json: null,
    examples: 2,
    strict: false,
    generateOnly: false,
    truthSpans: false,
  };
  const num = (name: string, v: string | undefined): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) throw new Error(`${name} wants a whole number, got ${v}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = (): string | undefined => argv[++i];
    if (a === '--seed') args.seed = num(a, next());
    else if (a === '--pages') args.pages = num(a, next());
    else if (a === '--per-page') args.perPage = num(a, next());
    else if (a === '--library') args.library = num(a, next());
    else if (a === '--out') args.out = next() ?? null;
    else if (a === '--json') args.json = next() ?? null;
    else if (a === '--examples') args.examples = num(a, next());
    else if (a === '--strict') args.strict = true;
    else if (a === '--generate-only') args.generateOnly = true;
    else if (a === '--truth-spans') args.truthSpans = true;
    else throw new Error(`unknown option ${a}`);
  }
  return args;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  let t = performance.now();
  const sources = loadSotuLibrary(args.library);
  const pages = generatePages(sources, { seed: args.seed, pages: args.pages, quotesPerPage: args.perPage });
  const out = args.out ?? `.cache/eval/seed-${args.seed}`;
  writePages(out, pages, args.seed);
  const quotes = pages.reduce((n, p) => n + p.quotes.length, 0);
  process.stderr.write(`generated ${pages.length} pages, ${quotes} quotes from ${sources.length} addresses in ${((performance.now() - t) / 1000).toFixed(1)} s → ${out}\n`);
  if (args.generateOnly) return;

  // The engine is loaded only now, so that pages can be generated without it.
  const { scoreEvaluation, enginePipeline, truthPipeline } = await import('./eval/score');
  const { formatReport, targets } = await import('./eval/report');
  const pipeline = args.truthSpans ? truthPipeline(new Map(pages.map((p) => [p.meta.id, p]))) : await enginePipeline();
  t = performance.now();
  const figures = scoreEvaluation(sources, pages, pipeline, {
    seed: args.seed,
    examples: args.examples,
    onPage: (done, total) => {
      if (process.stderr.isTTY) process.stderr.write(`\rchecking page ${done}/${total}`);
    },
  });
  if (process.stderr.isTTY) process.stderr.write('\n');
  process.stderr.write(`scored in ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
  process.stdout.write(`${formatReport(figures)}\n`);
  const results = targets(figures);
  if (args.json) writeFileSync(args.json, JSON.stringify({ ...figures, targets: results }, null, 1));
  if (args.strict && results.some((r) => !r.met)) process.exitCode = 1;
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exitCode = 2;
});
