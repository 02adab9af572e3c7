// The readable report: one row per quote (verdict, the quote's words, where it was found, who said
// it) and a closing line counting the verdicts.
import type { ArticleReport, QuoteResult, Verdict } from '../lib/types';
import { VERDICTS } from '../lib/types';
import { VERDICT_INFO } from '../lib/verdicts';

export interface TableOptions {
  color: boolean;
  width: number; // columns available
}

const RESET = '\x1b[0m';
const DIM = '\x1b[2m';
const BOLD = '\x1b[1m';

/** Colours follow the reader's side: calm for faithful quotes, loud for the ones to look at. */
const VERDICT_COLOR: Record<Verdict, string> = {
  verbatim: '\x1b[32m',
  minor: '\x1b[32m',
  elided: '\x1b[36m',
  partial: '\x1b[33m',
  altered: '\x1b[31m',
  spliced: '\x1b[35m',
  not_found: '\x1b[2m',
};

/** Cuts `text` to `width` characters, marking the cut with an ellipsis. */
export function clip(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (width <= 0) return '';
  const chars = Array.from(flat);
  if (chars.length <= width) return flat;
  return `${chars.slice(0, Math.max(0, width - 1)).join('').trimEnd()}…`;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - Array.from(text).length));
}

/** Where the quote was found: the best source, and how many others hold it too. */
function foundIn(q: QuoteResult): string {
  if (!q.match) return '—';
  const others = q.alsoIn.filter((a) => a.sourceId !== q.match?.sourceId).length;
  return others > 0 ? `${q.match.sourceId} +${others}` : q.match.sourceId;
}

/** "27 quotes: 1 verbatim, 2 minor differences, 24 not in your library", in the verdicts' order. */
export function summaryLine(report: ArticleReport): string {
  const counts = new Map<Verdict, number>();
  for (const q of report.quotes) counts.set(q.verdict, (counts.get(q.verdict) ?? 0) + 1);
  const n = report.quotes.length;
  const head = `${n} ${n === 1 ? 'quote' : 'quotes'}`;
  const parts = [...VERDICTS]
    .sort((a, b) => VERDICT_INFO[a].rank - VERDICT_INFO[b].rank)
    .filter((v) => counts.has(v))
    .map((v) => `${counts.get(v)} ${VERDICT_INFO[v].label.toLowerCase()}`);
  return parts.length > 0 ? `${head}: ${parts.join(', ')}` : `${head} found`;
}

export function renderTable(report: ArticleReport, options: TableOptions): string {
  const paint = (code: string, s: string) => (options.color ? `${code}${s}${RESET}` : s);
  const lines: string[] = [];
  const title = report.article.title ?? 'Article';
  const library = `${report.sources.length} ${report.sources.length === 1 ? 'source' : 'sources'}`;
  lines.push(paint(BOLD, clip(title, options.width)));
  lines.push(paint(DIM, `${report.article.words} words · checked against ${library}`));
  lines.push('');

  if (report.quotes.length > 0) {
    const num = String(report.quotes.length).length;
    const verdictWidth = Math.max(...report.quotes.map((q) => VERDICT_INFO[q.verdict].label.length), 'Verdict'.length);
    const sourceWidth = Math.min(32, Math.max(...report.quotes.map((q) => foundIn(q).length), 'Source'.length));
    const attributionWidth = Math.min(
      24,
      Math.max(...report.quotes.map((q) => Array.from(q.attribution ?? '').length), 'Said by'.length),
    );
    const fixed = num + 2 + verdictWidth + 2 + 2 + sourceWidth + 2 + attributionWidth;
    const quoteWidth = Math.max(20, options.width - fixed);

    const header = [
      pad('#', num),
      pad('Verdict', verdictWidth),
      pad('Quote', quoteWidth),
      pad('Source', sourceWidth),
      'Said by',
    ].join('  ');
    lines.push(paint(BOLD, header.trimEnd()));
    report.quotes.forEach((q, i) => {
      const label = pad(VERDICT_INFO[q.verdict].label, verdictWidth);
      const row = [
        pad(String(i + 1), num),
        paint(VERDICT_COLOR[q.verdict], label),
        pad(clip(`“${q.text}”`, quoteWidth), quoteWidth),
        pad(clip(foundIn(q), sourceWidth), sourceWidth),
        clip(q.attribution ?? '', attributionWidth),
      ].join('  ');
      lines.push(row.trimEnd());
    });
    lines.push('');
  }
  lines.push(summaryLine(report));
  return `${lines.join('\n')}\n`;
}
