import { describe, expect, it } from 'vitest';
import { parsePassages, passageAt } from '../../../lib/library/passages';
import { loadSources } from './corpus';

describe('parsePassages', () => {
  it('splits paragraphs at blank lines and gives each the nearest heading above', () => {
    const text = 'Title line\n\n## Foreword\n\nFirst para\nstill first.\n\n  Second para.  \n\n### Recommendation 1\n\nBy 2024.\n';
    const ps = parsePassages(text);
    expect(ps.map((p) => [text.slice(p.start, p.end), p.section, p.heading])).toEqual([
      ['Title line', null, false],
      ['## Foreword', 'Foreword', true],
      ['First para\nstill first.', 'Foreword', false],
      ['Second para.', 'Foreword', false],
      ['### Recommendation 1', 'Recommendation 1', true],
      ['By 2024.', 'Recommendation 1', false],
    ]);
    expect(passageAt(ps, text.indexOf('still'))).toBe(2);
    expect(passageAt(ps, 0)).toBe(0);
  });

  it('handles empty text, CRLF and text without a final newline', () => {
    expect(parsePassages('')).toEqual([]);
    const text = 'a\r\n\r\nb';
    expect(parsePassages(text).map((p) => text.slice(p.start, p.end))).toEqual(['a', 'b']);
  });

  it('parses the report excerpt: title, Foreword and recommendations', () => {
    const report = loadSources().find((s) => s.id === 'hmicfrs-report-2023')!;
    const ps = parsePassages(report.text);
    expect(ps[0].section).toBeNull();
    expect(report.text.slice(ps[0].start, ps[0].end).startsWith('An inspection of the effectiveness')).toBe(true);
    const sections = new Set(ps.map((p) => p.section));
    expect(sections).toEqual(new Set([null, 'Foreword', 'Recommendations', ...[1, 2, 3, 4, 5, 6].map((n) => `Recommendation ${n}`)]));
    const rec5 = ps.find((p) => report.text.slice(p.start, p.end).startsWith('By 31 March 2025'))!;
    expect(rec5.section).toBe('Recommendation 5');
  });
});
