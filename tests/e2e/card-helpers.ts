// Shared steps of the card and popup end-to-end tests: open a quote's card, read the clipboard,
// run axe-core on a part of a page.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Locator, Page } from 'playwright-core';

export const BODY = 'His Majesty’s Inspectorate of Constabulary and Fire & Rescue Services';
export const P_TITLE = 'Police not doing enough to tackle group-based child sexual exploitation';
export const P_TITLE_CAPS = 'Police Not Doing Enough to Tackle Group-Based Child Sexual Exploitation';
export const P_URL = 'https://www.parliamenttoday.com/members/viewnews.html?id=151460';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** Today as the styles print an access date: "29 November 2026" (UTC, as the background dates it). */
export function accessedToday(): string {
  const d = new Date();
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** The press release's reference entry in each style (Cite Them Right, APA 7, MLA 9, Chicago 17, OSCOLA 4). */
export function pressReleaseEntries(accessed: string): Record<string, string> {
  return {
    harvard: `${BODY} (2023) ${P_TITLE}. Available at: ${P_URL} (Accessed: ${accessed}).`,
    apa: `${BODY}. (2023, December 8). ${P_TITLE} [Press release]. ${P_URL}`,
    mla: `“${P_TITLE_CAPS}.” HMICFRS, 8 Dec. 2023, ${P_URL}.`,
    chicago: `${BODY}. 2023. “${P_TITLE_CAPS}.” Press release. HMICFRS. December 8, 2023. ${P_URL}.`,
    oscola: `${BODY}, ‘${P_TITLE_CAPS}’ (HMICFRS, 8 December 2023) <${P_URL}> accessed ${accessed}`,
  };
}

/** The page's first text node holding `needle`, scrolled to the middle; the point on its first words. */
export async function pointOnText(page: Page, needle: string): Promise<{ x: number; y: number }> {
  return page.evaluate((text) => {
    const walker = document.createTreeWalker(document.querySelector('article')!, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(text);
      if (at < 0) continue;
      (node.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + Math.min(text.length, 12));
      const r = range.getBoundingClientRect();
      return { x: r.left + Math.min(r.width / 2, 20), y: r.top + r.height / 2 };
    }
    throw new Error(`text not on page: ${text}`);
  }, needle);
}

/** Clicks a quote and waits for its card. */
export async function openCard(page: Page, needle: string): Promise<Locator> {
  if (await page.locator('verbatim-card').count()) {
    await page.keyboard.press('Escape');
    await page.locator('verbatim-card').waitFor({ state: 'detached' });
  }
  const { x, y } = await pointOnText(page, needle);
  await page.mouse.click(x, y);
  const card = page.locator('verbatim-card [role="dialog"]');
  await card.waitFor({ state: 'visible', timeout: 10_000 });
  return card;
}

export interface Clip {
  text: string;
  html: string | null;
}

/** What the clipboard holds, as plain text and (if present) HTML. */
export async function readClipboard(page: Page): Promise<Clip> {
  return page.evaluate(async () => {
    const items = await navigator.clipboard.read();
    const item = items[0];
    const text = item.types.includes('text/plain') ? await (await item.getType('text/plain')).text() : '';
    const html = item.types.includes('text/html') ? await (await item.getType('text/html')).text() : null;
    return { text, html };
  });
}

/** Empties the clipboard, so that a test sees only what it copied. */
export async function clearClipboard(page: Page): Promise<void> {
  await page.evaluate(() => navigator.clipboard.writeText(''));
}

/** Waits until the clipboard holds something, and returns it. */
export async function waitForClipboard(page: Page): Promise<Clip> {
  for (let i = 0; i < 50; i++) {
    const clip = await readClipboard(page).catch(() => ({ text: '', html: null }));
    if (clip.text) return clip;
    await page.waitForTimeout(100);
  }
  throw new Error('nothing was copied');
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[]; // the offending elements (CSS paths) and why
}

/** Serious and critical axe-core violations inside the element `selector` (shadow roots included). */
export async function seriousViolations(page: Page, selector: string): Promise<AxeViolation[]> {
  // Evaluated over the debugging protocol, which an extension page's script CSP does not block.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(`${axeSource}\n;void 0`);
  const all = await page.evaluate(async (sel) => {
    type Node = { target: unknown[]; failureSummary?: string };
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: Node[] }[] }> } }).axe;
    const result = await axe.run({ include: [sel] }, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => `${JSON.stringify(n.target)}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 200)}`),
    }));
  }, selector);
  return all.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
