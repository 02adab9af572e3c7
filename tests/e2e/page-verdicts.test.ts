// A generated page with one quote of every verdict against the starter library. Each quote's
// verdict is first confirmed with the engine in Node (the command line's own path), then the page
// is loaded in Chromium and each quote must be painted under its verdict's highlight, in a style
// that tells it apart without colour.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { type Launched, type Served, ROOT, SCREENSHOTS, launchWithExtension, serveFolder, waitForCheck } from './harness';
import { runCheck } from '../../cli/check';
import type { Verdict } from '../../lib/types';

/** One quote per verdict, built from the starter library's excerpts (public/sources). */
const CASES: { verdict: Verdict; said: string; quote: string }[] = [
  { verdict: 'verbatim', said: 'The inspectorate said', quote: 'Group-based child sexual exploitation has a devastating effect on children and their families.' },
  { verdict: 'minor', said: 'Ian Critchley said', quote: 'There is still too much inconsistency in some areas, including the use of victim blaming language' },
  { verdict: 'elided', said: 'Ian Critchley said', quote: 'Child sexual exploitation is deplorable … Policing is absolutely committed to keeping children safe' },
  {
    verdict: 'spliced',
    said: 'Ian Critchley said',
    quote: 'Child sexual exploitation is deplorable and inflicts lifelong harm on vulnerable victims … The report identifies where this is done well and areas where further improvements are needed.',
  },
  { verdict: 'altered', said: 'Ian Critchley said', quote: 'Policing is absolutely committed to keeping children safe and protecting them from harm in all its forms' },
  {
    verdict: 'partial',
    said: 'The report said',
    quote: 'In this report, we identify one area for improvement and make nine recommendations that are intended to support the work of the task force and lead to improvements. I hope these recommendations will be acted on quickly by every force.',
  },
  { verdict: 'not_found', said: 'A spokesperson said', quote: 'We will publish a full response to every recommendation by the spring of next year.' },
];

/** How each verdict must look: the line(s), their style, and whether the quote gets a background wash. */
const LOOKS: Record<Verdict, { line: string; style: string; wash: boolean }> = {
  verbatim: { line: 'underline', style: 'solid', wash: true },
  minor: { line: 'underline', style: 'double', wash: true },
  elided: { line: 'underline', style: 'dotted', wash: true },
  partial: { line: 'underline', style: 'dashed', wash: true },
  altered: { line: 'underline', style: 'wavy', wash: true },
  spliced: { line: 'underline overline', style: 'wavy', wash: true },
  not_found: { line: 'underline', style: 'dotted', wash: false },
};

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Every verdict</title>
<style>body{font:20px/1.9 Georgia,serif;max-width:900px;margin:24px auto;color:#1c2430;background:#fff}
p{margin:0 0 14px} .v{display:inline-block;width:110px;font:600 13px system-ui,sans-serif;color:#5b6573;text-transform:uppercase}</style>
</head><body><article><h1>Every verdict on one page</h1>
${CASES.map((c) => `<p><span class="v">${c.verdict.replace('_', ' ')}</span> ${c.said}: “${c.quote}”</p>`).join('\n')}
</article></body></html>`;

let folder: string;
let launched: Launched;
let served: Served;
let page: Page;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'verbatim-verdicts-'));
  writeFileSync(join(folder, 'every-verdict.html'), PAGE);
  launched = await launchWithExtension();
  served = await serveFolder(folder);
  page = await launched.context.newPage();
});

afterAll(async () => {
  await launched?.close();
  await served?.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('a page with every verdict', () => {
  it('gives each quote its intended verdict in Node, against the starter library', async () => {
    const report = await runCheck(join(folder, 'every-verdict.html'), [join(ROOT, 'public/sources')]);
    expect(report.quotes.map((q) => [q.text, q.verdict])).toEqual(CASES.map((c) => [c.quote, c.verdict]));
  });

  it('paints each quote under its verdict’s highlight, in a style told apart without colour', async () => {
    await page.goto(`${served.origin}/every-verdict.html`);
    expect(await waitForCheck(page)).toBe('done');
    const painted = await page.evaluate(() => {
      const out: Record<string, string[]> = {};
      CSS.highlights.forEach((h, name) => {
        if (name.startsWith('verbatim-verdict-')) out[name] = [...(h as unknown as Iterable<Range>)].map((r) => r.toString());
      });
      return out;
    });
    for (const c of CASES) expect(painted[`verbatim-verdict-${c.verdict}`], c.verdict).toEqual([c.quote]);
    expect(Object.keys(painted)).toHaveLength(CASES.length);

    // The rules the page got, as the browser parsed them.
    const rules = await page.evaluate(() => {
      const sheet = (document.getElementById('verbatim-highlight-style') as HTMLStyleElement).sheet!;
      const out: Record<string, { line: string; style: string; background: string }> = {};
      for (const rule of Array.from(sheet.cssRules)) {
        if (!(rule instanceof CSSStyleRule)) continue;
        const name = /::highlight\(([\w-]+)\)/.exec(rule.selectorText)?.[1];
        if (name) out[name] = { line: rule.style.textDecorationLine, style: rule.style.textDecorationStyle, background: rule.style.backgroundColor };
      }
      return out;
    });
    for (const c of CASES) {
      const rule = rules[`verbatim-verdict-${c.verdict}`];
      const look = LOOKS[c.verdict];
      expect(rule, c.verdict).toBeDefined();
      expect([rule.line, rule.style], c.verdict).toEqual([look.line, look.style]);
      expect(rule.background !== '' && rule.background !== 'transparent', `${c.verdict} wash`).toBe(look.wash);
    }
    // No two verdicts look alike once colour is taken away.
    const shapes = CASES.map((c) => `${rules[`verbatim-verdict-${c.verdict}`].line}/${rules[`verbatim-verdict-${c.verdict}`].style}/${LOOKS[c.verdict].wash}`);
    expect(new Set(shapes).size).toBe(CASES.length);

    await page.screenshot({ path: join(SCREENSHOTS, 'every-verdict.png'), fullPage: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'every-verdict-grey.png'), fullPage: true, style: 'html { filter: grayscale(1) }' });
  });
});
