// The evaluation's printout and its targets.
import type { EvalFigures } from './score';
import { CONFUSION_COLUMNS } from './score';
import { QUOTE_KINDS } from './quotes';

export interface TargetResult {
  name: string;
  value: number;
  target: string;
  met: boolean;
}

export function targets(f: EvalFigures): TargetResult[] {
  return [
    { name: 'detection recall', value: f.recall, target: '≥ 99 %', met: f.recall >= 0.99 },
    { name: 'detection precision', value: f.precision, target: '≥ 97 %', met: f.precision >= 0.97 },
    { name: 'verdict accuracy', value: f.verdictAccuracy, target: '≥ 97 %', met: f.verdictAccuracy >= 0.97 },
    { name: 'correct source', value: f.source.rate, target: '≥ 99 %', met: f.source.rate >= 0.99 },
    { name: 'false verbatim', value: f.falseVerbatim, target: '= 0', met: f.falseVerbatim === 0 },
  ];
}

const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;
const mark = (ok: boolean): string => (ok ? '✓' : '✗');

export function formatReport(f: EvalFigures): string {
  const lines: string[] = [];
  const t = targets(f);
  const byName = new Map(t.map((r) => [r.name, r]));
  lines.push(
    `Verbatim evaluation (${f.pipeline}) — seed ${f.seed}, ${f.pages} pages, ${f.truthQuotes} quotes; library ${f.library.sources} addresses, ${f.library.words.toLocaleString('en')} words`,
    '',
    `${mark(byName.get('detection recall')!.met)} detection recall      ${pct(f.recall)}  (${f.pairedQuotes}/${f.truthQuotes})  target ≥ 99 %`,
    `${mark(byName.get('detection precision')!.met)} detection precision   ${pct(f.precision)}  (${f.pairedQuotes + f.fragments}/${f.detectedQuotes}${f.fragments ? `, counting ${f.fragments} per-paragraph pieces of multi-paragraph quotes` : ''})  target ≥ 97 %`,
    `  exact boundaries      ${pct(f.pairedQuotes ? f.exactBoundaries / f.pairedQuotes : 0)}  (${f.exactBoundaries}/${f.pairedQuotes})${f.unlocated ? `; ${f.unlocated} truth quotes absent from the extracted text` : ''}`,
    `${mark(byName.get('verdict accuracy')!.met)} verdict accuracy      ${pct(f.verdictAccuracy)}  (of detected quotes)  target ≥ 97 %`,
    `${mark(byName.get('correct source')!.met)} correct source        ${pct(f.source.rate)}  (${f.source.correct}/${f.source.total})  target ≥ 99 %`,
    `  location              ${pct(f.location.rate)}  (${f.location.correct}/${f.location.total}, match overlaps the truth's span)`,
    `${mark(byName.get('false verbatim')!.met)} false verbatim        ${f.falseVerbatim}  (altered, spliced, partial or not_found called verbatim)  target 0`,
    `  by style (detected/exact of true): ${Object.entries(f.byStyle)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => `${k} ${v.paired}/${v.exact} of ${v.truth}`)
      .join(', ')}`,
    '',
    'Verdicts (rows: truth; columns: engine)',
  );
  const width = 10;
  const head = ['truth \\ engine'.padEnd(14), ...CONFUSION_COLUMNS.map((c) => c.padStart(width))].join('');
  lines.push(head);
  for (const k of QUOTE_KINDS) {
    const row = f.confusion[k];
    lines.push([k.padEnd(14), ...CONFUSION_COLUMNS.map((c) => String(row[c] || '·').padStart(width))].join(''));
  }
  lines.push(
    '',
    `Timing: index build ${f.indexBuildMs.toFixed(0)} ms; check ${f.checkMsPerQuote.toFixed(2)} ms per quote; extract ${f.extractMsPerPage.toFixed(1)} ms and detect ${f.detectMsPerPage.toFixed(1)} ms per page`,
  );
  if (f.confusions.length) {
    lines.push('', 'Confusions (examples):');
    for (const e of f.confusions) {
      lines.push(
        `- ${e.kind} → ${e.verdict} [${e.page}] “${e.quote}”`,
        `    made: ${e.change}; truth ${e.truthSource ?? '—'}: ${e.truthOriginal ? `“${e.truthOriginal}”` : '—'}`,
        `    engine: ${e.matchSource ?? 'no match'}${e.matchOriginal ? ` “${e.matchOriginal}”` : ''}${e.similarity !== null ? ` (similarity ${e.similarity})` : ''}`,
      );
    }
  }
  if (f.missed.length) {
    lines.push('', 'Missed quotes (first ones):');
    for (const m of f.missed.slice(0, 10)) lines.push(`- [${m.page}] ${m.kind}, ${m.style}: “${m.quote}”`);
  }
  if (f.spurious.length) {
    lines.push('', 'Detections with no true quote (first ones):');
    for (const s of f.spurious.slice(0, 10)) lines.push(`- [${s.page}] “${s.quote}” in …${s.context.replace(/\s+/g, ' ')}…`);
  }
  return lines.join('\n');
}
