// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { SourceMeta } from '../../../lib/types';
import { cslRecord, type CslItem } from '../../../lib/cite/csl-record';
import { escapeBibTeX, toBibTeX, toCslJson, toRIS } from '../../../lib/cite/export';

const meta = (id: string): SourceMeta => ({
  excerpt: true,
  origin: 'builtin',
  ...JSON.parse(readFileSync(`tests/fixtures/corpus/sources/${id}.json`, 'utf8')),
});
const report = cslRecord(meta('hmicfrs-report-2023'), { accessed: '2024-01-15' });
const release = cslRecord(meta('hmicfrs-press-release-2023'), { accessed: '2024-01-15' });

/** A minimal BibTeX reader for the round trip: entry type, key and brace-balanced field values. */
function readBibTeX(src: string): { type: string; key: string; fields: Record<string, string> }[] {
  const out: { type: string; key: string; fields: Record<string, string> }[] = [];
  const entry = /@(\w+)\{([^,]+),/g;
  let m: RegExpExecArray | null;
  while ((m = entry.exec(src))) {
    const fields: Record<string, string> = {};
    let i = entry.lastIndex;
    for (;;) {
      const f = /\s*(\w+) = \{/y;
      f.lastIndex = i;
      const fm = f.exec(src);
      if (!fm) break;
      let depth = 1;
      let j = f.lastIndex;
      for (; depth > 0; j++) {
        if (src[j] === '\\') { j++; continue; }
        if (src[j] === '{') depth++;
        if (src[j] === '}') depth--;
      }
      fields[fm[1]] = src.slice(f.lastIndex, j - 1);
      i = src[j] === ',' ? j + 1 : j;
    }
    out.push({ type: m[1], key: m[2], fields });
    entry.lastIndex = i;
  }
  return out;
}
const unTeX = (s: string) => s.replace(/\\textbackslash\{\}/g, '\\').replace(/\\\^\{\}/g, '^').replace(/\\~\{\}/g, '~').replace(/\\([{}&%$#_])/g, '$1');

describe('BibTeX', () => {
  it('escapes TeX specials', () => {
    expect(escapeBibTeX('Fire & Rescue 100% {x} $5 #1 a_b ^ ~ \\')).toBe(
      'Fire \\& Rescue 100\\% \\{x\\} \\$5 \\#1 a\\_b \\^{} \\~{} \\textbackslash{}',
    );
  });
  it('writes a report as @techreport with a braced institutional author', () => {
    const bib = toBibTeX(report);
    expect(bib).toMatch(/^@techreport\{hmicfrs2023,\n/);
    expect(bib).toContain('  author = {{His Majesty’s Inspectorate of Constabulary and Fire \\& Rescue Services}},\n');
    expect(bib).toContain('  institution = {HMICFRS},');
    expect(bib).toContain('  date = {2023-12-08},');
    expect(bib).toContain('  urldate = {2024-01-15}');
    expect(bib.trimEnd().endsWith('}')).toBe(true);
  });
  it('round-trips titles and URLs through a reader, with distinct keys', () => {
    const tricky: CslItem = { ...release, id: 'x', title: 'Costs {rise} 50% & more_than $1 #2 ~ ^ \\ end', URL: 'https://e.org/a_b?x=1&y=2#f' };
    const parsed = readBibTeX(toBibTeX([report, release, tricky]));
    expect(parsed.map((p) => p.type)).toEqual(['techreport', 'misc', 'misc']);
    expect(new Set(parsed.map((p) => p.key)).size).toBe(3);
    expect(unTeX(parsed[0].fields.title)).toBe(`{${report.title}}`);
    expect(unTeX(parsed[2].fields.title)).toBe(`{${tricky.title}}`);
    expect(unTeX(parsed[2].fields.url)).toBe(tricky.URL);
    expect(parsed[1].fields.type).toBe('Press release');
  });
});

describe('RIS', () => {
  it('writes TAG  - value lines, ending each record with ER  - ', () => {
    const ris = toRIS(report);
    const lines = ris.split('\r\n');
    expect(lines[0]).toBe('TY  - RPRT');
    expect(lines).toContain('AU  - His Majesty’s Inspectorate of Constabulary and Fire & Rescue Services');
    expect(lines).toContain('PY  - 2023');
    expect(lines).toContain('DA  - 2023/12/08/');
    expect(lines).toContain(`UR  - ${report.URL}`);
    expect(lines).toContain('Y2  - 2024/01/15/');
    expect(lines.filter(Boolean).at(-1)).toBe('ER  - ');
    for (const l of lines.filter(Boolean)) expect(l).toMatch(/^[A-Z][A-Z0-9]  - /);
  });
  it('round-trips several records; line breaks in values stay inside one line', () => {
    const multi: CslItem = { ...release, title: 'Line one\nline two' };
    const ris = toRIS([report, multi]);
    const records = ris.split(/^ER {2}- $/m).map((r) => r.trim()).filter(Boolean);
    expect(records).toHaveLength(2);
    const fields = (r: string) => Object.fromEntries(r.split('\r\n').map((l) => [l.slice(0, 2), l.slice(6)]));
    expect(fields(records[0]).TI).toBe(report.title);
    expect(fields(records[1]).TY).toBe('ELEC');
    expect(fields(records[1]).TI).toBe('Line one line two');
    expect(fields(records[1]).M3).toBe('Press release');
    expect(fields(records[1]).T2).toBe('HMICFRS');
  });
});

describe('CSL-JSON', () => {
  it('is an array that parses back to the same items', () => {
    const json = toCslJson([report, release]);
    expect(JSON.parse(json)).toEqual([report, release]);
    expect(JSON.parse(toCslJson(report))).toEqual([report]);
  });
});
