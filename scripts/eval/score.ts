// The scorer: runs the engine over each generated page exactly as the extension does (extract the
// article, detect quotes, check each one against the library) and compares the answers with the truth.
import { parseHTML } from 'linkedom';
import { performance } from 'node:perf_hooks';
import { checkQuote, LibraryIndex } from '../../lib/match/index';
import type { Quote, QuoteCheck, Source, Verdict } from '../../lib/types';
import { VERDICTS } from '../../lib/types';
import type { GeneratedPage, TruthQuote } from './page';
import { QUOTE_KINDS, type QuoteKind } from './quotes';
import { pairQuotes, relocate } from './align';

export type ConfusionColumn = Verdict | 'missed';
export const CONFUSION_COLUMNS: readonly ConfusionColumn[] = [...VERDICTS, 'missed'];

/** Truth verdicts whose words the source never said as quoted: calling one of them `verbatim` is false reassurance. */
const CHANGED_OR_UNKNOWN: ReadonlySet<Verdict> = new Set(['altered', 'spliced', 'partial', 'not_found']);

export interface Example {
  page: string;
  kind: QuoteKind;
  quote: string;
  change: string;
  truth: Verdict;
  truthSource: string | null;
  truthOriginal: string | null;
  verdict: ConfusionColumn;
  matchSource: string | null;
  matchOriginal: string | null;
  similarity: number | null;
}

export interface EvalFigures {
  seed: number;
  pipeline: string;
  library: { sources: number; words: number };
  pages: number;
  truthQuotes: number;
  detectedQuotes: number;
  pairedQuotes: number;
  /** Truth quotes that could not be found in the extracted text at all (the article text lost them). */
  unlocated: number;
  recall: number;
  precision: number;
  /** Paired quotes whose detected span (or pieces, first to last) has exactly the truth's boundaries. */
  exactBoundaries: number;
  /** Extra detected pieces of true multi-paragraph quotes (one per paragraph after the first). */
  fragments: number;
  confusion: Record<QuoteKind, Record<ConfusionColumn, number>>;
  verdictAccuracy: number;
  source: { correct: number; total: number; rate: number };
  location: { correct: number; total: number; rate: number };
  falseVerbatim: number;
  indexBuildMs: number;
  checkMsPerQuote: number;
  extractMsPerPage: number;
  detectMsPerPage: number;
  /** Per quoting style: true quotes, detected ones, and detected with exactly the truth's boundaries. */
  byStyle: Record<string, { truth: number; paired: number; exact: number }>;
  confusions: Example[];
  missed: { page: string; kind: QuoteKind; quote: string; style: string }[];
  spurious: { page: string; quote: string; context: string }[];
}

function emptyConfusion(): Record<QuoteKind, Record<ConfusionColumn, number>> {
  const out = {} as Record<QuoteKind, Record<ConfusionColumn, number>>;
  for (const k of QUOTE_KINDS) {
    out[k] = {} as Record<ConfusionColumn, number>;
    for (const c of CONFUSION_COLUMNS) out[k][c] = 0;
  }
  return out;
}

function sourceOk(truth: TruthQuote, check: QuoteCheck): boolean {
  return !!check.match && truth.parts.some((p) => p.sourceId === check.match!.sourceId);
}

function locationOk(truth: TruthQuote, check: QuoteCheck): boolean {
  const m = check.match;
  return !!m && truth.parts.some((p) => p.sourceId === m.sourceId && Math.min(p.end, m.end) > Math.max(p.start, m.start));
}

/** How quotes are found on a page: the engine's own extraction and detection, or the truth itself. */
export interface QuotePipeline {
  name: string;
  extract(page: GeneratedPage): { text: string; explicit?: unknown };
  detect(text: string, explicit: unknown): Quote[];
  context(text: string, span: { start: number; end: number }): { before: string; after: string };
}

/** The extension's path: linkedom document → extractArticle → detectQuotes → quoteContext. */
export async function enginePipeline(): Promise<QuotePipeline> {
  const quotes = await import('../../lib/quotes/index');
  type Explicit = Parameters<typeof quotes.detectQuotes>[1];
  return {
    name: 'engine',
    extract: (page) => quotes.extractArticle(parseHTML(page.html).document as unknown as Document),
    detect: (text, explicit) => quotes.detectQuotes(text, explicit as Explicit),
    context: (text, span) => quotes.quoteContext(text, span),
  };
}

/** The truth's own quotes and a sentence of context each side: measures the matcher alone. */
export function truthPipeline(pagesById: Map<string, GeneratedPage>): QuotePipeline {
  const byText = new Map([...pagesById.values()].map((p) => [p.text, p]));
  return {
    name: 'truth spans',
    extract: (page) => ({ text: page.text }),
    detect: (text) =>
      (byText.get(text)?.quotes ?? []).map((q) => ({
        text: q.text,
        start: q.start,
        end: q.end,
        words: q.text.split(/\s+/).length,
        short: q.short,
        attribution: q.attribution,
        open: '',
        close: null,
        parent: q.parent,
      })),
    context: (text, span) => {
      const before = text.slice(Math.max(0, span.start - 200), span.start);
      const after = text.slice(span.end, span.end + 200);
      return {
        before: before.split(/(?<=[.!?])\s+|\n\n/).pop() ?? '',
        after: after.split(/(?<=[.!?])\s+|\n\n/)[0] ?? '',
      };
    },
  };
}

const round = (x: number, digits = 4): number => Math.round(x * 10 ** digits) / 10 ** digits;

export interface ScoreOptions {
  seed: number;
  /** How many examples to keep per confusion cell. */
  examples: number;
  onPage?: (done: number, total: number) => void;
}

export function scoreEvaluation(sources: Source[], pages: GeneratedPage[], pipeline: QuotePipeline, opts: ScoreOptions): EvalFigures {
  const t0 = performance.now();
  const index = LibraryIndex.fromSources(sources);
  const indexBuildMs = performance.now() - t0;

  const confusion = emptyConfusion();
  const confusions: Example[] = [];
  const perCell = new Map<string, number>();
  const missed: EvalFigures['missed'] = [];
  const spurious: EvalFigures['spurious'] = [];
  let truthQuotes = 0;
  let detectedQuotes = 0;
  let paired = 0;
  let unlocated = 0;
  let exactBoundaries = 0;
  let fragments = 0;
  let verdictRight = 0;
  let sourceTotal = 0;
  let sourceRight = 0;
  let locationRight = 0;
  let falseVerbatim = 0;
  let checkMs = 0;
  let checks = 0;
  let extractMs = 0;
  let detectMs = 0;
  const bySource = new Map(sources.map((s) => [s.id, s]));
  const byStyle: EvalFigures['byStyle'] = {};

  pages.forEach((page, pageIndex) => {
    let t = performance.now();
    const article = pipeline.extract(page);
    extractMs += performance.now() - t;
    t = performance.now();
    const detected: Quote[] = pipeline.detect(article.text, article.explicit);
    detectMs += performance.now() - t;

    const spans = relocate(page, article.text);
    const pairs = pairQuotes(spans, detected);
    truthQuotes += page.quotes.length;
    detectedQuotes += detected.length;
    unlocated += spans.filter((s) => !s).length;
    const pairedDetected = new Set(pairs.values());
    // The engine reports a quote laid out over several paragraphs as one quote per paragraph: the
    // pieces inside a true multi-paragraph quote are that quote, not extra detections.
    const pieces = new Map<number, number[]>();
    page.quotes.forEach((truth, ti) => {
      const span = spans[ti];
      const di = pairs.get(ti);
      if (!span || di === undefined || !truth.text.includes('\n')) return;
      const mine = [di];
      detected.forEach((d, dj) => {
        if (!pairedDetected.has(dj) && d.start >= span.start && d.end <= span.end) mine.push(dj);
      });
      for (const dj of mine) pairedDetected.add(dj);
      fragments += mine.length - 1;
      pieces.set(ti, mine.sort((a, b) => detected[a].start - detected[b].start));
    });
    detected.forEach((d, di) => {
      if (!pairedDetected.has(di) && spurious.length < 40) {
        spurious.push({ page: page.meta.id, quote: d.text, context: article.text.slice(Math.max(0, d.start - 60), d.end + 60) });
      }
    });

    page.quotes.forEach((truth, ti) => {
      const di = pairs.get(ti);
      const style = (byStyle[truth.style] ??= { truth: 0, paired: 0, exact: 0 });
      style.truth++;
      if (di !== undefined) style.paired++;
      const got = pieces.get(ti) ?? (di !== undefined ? [di] : []);
      if (got.length && spans[ti] && detected[got[0]].start === spans[ti]!.start && detected[got[got.length - 1]].end === spans[ti]!.end) style.exact++;
      if (di === undefined) {
        confusion[truth.kind].missed++;
        missed.push({ page: page.meta.id, kind: truth.kind, quote: truth.text, style: truth.style });
        return;
      }
      paired++;
      const quote = detected[di];
      const span = spans[ti]!;
      const mine = pieces.get(ti) ?? [di];
      if (detected[mine[0]].start === span.start && detected[mine[mine.length - 1]].end === span.end) exactBoundaries++;
      // Every piece is checked; the quote is judged right only if every piece is.
      let check: QuoteCheck | null = null;
      for (const dj of mine) {
        const piece = detected[dj];
        const ctx = pipeline.context(article.text, { start: piece.start, end: piece.end });
        const tc = performance.now();
        const c = checkQuote(index, { text: piece.text, attribution: piece.attribution, before: ctx.before, after: ctx.after });
        checkMs += performance.now() - tc;
        checks++;
        if (!check || (check.verdict === truth.verdict && c.verdict !== truth.verdict)) check = c;
      }
      if (!check) return;
      confusion[truth.kind][check.verdict]++;
      if (check.verdict === truth.verdict) verdictRight++;
      if (check.verdict === 'verbatim' && CHANGED_OR_UNKNOWN.has(truth.verdict)) falseVerbatim++;
      if (truth.parts.length) {
        sourceTotal++;
        if (sourceOk(truth, check)) sourceRight++;
        if (locationOk(truth, check)) locationRight++;
      }
      const cell = `${truth.kind}→${check.verdict}`;
      if (check.verdict !== truth.verdict && (perCell.get(cell) ?? 0) < opts.examples) {
        perCell.set(cell, (perCell.get(cell) ?? 0) + 1);
        const first = truth.parts[0];
        confusions.push({
          page: page.meta.id,
          kind: truth.kind,
          quote: quote.text,
          change: truth.change,
          truth: truth.verdict,
          truthSource: first?.sourceId ?? null,
          truthOriginal: truth.parts.map((p) => p.text).join(' ⟂ ') || null,
          verdict: check.verdict,
          matchSource: check.match?.sourceId ?? null,
          matchOriginal: check.match ? (bySource.get(check.match.sourceId)?.text.slice(check.match.start, check.match.end) ?? null) : null,
          similarity: check.match ? round(check.match.similarity, 3) : null,
        });
      }
    });
    opts.onPage?.(pageIndex + 1, pages.length);
  });

  const words = sources.reduce((n, s) => n + (s.text.match(/\S+/g)?.length ?? 0), 0);
  return {
    seed: opts.seed,
    pipeline: pipeline.name,
    library: { sources: sources.length, words },
    pages: pages.length,
    truthQuotes,
    detectedQuotes,
    pairedQuotes: paired,
    unlocated,
    recall: round(paired / Math.max(1, truthQuotes)),
    precision: round((paired + fragments) / Math.max(1, detectedQuotes)),
    fragments,
    exactBoundaries,
    confusion,
    verdictAccuracy: round(verdictRight / Math.max(1, paired)),
    source: { correct: sourceRight, total: sourceTotal, rate: round(sourceRight / Math.max(1, sourceTotal)) },
    location: { correct: locationRight, total: sourceTotal, rate: round(locationRight / Math.max(1, sourceTotal)) },
    falseVerbatim,
    indexBuildMs: round(indexBuildMs, 1),
    checkMsPerQuote: round(checkMs / Math.max(1, checks), 3),
    extractMsPerPage: round(extractMs / Math.max(1, pages.length), 2),
    detectMsPerPage: round(detectMs / Math.max(1, pages.length), 2),
    byStyle,
    confusions,
    missed: missed.slice(0, 40),
    spurious,
  };
}
