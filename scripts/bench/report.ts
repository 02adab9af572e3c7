// The benchmark's figures as Markdown: readable in the terminal and as BENCHMARKS.md.
import type { Stats } from './timing';

export interface ScalingRow {
  group: string;
  size: number;
  label: string;
  chars: number;
  ms: Stats;
}

export interface Row {
  method: string;
  ms: Stats;
  perQuote: number;
  note: string;
}

export interface RecallRow {
  verdict: string;
  quotes: number;
  engine: number;
  exact: number;
  approx: number | null; // null when not measured (--quick)
}

/** Everything measured for one library size. */
export interface LibraryFigures {
  label: string; // "1×", "10×"
  library: { sources: number; words: number; chars: number; bytes: number };
  build: Stats;
  heapBytes: number; // heapUsed growth over the build, after a full GC, the index alive
  heapAfterChecksBytes?: number; // the same once the warm checks have run (lazily built parts included)
  storedBytes: number; // the index rows as structured-cloned (v8.serialize), what IndexedDB keeps
  typedBytes: number; // typed arrays of the in-memory index
  lexicon: number; // distinct matching keys
  check: Stats; // warm check of every quote of the article
  cold: { load: Stats; first: Stats; all: Stats; rebuilt: number };
}

export interface BenchFigures {
  machine: { cpu: string; cores: number; memoryGiB: number; node: string; os: string; load: [number, number] };
  date: string;
  commit: string;
  quick: boolean;
  article: { quotes: number; nested: number; notExact: number; seed: number };
  scaling: ScalingRow[];
  libraries: LibraryFigures[];
  checks: Row[];
  recall: RecallRow[];
  large: { copies: number; perturbRate: number; exact: Stats; recallNotExact: number; sameVerdict: number } | null;
  totalSeconds: number;
  analysis: string | null; // hand-written notes appended to the report (scripts/bench/analysis.md)
}

const mib = (b: number): string => `${(b / 2 ** 20).toFixed(0)} MiB`;
const words = (n: number): string => `${(n / 1e6).toFixed(2)} M`;

/** Milliseconds with as many decimals as their size deserves. */
export function ms(x: number): string {
  if (!Number.isFinite(x)) return '–';
  if (x >= 1000) return Math.round(x).toLocaleString('en');
  if (x >= 100) return x.toFixed(0);
  if (x >= 10) return x.toFixed(1);
  if (x >= 1) return x.toFixed(2);
  return x.toFixed(3);
}

const spread = (s: Stats): string => `${ms(s.min)}–${ms(s.max)}`;
const pct = (n: number | null, d: number): string => (n === null ? 'not run' : d ? `${n}/${d} (${Math.round((100 * n) / d)} %)` : '–');

function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

export function formatReport(f: BenchFigures): string {
  const out: string[] = [];
  out.push('# Benchmarks', '');
  out.push(
    `Measured ${f.date} at commit \`${f.commit}\` on ${f.machine.cpu}, ${f.machine.cores} cores, ` +
      `${f.machine.memoryGiB.toFixed(1)} GiB memory, Node ${f.machine.node}, ${f.machine.os}. ` +
      `Times are wall-clock milliseconds: the median of repeated runs, with the fastest and slowest run. ` +
      `The machine was shared with other work: its load average (1 min) was ${f.machine.load[0].toFixed(1)} at the start ` +
      `and ${f.machine.load[1].toFixed(1)} at the end of the run, on ${f.machine.cores} cores, so expect times above what an idle machine gives; ` +
      `the baselines ran under the same load.`,
  );
  out.push(
    '',
    `Reproduce: \`npm run bench\` (about ${Math.ceil(f.totalSeconds / 60)} min here; rewrites this file), ` +
      '`npm run bench -- --quick` for the 1× library only with fewer runs (about a minute).' +
      (f.quick ? ' **This file is from a --quick run.**' : ''),
    '',
  );

  out.push('## Summary against the targets', '');
  const [one, ten] = f.libraries;
  const target = (ok: boolean) => (ok ? 'met' : '**missed**');
  const summary: string[][] = [];
  const mbps = (l: LibraryFigures) => l.library.bytes / 1e6 / (l.build.median / 1000);
  summary.push(['index build, 1×', '≥ 10 MB/s', `${mbps(one).toFixed(2)} MB/s`, target(mbps(one) >= 10)]);
  if (ten) summary.push([`index build, ${ten.label}`, '≥ 10 MB/s', `${mbps(ten).toFixed(2)} MB/s`, target(mbps(ten) >= 10)]);
  summary.push([`warm check, 100 quotes, ${words(one.library.words)} words`, '< 20 ms', `${ms(one.check.median * 100 / f.article.quotes)} ms`, target(one.check.median * 100 / f.article.quotes < 20)]);
  if (ten) summary.push([`warm check, 100 quotes, ${words(ten.library.words)} words`, '< 60 ms', `${ms(ten.check.median * 100 / f.article.quotes)} ms`, target(ten.check.median * 100 / f.article.quotes < 60)]);
  for (const l of [one, ten]) {
    if (!l) continue;
    const ratio = l.storedBytes / l.library.bytes;
    summary.push([`stored index, ${l.label}`, '≤ the text', `${ratio.toFixed(2)}× the text`, target(ratio <= 1)]);
  }
  summary.push([`cold start to first verdict, ${words(one.library.words)} words (fake-indexeddb)`, '< 300 ms', `${ms(one.cold.first.median)} ms`, target(one.cold.first.median < 300)]);
  const [engineRow, exact, approx] = f.checks;
  const all = f.recall.find((r) => r.verdict === 'all');
  if (engineRow && exact && all) {
    const ratio = exact.ms.median / engineRow.ms.median;
    summary.push(['against exact indexOf (a)', 'no slower, finding what it cannot', `${ratio.toFixed(1)}× faster; non-exact found ${all.engine} against ${all.exact} of ${all.quotes}`, target(ratio >= 1 && all.engine > all.exact)]);
  }
  if (engineRow && approx && all && all.approx !== null) {
    const ratio = approx.ms.median / engineRow.ms.median;
    summary.push(['against approx-string-match (b)', '≥ 100× faster, recall at least as good', `${ratio.toFixed(0)}× faster; non-exact found ${all.engine} against ${all.approx} of ${all.quotes}`, target(ratio >= 100 && all.engine >= all.approx)]);
  }
  out.push(table(['what', 'target', 'measured (median)', ''], summary), '');
  out.push('The content script\'s targets are measured in Chromium: BENCHMARKS-browser.md (`npm run bench:browser`).', '');

  out.push('## 1. Quote detection and extraction against page size', '');
  out.push('Each pair differs tenfold in size; linear scaling gives a ratio near 10.', '');
  const groups = [...new Set(f.scaling.map((r) => r.group))];
  const scalingRows: string[][] = [];
  for (const g of groups) {
    const [small, large] = f.scaling.filter((r) => r.group === g).sort((a, b) => a.size - b.size);
    for (const r of [small, large]) {
      const ratio = r === large && small ? `×${(large.ms.median / small.ms.median).toFixed(1)}` : '';
      scalingRows.push([g, r.label, (r.chars / 1000).toLocaleString('en', { maximumFractionDigits: 0 }) + ' k', ms(r.ms.median), spread(r.ms), String(r.ms.runs), ratio]);
    }
  }
  out.push(table(['function', 'input', 'chars', 'median ms', 'min–max', 'runs', '10× ratio'], scalingRows), '');
  const steep = groups.filter((g) => {
    const [small, large] = f.scaling.filter((r) => r.group === g).sort((a, b) => a.size - b.size);
    return small && large && large.ms.median / small.ms.median > 12;
  });
  if (steep.length) out.push(`Above 12, the growth is steeper than linear at these sizes: ${steep.join('; ')}.`, '');
  out.push(
    'Quote-mark input repeats a sentence holding curly, straight, single, guillemet and low-high marks; ' +
      'article text repeats the paragraphs of the generated article below; the extraction page is parsed by linkedom once, outside the timing. ' +
      'Each size gets 3 untimed warm-up runs.',
    '',
  );

  out.push('## 2. Index build, size and memory', '');
  out.push(
    table(
      ['library', 'sources', 'words', 'MB', 'build median ms', 'min–max', 'runs', 'MB/s', 'stored index', 'stored / text', 'heap held by the index', 'after the checks', 'typed arrays', 'distinct words'],
      f.libraries.map((l) => [
        l.label,
        String(l.library.sources),
        words(l.library.words),
        (l.library.bytes / 1e6).toFixed(1),
        ms(l.build.median),
        spread(l.build),
        String(l.build.runs),
        mbps(l).toFixed(2),
        mib(l.storedBytes),
        `${(l.storedBytes / l.library.bytes).toFixed(2)}×`,
        mib(l.heapBytes),
        l.heapAfterChecksBytes === undefined ? '' : mib(l.heapAfterChecksBytes),
        mib(l.typedBytes),
        l.lexicon.toLocaleString('en'),
      ]),
    ),
    '',
  );
  out.push(
    'MB are UTF-8 bytes of source text (10^6 bytes). *Stored index* is the structured-clone size (`v8.serialize`) of every source\'s index row and of the library lexicon, ' +
      'what IndexedDB keeps beside the texts. *Heap held* is the growth of heapUsed from before the build to after it, ' +
      'measured after a full GC with the index alive and compacted as the service worker keeps it (each source\'s fingerprints let go once the postings hold them), typed arrays\' ArrayBuffers included (source texts were already in memory and are not counted); *after the checks* measures it again once the warm checks have run, with what quotes made the index build on first use. ' +
      '*Typed arrays* is the part of the index in typed arrays (token offsets, word numbers, positions by word where a quote has needed them, partitioned postings block and postings table).',
    '',
  );
  if (f.large) {
    out.push(
      `The ${ten?.label ?? 'large'} library is the ${one.library.sources} addresses plus ${f.large.copies} perturbed copies of each ` +
        `(\`scripts/bench/tenfold.ts\`: about ${Math.round(f.large.perturbRate * 100)} % of the words swapped with a neighbour, dropped, ` +
        'replaced by a synonym or by another word of the address), so every quote has ten near-matches: the hard case for candidate retrieval.',
      '',
    );
  }

  out.push('## 3. Checking a 100-quote article: warm and cold', '');
  out.push(
    table(
      ['library', 'warm: median ms (all quotes)', 'min–max', 'ms per quote', 'runs', 'cold: index loaded from IndexedDB, ms', 'cold: first verdict, ms', 'cold: all verdicts, ms', 'cold runs'],
      f.libraries.map((l) => [
        `${l.label} (${words(l.library.words)} words)`,
        ms(l.check.median),
        spread(l.check),
        ms(l.check.median / f.article.quotes),
        String(l.check.runs),
        `${ms(l.cold.load.median)} (${spread(l.cold.load)})`,
        `${ms(l.cold.first.median)} (${spread(l.cold.first)})`,
        `${ms(l.cold.all.median)} (${spread(l.cold.all)})`,
        String(l.cold.all.runs) + (l.cold.rebuilt ? `, ${l.cold.rebuilt} rows rebuilt` : ''),
      ]),
    ),
    '',
  );
  out.push(
    'Warm: the index is in memory; each run checks every quote once, after three untimed runs. ' +
      'Cold: a new database connection (fake-indexeddb in Node, holding every source, its stored index row and the one library lexicon), ' +
      '`loadLibraryIndex` reads them, decodes the lexicon once and takes each row\'s word numbers as stored (offsets decoded when a source is first matched; fingerprints recomputed from per-word hashes; no text is tokenised) ' +
      'and builds the in-memory index from them with the postings of all sources partitioned at once, then the quotes are checked; ' +
      'times run from opening the database.',
    '',
  );
  if (f.large && ten) {
    out.push(
      `At ${ten.label}, the engine gives ${f.large.sameVerdict} of ${f.article.quotes} quotes the same verdict as at 1× ` +
        `(a quote may change because a perturbed copy now holds it too) and names the true address or one of its copies for ` +
        `${f.large.recallNotExact} of the ${f.article.notExact} non-exact quotes. ` +
        `Baseline (a), exact indexOf over the ${ten.label} library: ${ms(f.large.exact.median)} ms median (${spread(f.large.exact)}, ${f.large.exact.runs} runs), ` +
        `engine ${(f.large.exact.median / ten.check.median).toFixed(1)}× faster.`,
      '',
    );
  }

  out.push('## 4. Engine against baselines, 1× library', '');
  out.push(
    `The article is generated by the evaluation (\`generatePages\`, seed ${f.article.seed}): ${f.article.quotes} quotes ` +
      `(${f.article.nested} of them nested inside another), every verdict represented.` +
      ' Every quote is checked against the whole library; ' +
      'the engine gets the quote, its attribution and a sentence of context each side, as in the extension. ' +
      'Baselines search the normalised quote in every source\'s normalised text (same normalisation as the engine).',
    '',
  );
  const engine = f.checks[0];
  out.push(
    table(
      ['method', 'median ms (all quotes)', 'min–max', 'ms per quote', 'vs engine', 'how measured'],
      f.checks.map((r) => [
        r.method,
        ms(r.ms.median),
        spread(r.ms),
        ms(r.perQuote),
        r === engine ? '1×' : r.ms.median >= engine.ms.median ? `engine ${(r.ms.median / engine.ms.median).toFixed(1)}× faster` : `engine ${(engine.ms.median / r.ms.median).toFixed(1)}× slower`,
        r.note,
      ]),
    ),
    '',
  );
  out.push(
    `### Recall on the ${f.article.notExact} quotes whose truth is not exact`,
    '',
    'A method finds a quote when the one source it names is a source the quote was built from.',
    '',
  );
  out.push(
    table(
      ['truth verdict', 'quotes', 'engine', 'exact indexOf', 'approx-string-match'],
      f.recall.map((r) => [r.verdict === 'all' ? '**all non-exact**' : r.verdict === 'verbatim' ? 'verbatim (reference, not in the total)' : r.verdict, String(r.quotes), pct(r.engine, r.quotes), pct(r.exact, r.quotes), pct(r.approx, r.quotes)]),
    ),
    '',
  );
  if (f.analysis) out.push(f.analysis.trim(), '');
  return out.join('\n');
}
