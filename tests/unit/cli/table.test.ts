// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { clip, renderTable, summaryLine } from '../../../cli/table';
import type { ArticleReport, QuoteResult, Verdict } from '../../../lib/types';

function quote(text: string, verdict: Verdict, sourceId: string | null, attribution: string | null = null): QuoteResult {
  const words = text.split(/\s+/).length;
  return {
    text,
    start: 0,
    end: text.length,
    words,
    short: words < 4,
    attribution,
    open: '“',
    close: '”',
    parent: null,
    verdict,
    match: sourceId
      ? {
          sourceId,
          start: 0,
          end: text.length,
          original: text,
          context: text,
          contextStart: 0,
          section: null,
          page: null,
          similarity: 1,
          diff: [{ op: 'equal', quote: text, source: text }],
          sourceEnds: false,
        }
      : null,
    alsoIn: sourceId === 'release' ? [{ sourceId: 'report', verdict: 'altered', start: 5, end: 9 }] : [],
  };
}

const report: ArticleReport = {
  article: { title: 'A headline', url: null, words: 120 },
  sources: [
    { id: 'release', title: 'Press release', words: 300 },
    { id: 'report', title: 'Report', words: 900 },
  ],
  quotes: [
    quote('It cannot be overstated how complex and challenging these crimes can be to prevent and investigate', 'partial', 'release', 'the report'),
    quote('victim blaming', 'minor', 'report'),
    quote('we were never told about any of this at all', 'altered', 'report', 'Wendy Williams'),
    quote('good', 'not_found', null),
    quote('grooming gangs', 'not_found', null),
  ],
};

describe('renderTable', () => {
  it('prints one row per quote, then the counts by verdict', () => {
    const out = renderTable(report, { color: false, width: 100 });
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toBe('A headline');
    expect(lines[1]).toBe('120 words · checked against 2 sources');
    expect(lines[3]).toMatch(/^#\s+Verdict\s+Quote\s+Source\s+Said by$/);
    const rows = lines.slice(4, 9);
    expect(rows[0]).toMatch(/^1\s+Partly found\s+“It cannot be overstated.*…\s+release \+1\s+the report$/);
    expect(rows[1]).toMatch(/^2\s+Minor differences\s+“victim blaming”\s+report$/);
    expect(rows[2]).toMatch(/^3\s+Altered\s+“we were never told.*”\s+report\s+Wendy Williams$/);
    expect(rows[3]).toMatch(/^4\s+Not in your library\s+“good”\s+—$/);
    for (const row of rows) expect(Array.from(row).length).toBeLessThanOrEqual(100);
    expect(lines.at(-1)).toBe('5 quotes: 1 minor differences, 1 partly found, 1 altered, 2 not in your library');
    expect(out).not.toContain('\x1b[');
  });

  it('colours verdicts only when asked', () => {
    const out = renderTable(report, { color: true, width: 100 });
    expect(out).toContain('\x1b[31mAltered');
    expect(out.trimEnd().split('\n').at(-1)).toBe(summaryLine(report));
  });

  it('says so when an article has no quotes', () => {
    const none = { ...report, quotes: [] };
    expect(renderTable(none, { color: false, width: 80 }).trimEnd().split('\n').at(-1)).toBe('0 quotes found');
  });
});

describe('clip', () => {
  it('keeps short text and marks a cut with an ellipsis', () => {
    expect(clip('a  b\nc', 10)).toBe('a b c');
    expect(clip('abcdefghij', 5)).toBe('abcd…');
    expect(clip('abc', 0)).toBe('');
  });
});

describe('useColor', () => {
  const io = (isTTY: boolean, env: Record<string, string>) => ({
    stdout: { write: () => true, isTTY },
    stderr: { write: () => true },
    env,
  });

  it('colours a terminal only, and never when NO_COLOR is set', async () => {
    const { useColor } = await import('../../../cli/main');
    expect(useColor(io(true, {}))).toBe(true);
    expect(useColor(io(false, {}))).toBe(false);
    expect(useColor(io(true, { NO_COLOR: '1' }))).toBe(false);
    expect(useColor(io(true, { NO_COLOR: '' }))).toBe(true); // no-color.org: only a non-empty value counts
  });
});
